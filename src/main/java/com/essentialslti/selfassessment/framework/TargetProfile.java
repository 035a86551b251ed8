package com.essentialslti.selfassessment.framework;

import java.util.Map;
import java.util.TreeMap;

/** Where a role needs someone to be: a level for each competency (by key). */
public record TargetProfile(String key, String name, String description, Map<String, Integer> levels) {

    public TargetProfile {
        FrameworkContent.requireKey(key);
        FrameworkContent.requireText(name, "target " + key + " needs a name", FrameworkContent.MAX_NAME);
        description = FrameworkContent.optionalText(description, FrameworkContent.MAX_TEXT);
        levels = java.util.Collections.unmodifiableMap(new TreeMap<>(levels));
    }

    /** The target level of a competency; 0 when the profile sets none. */
    public int levelOf(String competencyKey) {
        return levels.getOrDefault(competencyKey, 0);
    }
}
