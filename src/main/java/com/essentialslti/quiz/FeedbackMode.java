package com.essentialslti.quiz;

/** When a learner sees which answers were right and the feedback per question. */
public enum FeedbackMode {
    IMMEDIATELY("As soon as the attempt is submitted"),
    AFTER_CLOSE("After the quiz's close date"),
    NEVER("Never (score and verdict only)");

    private final String label;

    FeedbackMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
