package com.essentialslti.quiz.exchange;

import com.essentialslti.imports.ImportProblem;
import java.util.List;

/**
 * What reading an import file found: the questions it could read, the questions it skips and why, and every
 * problem, so that an admin sees a preview and all that needs fixing at once. Real banks mix question types: a
 * question of a type this tool does not have is skipped, not a problem. A problem (a supported question that is
 * broken, a file that is not one) makes the import all or nothing: a caller saves the questions only when the result
 * is {@link #acceptable()}.
 *
 * @param skipped each question left out, at its line, with the reason in words
 */
public record ImportResult(List<ImportedQuestion> questions, List<ImportProblem> problems,
                           List<ImportProblem> skipped) {

    public ImportResult {
        questions = List.copyOf(questions);
        problems = List.copyOf(problems);
        skipped = List.copyOf(skipped);
    }

    public ImportResult(List<ImportedQuestion> questions, List<ImportProblem> problems) {
        this(questions, problems, List.of());
    }

    /** True when the file has at least one question to import and no problem at all. */
    public boolean acceptable() {
        return problems.isEmpty() && !questions.isEmpty();
    }
}
