package com.essentialslti.selfassessment.framework;

import java.util.Arrays;
import java.util.Optional;

/** The three ways of learning of the 70-20-10 model, in the order the course teaches them. */
public enum Share {
    EXPERIENCE("70", "Experience at work (70)"),
    OTHERS("20", "Learning from others (20)"),
    FORMAL("10", "Formal learning (10)");

    private final String key;
    private final String label;

    Share(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** "70", "20" or "10": the key in the framework's JSON. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public static Optional<Share> fromKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }
}
