package com.essentialslti.course;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a resource link is used for. A trainer chooses it on the link's page, or the platform sets it with the
 * custom parameter {@code activity=quiz} (Moodle: the tool's or the activity's "Custom parameters").
 */
public enum Activity {
    READINESS_QUIZ("quiz", "Essentials readiness quiz", true),
    SELF_ASSESSMENT("self-assessment", "Competency self-assessment", true),
    JOURNAL("journal", "70-20-10 reflection journal", false);

    private final String key;
    private final String label;
    private final boolean available;

    Activity(String key, String label, boolean available) {
        this.key = key;
        this.label = label;
        this.available = available;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** Built in this version of the tool (the others come later). */
    public boolean available() {
        return available;
    }

    public static Optional<Activity> fromKey(String key) {
        return Arrays.stream(values()).filter(a -> a.key.equals(key)).findFirst();
    }
}
