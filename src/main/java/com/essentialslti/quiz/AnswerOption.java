package com.essentialslti.quiz;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.Objects;

/** One option of a question version, with the feedback a learner sees for it after submitting. */
@Embeddable
public class AnswerOption {

    public static final int MAX_TEXT = 1000;

    @Column(name = "text")
    private String text;
    private boolean correct;
    private String feedback;

    protected AnswerOption() {
    }

    public AnswerOption(String text, boolean correct, String feedback) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an option needs a text");
        }
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("an option's text is at most " + MAX_TEXT + " characters");
        }
        this.text = PlainText.newLines(text).strip();
        this.correct = correct;
        this.feedback = feedback == null ? "" : truncate(PlainText.newLines(feedback).strip(), 2000);
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    public String text() {
        return text;
    }

    public boolean correct() {
        return correct;
    }

    public String feedback() {
        return feedback;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AnswerOption other && text.equals(other.text) && correct == other.correct
                && feedback.equals(other.feedback);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, correct, feedback);
    }
}
