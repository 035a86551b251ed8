package com.essentialslti.selfassessment.exchange;

import com.essentialslti.imports.ImportProblem;
import com.essentialslti.selfassessment.framework.FrameworkContent;

import java.util.List;

/**
 * What reading a framework file found: the framework, or every problem that keeps it from being imported, and notes
 * on what the file could not carry or what was read in a way an admin should know before confirming (a preview).
 * All or nothing: with any problem there is no framework.
 *
 * @param framework the framework read, with no target profile (neither format has them: the caller adds its
 *                  defaults); null when there are problems
 * @param problems  each at its line (CSV) or with its JSON pointer in the message (CASE, line 0)
 * @param notes     words for the preview, for example that the file has no behaviour per level
 */
public record FrameworkImport(FrameworkContent framework, List<ImportProblem> problems, List<String> notes) {

    public FrameworkImport {
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
        if (!problems.isEmpty()) {
            framework = null;
        }
    }

    static FrameworkImport refused(ImportProblem problem) {
        return new FrameworkImport(null, List.of(problem), List.of());
    }

    /** True when the file holds a framework and no problem at all. */
    public boolean acceptable() {
        return framework != null && problems.isEmpty();
    }
}
