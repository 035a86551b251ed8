package com.essentialslti.selfassessment.framework;

import java.util.List;

/**
 * One competency: what it is, the observable behaviour at each level of the scale ({@code behaviours.get(0)} is
 * level 1), and the readiness quiz's topics that test the knowledge behind it.
 *
 * @param key stable within a framework, across its versions: ratings, targets and snapshots refer to it
 */
public record Competency(String key, String name, String description, List<String> behaviours,
                         List<String> quizTopics, boolean retired) {

    public Competency {
        FrameworkContent.requireKey(key);
        FrameworkContent.requireText(name, "competency " + key + " needs a name", FrameworkContent.MAX_NAME);
        description = FrameworkContent.optionalText(description, FrameworkContent.MAX_TEXT);
        behaviours = behaviours.stream().map(b -> FrameworkContent.optionalText(b, FrameworkContent.MAX_TEXT))
                .toList();
        quizTopics = List.copyOf(quizTopics);
    }

    /** What someone at this level does (empty when the framework does not say). */
    public String behaviourAt(int level) {
        return level >= 1 && level <= behaviours.size() ? behaviours.get(level - 1) : "";
    }

    public Competency withRetired(boolean isRetired) {
        return new Competency(key, name, description, behaviours, quizTopics, isRetired);
    }
}
