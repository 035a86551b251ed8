package com.essentialslti.quiz;

import java.util.List;

/**
 * What a trainer writes for a question: its type, difficulty, text and options. The rules of each type are checked
 * here, so that no invalid question reaches the bank, whether typed in a form or imported.
 */
public record QuestionContent(QuestionType type, Difficulty difficulty, String text, List<AnswerOption> options) {

    public static final int MAX_TEXT = 4000;
    public static final int MAX_OPTIONS = 10;

    public QuestionContent {
        if (type == null || difficulty == null) {
            throw new IllegalArgumentException("a question needs a type and a difficulty");
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a question needs a text");
        }
        // One kind of line end, whether the text came from a browser's text area (\r\n) or a file.
        text = PlainText.newLines(text).strip();
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("a question's text is at most " + MAX_TEXT + " characters");
        }
        options = List.copyOf(options);
        long correct = options.stream().filter(AnswerOption::correct).count();
        switch (type) {
            case TRUE_FALSE -> {
                if (options.size() != 2 || correct != 1) {
                    throw new IllegalArgumentException("a true/false question has two options, one of them correct");
                }
            }
            case SINGLE -> {
                if (options.size() < 2 || correct != 1) {
                    throw new IllegalArgumentException(
                            "a single-answer question has at least two options and exactly one correct");
                }
            }
            case MULTIPLE -> {
                if (options.size() < 2 || correct < 1) {
                    throw new IllegalArgumentException(
                            "a multiple-answer question has at least two options and at least one correct");
                }
            }
        }
        if (options.size() > MAX_OPTIONS) {
            throw new IllegalArgumentException("a question has at most " + MAX_OPTIONS + " options");
        }
    }
}
