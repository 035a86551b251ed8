package com.essentialslti.quiz;

import java.util.List;

/**
 * What reading an import file found: the questions it could read and every problem, so that an admin sees a
 * preview and all that needs fixing at once. Imports are all or nothing: a caller saves the questions only when the
 * result is {@link #acceptable()}.
 */
public record ImportResult(List<ImportedQuestion> questions, List<ImportProblem> problems) {

    public ImportResult {
        questions = List.copyOf(questions);
        problems = List.copyOf(problems);
    }

    /** True when the file has at least one question and no problem at all. */
    public boolean acceptable() {
        return problems.isEmpty() && !questions.isEmpty();
    }
}
