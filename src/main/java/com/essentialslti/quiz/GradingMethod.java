package com.essentialslti.quiz;

import java.util.List;
import java.util.OptionalDouble;

/** How a learner's finished attempts make one grade (as in Moodle's quiz). */
public enum GradingMethod {
    HIGHEST("Highest attempt"),
    LATEST("Latest attempt"),
    FIRST("First attempt"),
    AVERAGE("Average of attempts");

    private final String label;

    GradingMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The grade (0 to 1) from the scores of finished attempts in the order they were made; empty when none. */
    public OptionalDouble grade(List<Double> scoresInOrder) {
        if (scoresInOrder.isEmpty()) {
            return OptionalDouble.empty();
        }
        return switch (this) {
            case HIGHEST -> scoresInOrder.stream().mapToDouble(Double::doubleValue).max();
            case LATEST -> OptionalDouble.of(scoresInOrder.get(scoresInOrder.size() - 1));
            case FIRST -> OptionalDouble.of(scoresInOrder.get(0));
            case AVERAGE -> scoresInOrder.stream().mapToDouble(Double::doubleValue).average();
        };
    }
}
