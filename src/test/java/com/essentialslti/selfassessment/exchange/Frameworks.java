package com.essentialslti.selfassessment.exchange;

import com.essentialslti.selfassessment.framework.Competency;
import com.essentialslti.selfassessment.framework.CompetencyArea;
import com.essentialslti.selfassessment.framework.FrameworkContent;
import com.essentialslti.selfassessment.framework.ProficiencyLevel;
import com.essentialslti.selfassessment.framework.Share;
import com.essentialslti.selfassessment.framework.TargetProfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Frameworks for the exchange tests, built by hand: a builder with sensible defaults and a sample with edge texts. */
final class Frameworks {

    private String name = "PMO Manager Competencies";
    private String description = "What a PMO manager does well.";
    private final List<ProficiencyLevel> scale = new ArrayList<>();
    private final List<CompetencyArea> areas = new ArrayList<>();
    private final List<TargetProfile> targets = new ArrayList<>();

    static Frameworks framework() {
        return new Frameworks();
    }

    Frameworks named(String frameworkName, String frameworkDescription) {
        this.name = frameworkName;
        this.description = frameworkDescription;
        return this;
    }

    /** Levels as name, summary, name, summary… */
    Frameworks levels(String... namesAndSummaries) {
        for (int i = 0; i < namesAndSummaries.length; i += 2) {
            scale.add(new ProficiencyLevel(scale.size() + 1, namesAndSummaries[i], namesAndSummaries[i + 1], false));
        }
        return this;
    }

    Frameworks area(String key, String areaName, Competency... competencies) {
        areas.add(new CompetencyArea(key, areaName, "", List.of(competencies), Map.of()));
        return this;
    }

    Frameworks area(CompetencyArea area) {
        areas.add(area);
        return this;
    }

    Frameworks target(TargetProfile target) {
        targets.add(target);
        return this;
    }

    FrameworkContent build() {
        if (scale.isEmpty()) {
            levels("Novice", "Knows the terms.", "Practitioner", "Does it with support.", "Expert", "Teaches it.");
        }
        return new FrameworkContent(name, description, scale, areas, targets);
    }

    static Competency competency(String key, String competencyName, String competencyDescription,
                                 String... behaviours) {
        return new Competency(key, competencyName, competencyDescription, List.of(behaviours), List.of(), false);
    }

    /**
     * A framework with what an exchange must keep exactly (HTML, '<', '&', line breaks, formula-looking text, spaces)
     * and what it leaves out (a retired competency, suggestions, quiz topics, a target).
     */
    static FrameworkContent sample() {
        return framework()
                .named("PMO Manager Competencies", "<p>What a PMO manager does well.</p>\nSecond line & more")
                .levels("Novice", "Knows the terms.", "Practitioner, certified", "Does it <alone>.", "Expert",
                        "=Teaches it")
                .area(new CompetencyArea("GOV", "Governance", "Decision rights and controls", List.of(
                        new Competency("GOV-1", "Designs a governance framework", "Stage gates & decision rights",
                                List.of("Knows what a stage gate is", "Runs a gate review in < 2 days",
                                        "Designs gates for the portfolio"), List.of("Governance"), false),
                        new Competency("GOV-2", "-Reports portfolio status", "",
                                List.of("", "Writes the monthly report", "@Coaches others"), List.of(), false),
                        new Competency("GOV-3", "Retired competency", "gone", List.of(), List.of(), true)),
                        Map.of(Share.EXPERIENCE, List.of("Lead a gate review"))))
                .area("DEL", "Delivery support",
                        competency("DEL-1", "Plans resources", "  Capacity planning,\r\nacross projects  "))
                .target(new TargetProfile("pmo-lead", "PMO lead", "", Map.of("GOV-1", 3)))
                .build();
    }

    /** What an exchange keeps of a framework: no targets, suggestions, quiz topics or retired competencies. */
    static FrameworkContent exchanged(FrameworkContent framework) {
        List<CompetencyArea> kept = framework.areasInUse().stream().map(a -> new CompetencyArea(a.key(), a.name(),
                a.description(), a.inUse().stream().map(c -> new Competency(c.key(), c.name(), c.description(),
                c.behaviours(), List.of(), false)).toList(), Map.of())).toList();
        return new FrameworkContent(framework.name(), framework.description(), framework.scale(), kept, List.of());
    }
}
