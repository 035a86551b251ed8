package com.essentialslti.selfassessment;

import com.essentialslti.selfassessment.framework.Competency;
import com.essentialslti.selfassessment.framework.CompetencyArea;
import com.essentialslti.selfassessment.framework.FrameworkContent;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A learner's ratings read against a target: the gap of each competency, the level of each area, the strengths
 * (at or above target) and the development areas (below it, the largest gap first). Computed from a snapshot and
 * the framework version it was made with, so it never changes when the framework is edited later.
 */
public record Profile(FrameworkContent framework, Map<String, Integer> levels, Map<String, Integer> target) {

    public Profile {
        levels = Map.copyOf(levels);
        target = Map.copyOf(target);
    }

    /** One competency's rating against its target (0 when the target sets none). */
    public record CompetencyResult(CompetencyArea area, Competency competency, int level, int target) {

        /** How many levels below the target; 0 at or above it, or without a target. */
        public int gap() {
            return target > 0 ? Math.max(0, target - level) : 0;
        }

        public boolean strength() {
            return target > 0 && level >= target;
        }
    }

    /** An area's average level against its average target, over its rated competencies. */
    public record AreaResult(CompetencyArea area, double level, double target, List<CompetencyResult> competencies) {

        public double gap() {
            return Math.max(0, target - level);
        }

        public boolean hasTarget() {
            return target > 0;
        }
    }

    /** Each rated competency, in the framework's order. */
    public List<CompetencyResult> competencies() {
        return framework.areas().stream().flatMap(area -> area.competencies().stream()
                .filter(c -> levels.containsKey(c.key()))
                .map(c -> new CompetencyResult(area, c, levels.get(c.key()), target.getOrDefault(c.key(), 0))))
                .toList();
    }

    /** Each area with at least one rated competency, in the framework's order. */
    public List<AreaResult> areas() {
        Map<String, List<CompetencyResult>> byArea = new LinkedHashMap<>();
        competencies().forEach(r -> byArea.computeIfAbsent(r.area().key(), k -> new java.util.ArrayList<>()).add(r));
        return byArea.values().stream().map(results -> new AreaResult(results.get(0).area(),
                average(results.stream().mapToInt(CompetencyResult::level).average()),
                average(results.stream().filter(r -> r.target() > 0).mapToInt(CompetencyResult::target).average()),
                List.copyOf(results))).toList();
    }

    public Optional<AreaResult> area(String key) {
        return areas().stream().filter(a -> a.area().key().equals(key)).findFirst();
    }

    /** Competencies at or above their target, in the framework's order. */
    public List<CompetencyResult> strengths() {
        return competencies().stream().filter(CompetencyResult::strength).toList();
    }

    /** Competencies below their target, the largest gap first (the framework's order among equal gaps). */
    public List<CompetencyResult> developmentAreas() {
        return competencies().stream().filter(r -> r.gap() > 0)
                .sorted(Comparator.comparingInt(CompetencyResult::gap).reversed()).toList();
    }

    /**
     * The areas that hold development areas, the one with the largest competency gap first (then the larger area
     * gap): where the 70-20-10 suggestions go.
     */
    public List<AreaResult> areasToDevelop() {
        return areas().stream().filter(a -> a.competencies().stream().anyMatch(r -> r.gap() > 0))
                .sorted(Comparator.<AreaResult>comparingInt(a -> a.competencies().stream()
                                .mapToInt(CompetencyResult::gap).max().orElse(0)).reversed()
                        .thenComparing(Comparator.comparingDouble(AreaResult::gap).reversed()))
                .toList();
    }

    private static double average(OptionalDouble value) {
        return value.isPresent() ? Math.round(value.getAsDouble() * 100) / 100.0 : 0;
    }
}
