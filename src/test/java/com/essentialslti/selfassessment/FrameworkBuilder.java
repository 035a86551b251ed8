package com.essentialslti.selfassessment;

import com.essentialslti.selfassessment.framework.Competency;
import com.essentialslti.selfassessment.framework.CompetencyArea;
import com.essentialslti.selfassessment.framework.FrameworkContent;
import com.essentialslti.selfassessment.framework.ProficiencyLevel;
import com.essentialslti.selfassessment.framework.TargetProfile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small framework for tests: a four-level scale, areas added by name with their competencies, one target
 * ("target") whose levels the test sets.
 */
public final class FrameworkBuilder {

    private final List<CompetencyArea> areas = new ArrayList<>();
    private final Map<String, Integer> target = new LinkedHashMap<>();
    private final Map<String, List<String>> quizTopics = new LinkedHashMap<>();

    public static FrameworkBuilder framework() {
        return new FrameworkBuilder();
    }

    /** An area with competencies keyed {@code <area>.<name>}. */
    public FrameworkBuilder area(String key, String... competencies) {
        List<Competency> list = new ArrayList<>();
        for (String name : competencies) {
            String competencyKey = key + "." + name;
            list.add(new Competency(competencyKey, "Competency " + name, "", List.of("Aware of " + name,
                    "Practises " + name, "Experienced in " + name, "Expert in " + name),
                    quizTopics.getOrDefault(competencyKey, List.of()), false));
        }
        areas.add(new CompetencyArea(key, "Area " + key, "", list, Map.of()));
        return this;
    }

    public FrameworkBuilder target(String competencyKey, int level) {
        target.put(competencyKey, level);
        return this;
    }

    /** Quiz topics for a competency added after this call. */
    public FrameworkBuilder quizTopics(String competencyKey, String... topics) {
        quizTopics.put(competencyKey, List.of(topics));
        return this;
    }

    public FrameworkContent build() {
        return new FrameworkContent("Test framework", "", scale(), areas,
                List.of(new TargetProfile("target", "Test target", "", target)));
    }

    public static List<ProficiencyLevel> scale() {
        return List.of(new ProficiencyLevel(1, "Aware", "", false), new ProficiencyLevel(2, "Practitioner", "", false),
                new ProficiencyLevel(3, "Experienced", "", false), new ProficiencyLevel(4, "Expert", "", false));
    }
}
