package com.essentialslti.quiz.bank;

import java.util.List;

/**
 * What a trainer writes for a question: its type, difficulty, text, options and the general feedback every learner
 * sees after submitting, whatever they chose. The rules of each type are checked here, so that no invalid question
 * reaches the bank, whether typed in a form or imported.
 */
public record QuestionContent(QuestionType type, Difficulty difficulty, String text, List<AnswerOption> options,
                              String generalFeedback) {

    public static final int MAX_TEXT = 4000;
    public static final int MAX_OPTIONS = 10;

    /** A question without general feedback. */
    public QuestionContent(QuestionType type, Difficulty difficulty, String text, List<AnswerOption> options) {
        this(type, difficulty, text, options, "");
    }

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
        generalFeedback = generalFeedback == null ? "" : PlainText.newLines(generalFeedback).strip();
        if (generalFeedback.length() > MAX_TEXT) {
            throw new IllegalArgumentException("a question's general feedback is at most " + MAX_TEXT + " characters");
        }
        options = List.copyOf(options);
        if (type != QuestionType.SINGLE && options.stream().anyMatch(o -> o.partialCredit() > 0)) {
            // Multiple answers share the mark equally among the correct ones; true or false is right or wrong.
            throw new IllegalArgumentException("only a single-answer question gives partial credit for an option");
        }
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

    /**
     * Whether {@code other} asks the same question: the same type, text and options in the same order. Difficulty,
     * which files do not carry, and feedback, which a trainer may have improved, do not make another question; an
     * import uses this to say which of its questions the bank already has.
     */
    public boolean sameQuestionAs(QuestionContent other) {
        return type == other.type && text.equals(other.text)
                && options.stream().map(AnswerOption::text).toList()
                        .equals(other.options.stream().map(AnswerOption::text).toList());
    }
}
