package com.essentialslti.quiz.bank;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.Objects;

/**
 * One option of a question version, with the feedback a learner sees for it after submitting. A wrong option of a
 * single-answer question may give part of the mark (Moodle's 50% answer): its partial credit, a share below one.
 */
@Embeddable
public class AnswerOption {

    public static final int MAX_TEXT = 1000;

    @Column(name = "text")
    private String text;
    private boolean correct;
    private String feedback;
    @Column(name = "partial_credit")
    private double partialCredit;

    protected AnswerOption() {
    }

    public AnswerOption(String text, boolean correct, String feedback) {
        this(text, correct, 0, feedback);
    }

    /**
     * @param partialCredit the share of the mark (0 to below 1) that choosing this wrong option earns; a correct
     *                      option earns the whole mark and has none
     */
    public AnswerOption(String text, boolean correct, double partialCredit, String feedback) {
        if (!(partialCredit >= 0 && partialCredit < 1)) {
            throw new IllegalArgumentException("an option's partial credit is a share from 0 to below 100%");
        }
        if (correct && partialCredit > 0) {
            throw new IllegalArgumentException("a correct option earns the whole mark, not partial credit");
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an option needs a text");
        }
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("an option's text is at most " + MAX_TEXT + " characters");
        }
        this.text = PlainText.newLines(text).strip();
        this.correct = correct;
        // Moodle keeps grades to seven decimals (0.3333333); so do we, so that a share read back from a file is equal.
        this.partialCredit = Math.round(partialCredit * 1e7) / 1e7;
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

    /** The share of the mark for a wrong option that still earns some; 0 for a correct option or a wrong one. */
    public double partialCredit() {
        return partialCredit;
    }

    /** The share of the mark that choosing this option alone earns: 1 when correct, else its partial credit. */
    public double credit() {
        return correct ? 1.0 : partialCredit;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AnswerOption other && text.equals(other.text) && correct == other.correct
                && partialCredit == other.partialCredit && feedback.equals(other.feedback);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, correct, partialCredit, feedback);
    }

    /**
     * A share of the mark (0.5) in percent as Moodle writes grades (50; 33.33333 with five decimals), which Moodle
     * reads back, and the tool reads back, as the same share.
     */
    public static String percent(double share) {
        return java.math.BigDecimal.valueOf(share).multiply(java.math.BigDecimal.valueOf(100))
                .setScale(5, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
