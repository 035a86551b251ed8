package com.essentialslti.selfassessment.framework;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The changes a trainer makes to a course's framework, each a function from one version's content to the next.
 * Nothing is ever deleted: a competency or a level is retired (no longer offered) and may be restored, so every
 * past snapshot still reads. Each refuses, with an {@link IllegalArgumentException} in words, a change that
 * would leave the framework unusable.
 */
public final class FrameworkEdits {

    private FrameworkEdits() {
    }

    /** New wording for a competency: its name, description and the behaviour at each level. */
    public static UnaryOperator<FrameworkContent> reword(String competencyKey, String name, String description,
                                                         List<String> behaviours) {
        return framework -> {
            Competency old = framework.competency(competencyKey).orElseThrow(() -> noSuch(competencyKey));
            return replace(framework, competencyKey, new Competency(competencyKey, name, description,
                    behaviours(framework, behaviours), old.quizTopics(), old.retired()));
        };
    }

    /** A new competency at the end of an area, with a key made from its name. */
    public static UnaryOperator<FrameworkContent> add(String areaKey, String name, String description,
                                                      List<String> behaviours) {
        return framework -> {
            CompetencyArea area = framework.area(areaKey).orElseThrow(() -> new IllegalArgumentException(
                    "The framework has no such area."));
            if (framework.competencies().size() >= FrameworkContent.MAX_COMPETENCIES) {
                throw new IllegalArgumentException("A framework has at most " + FrameworkContent.MAX_COMPETENCIES
                        + " competencies.");
            }
            Competency added = new Competency(newKey(framework, areaKey, name), name, description,
                    behaviours(framework, behaviours), List.of(), false);
            List<Competency> competencies = new ArrayList<>(area.competencies());
            competencies.add(added);
            return withArea(framework, new CompetencyArea(area.key(), area.name(), area.description(), competencies,
                    area.suggestions()));
        };
    }

    /** Retires or restores a competency; at least one competency stays in use. */
    public static UnaryOperator<FrameworkContent> retireCompetency(String competencyKey, boolean retired) {
        return framework -> {
            Competency old = framework.competency(competencyKey).orElseThrow(() -> noSuch(competencyKey));
            if (retired && !old.retired() && framework.inUse().size() == 1) {
                throw new IllegalArgumentException("The framework needs at least one competency in use.");
            }
            return replace(framework, competencyKey, old.withRetired(retired));
        };
    }

    /** Renames a level of the scale and says in one sentence what it means. */
    public static UnaryOperator<FrameworkContent> renameLevel(int level, String name, String summary) {
        return framework -> withLevel(framework, level, old -> new ProficiencyLevel(level, name, summary,
                old.retired()));
    }

    /** Retires or restores a level of the scale (the framework refuses fewer than two in use). */
    public static UnaryOperator<FrameworkContent> retireLevel(int level, boolean retired) {
        return framework -> withLevel(framework, level, old -> old.withRetired(retired));
    }

    private static FrameworkContent withLevel(FrameworkContent framework, int level,
                                              UnaryOperator<ProficiencyLevel> change) {
        if (level < 1 || level > framework.scale().size()) {
            throw new IllegalArgumentException("The scale has no level " + level + ".");
        }
        List<ProficiencyLevel> scale = new ArrayList<>(framework.scale());
        scale.set(level - 1, change.apply(scale.get(level - 1)));
        return new FrameworkContent(framework.name(), framework.description(), scale, framework.areas(),
                framework.targets());
    }

    private static List<String> behaviours(FrameworkContent framework, List<String> behaviours) {
        if (behaviours.stream().allMatch(b -> b == null || b.isBlank())) {
            return List.of();
        }
        if (behaviours.size() != framework.scale().size()
                || behaviours.stream().anyMatch(b -> b == null || b.isBlank())) {
            throw new IllegalArgumentException("Describe the behaviour at each of the scale's "
                    + framework.scale().size() + " levels.");
        }
        return behaviours.stream().map(b -> b == null ? "" : b.strip()).toList();
    }

    private static FrameworkContent replace(FrameworkContent framework, String competencyKey, Competency changed) {
        CompetencyArea area = framework.areaOf(competencyKey).orElseThrow(() -> noSuch(competencyKey));
        List<Competency> competencies = area.competencies().stream()
                .map(c -> c.key().equals(competencyKey) ? changed : c).toList();
        return withArea(framework, new CompetencyArea(area.key(), area.name(), area.description(), competencies,
                area.suggestions()));
    }

    private static FrameworkContent withArea(FrameworkContent framework, CompetencyArea changed) {
        List<CompetencyArea> areas = framework.areas().stream()
                .map(a -> a.key().equals(changed.key()) ? changed : a).toList();
        return new FrameworkContent(framework.name(), framework.description(), framework.scale(), areas,
                framework.targets());
    }

    /** {@code <area>.<words of the name>}, with a number when that key is taken (also by a retired one). */
    static String newKey(FrameworkContent framework, String areaKey, String name) {
        String words = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        String base = (areaKey + "." + (words.isEmpty() ? "competency" : words));
        base = base.length() > 90 ? base.substring(0, 90) : base;
        String key = base;
        for (int n = 2; framework.competency(key).isPresent() || framework.area(key).isPresent(); n++) {
            key = base + "-" + n;
        }
        return key;
    }

    private static IllegalArgumentException noSuch(String competencyKey) {
        return new IllegalArgumentException("The framework has no competency \"" + competencyKey + "\".");
    }
}
