package com.essentialslti.selfassessment.framework;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A group of related competencies, with the development actions the course suggests for it, by 70-20-10 share
 * (an imported framework may have none: the defaults of {@link DevelopmentSuggestions} apply then).
 */
public record CompetencyArea(String key, String name, String description, List<Competency> competencies,
                             Map<Share, List<String>> suggestions) {

    public CompetencyArea {
        FrameworkContent.requireKey(key);
        FrameworkContent.requireText(name, "area " + key + " needs a name", FrameworkContent.MAX_NAME);
        description = FrameworkContent.optionalText(description, FrameworkContent.MAX_TEXT);
        competencies = List.copyOf(competencies);
        Map<Share, List<String>> copy = new EnumMap<>(Share.class);
        suggestions.forEach((share, texts) -> copy.put(share, List.copyOf(texts)));
        suggestions = java.util.Collections.unmodifiableMap(copy);
    }

    /** The competencies a learner rates now. */
    public List<Competency> inUse() {
        return competencies.stream().filter(c -> !c.retired()).toList();
    }
}
