package com.essentialslti.selfassessment.framework;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an imported framework cannot carry (neither Moodle's CSV nor CASE has targets, 70-20-10 suggestions or
 * quiz topics) taken from the course's current framework where keys match, so that re-importing an export loses
 * nothing; a framework with nothing to match gets one plain target, which the preview names.
 */
public final class ImportedFrameworks {

    /** The framework to save, and what the preview should say about what was added. */
    public record Completed(FrameworkContent framework, List<String> notes) {
    }

    private ImportedFrameworks() {
    }

    public static Completed complete(FrameworkContent imported, FrameworkContent current) {
        List<String> notes = new ArrayList<>();
        int kept = 0;
        List<CompetencyArea> areas = new ArrayList<>();
        for (CompetencyArea area : imported.areas()) {
            List<Competency> competencies = new ArrayList<>();
            for (Competency competency : area.competencies()) {
                List<String> topics = competency.quizTopics().isEmpty()
                        ? current.competency(competency.key()).map(Competency::quizTopics).orElse(List.of())
                        : competency.quizTopics();
                kept += topics.isEmpty() ? 0 : 1;
                competencies.add(new Competency(competency.key(), competency.name(), competency.description(),
                        competency.behaviours(), topics, competency.retired()));
            }
            areas.add(new CompetencyArea(area.key(), area.name(), area.description(), competencies,
                    area.suggestions().isEmpty() ? current.area(area.key()).map(CompetencyArea::suggestions)
                            .orElse(Map.of()) : area.suggestions()));
        }
        if (kept > 0) {
            notes.add(kept + " competencies keep the readiness quiz topics of the competency with the same key.");
        }
        List<TargetProfile> targets = new ArrayList<>(imported.targets());
        if (targets.isEmpty()) {
            for (TargetProfile target : current.targets()) {
                Map<String, Integer> levels = new LinkedHashMap<>();
                target.levels().forEach((key, level) -> {
                    if (imported.competency(key).isPresent()) {
                        levels.put(key, Math.min(level, imported.scale().size()));
                    }
                });
                if (!levels.isEmpty()) {
                    targets.add(new TargetProfile(target.key(), target.name(), target.description(), levels));
                }
            }
            if (!targets.isEmpty()) {
                notes.add("The target profiles (" + String.join(", ", targets.stream().map(TargetProfile::name)
                        .toList()) + ") keep their levels for the competencies with the same key.");
            } else {
                int level = Math.max(1, imported.scale().size() - 1);
                Map<String, Integer> levels = new LinkedHashMap<>();
                imported.competencies().forEach(c -> levels.put(c.key(), level));
                String name = imported.level(level).name();
                targets.add(new TargetProfile("imported", name + " in every competency",
                        "Made at import: the file had no target.", levels));
                notes.add("The file has no target profile: the target is \"" + name + "\" in every competency "
                        + "until you choose your own on the settings page.");
            }
        }
        return new Completed(new FrameworkContent(imported.name(), imported.description(), imported.scale(), areas,
                targets), notes);
    }
}
