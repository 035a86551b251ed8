package com.essentialslti.quiz.exchange;

/**
 * Bounds on what an import reads, so that a huge or hostile file costs little memory and time and is turned down
 * with a clear problem.
 */
import com.essentialslti.imports.ImportProblem;

final class ImportLimits {

    static final int MAX_FILE_BYTES = 2 * 1024 * 1024;
    static final String MAX_FILE_SIZE = "2 MiB";
    static final int MAX_QUESTIONS = 1000;

    private ImportLimits() {
    }

    static ImportProblem fileTooLarge() {
        return new ImportProblem(0, "the file is larger than " + MAX_FILE_SIZE);
    }

    static ImportProblem tooManyQuestions(int line) {
        return new ImportProblem(line, "the file has more than " + MAX_QUESTIONS
                + " questions; split it into smaller files");
    }

    static ImportProblem noQuestion(String supported) {
        return new ImportProblem(0, "the file has no question; this tool reads " + supported);
    }
}
