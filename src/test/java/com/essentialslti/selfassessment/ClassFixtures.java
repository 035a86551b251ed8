package com.essentialslti.selfassessment;

import com.essentialslti.selfassessment.framework.Competency;
import com.essentialslti.selfassessment.framework.CompetencyArea;
import com.essentialslti.selfassessment.framework.FrameworkContent;
import com.essentialslti.selfassessment.framework.ProficiencyLevel;
import com.essentialslti.selfassessment.framework.TargetProfile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small framework for the class view's tests: areas "plan" (competencies plan.a and plan.b) and "lead" (lead.a),
 * a four-level scale, and the target "t" at level 3 everywhere.
 */
final class ClassFixtures {

    static final FrameworkContent FRAMEWORK = framework("plan", "lead");

    private ClassFixtures() {
    }

    static FrameworkContent framework(String... areaKeys) {
        List<CompetencyArea> areas = new ArrayList<>();
        Map<String, Integer> target = new LinkedHashMap<>();
        for (String key : areaKeys) {
            List<Competency> competencies = new ArrayList<>();
            for (String suffix : key.equals("plan") ? List.of("a", "b") : List.of("a")) {
                competencies.add(new Competency(key + "." + suffix, key + " " + suffix, "", List.of(), List.of(),
                        false));
                target.put(key + "." + suffix, 3);
            }
            areas.add(new CompetencyArea(key, "Area " + key, "", competencies, Map.of()));
        }
        List<ProficiencyLevel> scale = List.of(new ProficiencyLevel(1, "Aware", "", false),
                new ProficiencyLevel(2, "Practitioner", "", false), new ProficiencyLevel(3, "Experienced", "", false),
                new ProficiencyLevel(4, "Expert", "", false));
        return new FrameworkContent("Test framework", "", scale, areas,
                List.of(new TargetProfile("t", "Target T", "", target)));
    }

    static Map<String, Integer> target(FrameworkContent framework) {
        return framework.targets().get(0).levels();
    }

    static ClassView.Member learner(String id) {
        return new ClassView.Member(id, "Name " + id, true);
    }

    static ClassView.Summary snapshot(String id, String userId, int number) {
        return new ClassView.Summary(id, userId, number, true, Optional.of(Instant.parse("2026-12-01T10:00:00Z")
                .plusSeconds(number * 3600L)), "v1");
    }

    static ClassView.Summary inProgress(String id, String userId, int number) {
        return new ClassView.Summary(id, userId, number, false, Optional.empty(), "v1");
    }

    /** Levels: plan.a, plan.b, lead.a. */
    static Map<String, Integer> levels(int planA, int planB, int leadA) {
        return Map.of("plan.a", planA, "plan.b", planB, "lead.a", leadA);
    }

    static ClassView view(List<ClassView.Member> members, List<ClassView.Summary> assessments,
                          Map<String, Map<String, Integer>> latest) {
        return ClassView.of(FRAMEWORK, id -> FRAMEWORK, ClassFixtures::target, members, assessments, latest);
    }
}
