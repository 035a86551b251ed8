package com.essentialslti.selfassessment.framework;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A whole competency framework as one value: its scale, its areas with their competencies, and its target
 * profiles. A version of a course's framework holds one, and never changes once written; every edit makes a new
 * one. The constructor refuses a framework that could not be rated (see each check), so every holder of one may
 * rely on it.
 */
public record FrameworkContent(String name, String description, List<ProficiencyLevel> scale,
                               List<CompetencyArea> areas, List<TargetProfile> targets) {

    public static final int MAX_NAME = 255;
    public static final int MAX_TEXT = 2000;
    public static final int MIN_LEVELS = 2;
    public static final int MAX_LEVELS = 7;
    public static final int MAX_AREAS = 50;
    public static final int MAX_COMPETENCIES = 500;
    public static final int MAX_TARGETS = 20;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");

    public FrameworkContent {
        requireText(name, "the framework needs a name", MAX_NAME);
        description = optionalText(description, MAX_TEXT);
        scale = List.copyOf(scale);
        areas = List.copyOf(areas);
        targets = List.copyOf(targets);
        if (scale.size() < MIN_LEVELS || scale.size() > MAX_LEVELS) {
            throw new IllegalArgumentException("a scale has " + MIN_LEVELS + " to " + MAX_LEVELS + " levels");
        }
        for (int i = 0; i < scale.size(); i++) {
            if (scale.get(i).level() != i + 1) {
                throw new IllegalArgumentException("the scale's levels are numbered 1, 2, 3… in order");
            }
        }
        if (scale.stream().filter(l -> !l.retired()).count() < MIN_LEVELS) {
            throw new IllegalArgumentException("a scale keeps at least " + MIN_LEVELS + " levels in use");
        }
        if (areas.isEmpty() || areas.size() > MAX_AREAS) {
            throw new IllegalArgumentException("a framework has 1 to " + MAX_AREAS + " areas");
        }
        Set<String> keys = new HashSet<>();
        int count = 0;
        for (CompetencyArea area : areas) {
            if (!keys.add(area.key())) {
                throw new IllegalArgumentException("two areas or competencies have the key " + area.key());
            }
            if (area.competencies().isEmpty()) {
                throw new IllegalArgumentException("area " + area.key() + " has no competency");
            }
            for (Competency competency : area.competencies()) {
                if (!keys.add(competency.key())) {
                    throw new IllegalArgumentException("two areas or competencies have the key " + competency.key());
                }
                if (!competency.behaviours().isEmpty() && competency.behaviours().size() != scale.size()) {
                    throw new IllegalArgumentException("competency " + competency.key() + " describes "
                            + competency.behaviours().size() + " levels; the scale has " + scale.size());
                }
                count++;
            }
        }
        if (areas.stream().allMatch(a -> a.inUse().isEmpty())) {
            throw new IllegalArgumentException("a framework keeps at least one competency in use");
        }
        if (count > MAX_COMPETENCIES) {
            throw new IllegalArgumentException("a framework has at most " + MAX_COMPETENCIES + " competencies");
        }
        if (targets.size() > MAX_TARGETS) {
            throw new IllegalArgumentException("a framework has at most " + MAX_TARGETS + " target profiles");
        }
        Set<String> targetKeys = new HashSet<>();
        int levels = scale.size();
        for (TargetProfile target : targets) {
            if (!targetKeys.add(target.key())) {
                throw new IllegalArgumentException("two target profiles have the key " + target.key());
            }
            target.levels().forEach((competency, level) -> {
                if (!keys.contains(competency)) {
                    throw new IllegalArgumentException("target " + target.key() + " names no competency of the "
                            + "framework: " + competency);
                }
                if (level < 1 || level > levels) {
                    throw new IllegalArgumentException("target " + target.key() + " sets " + competency
                            + " to level " + level + ", outside the scale");
                }
            });
        }
    }

    /** Every competency, retired ones included, in the framework's order. */
    public List<Competency> competencies() {
        return areas.stream().flatMap(a -> a.competencies().stream()).toList();
    }

    /** The competencies a learner rates now. */
    public List<Competency> inUse() {
        return areas.stream().flatMap(a -> a.inUse().stream()).toList();
    }

    /** The areas with at least one competency in use. */
    public List<CompetencyArea> areasInUse() {
        return areas.stream().filter(a -> !a.inUse().isEmpty()).toList();
    }

    public Optional<Competency> competency(String key) {
        return competencies().stream().filter(c -> c.key().equals(key)).findFirst();
    }

    public Optional<CompetencyArea> area(String key) {
        return areas.stream().filter(a -> a.key().equals(key)).findFirst();
    }

    /** The area a competency belongs to. */
    public Optional<CompetencyArea> areaOf(String competencyKey) {
        return areas.stream().filter(a -> a.competencies().stream().anyMatch(c -> c.key().equals(competencyKey)))
                .findFirst();
    }

    public Optional<TargetProfile> target(String key) {
        return targets.stream().filter(t -> t.key().equals(key)).findFirst();
    }

    /** The levels a learner may choose now. */
    public List<ProficiencyLevel> levelsInUse() {
        return scale.stream().filter(l -> !l.retired()).toList();
    }

    /** A level a learner may choose now. */
    public boolean offers(int level) {
        return level >= 1 && level <= scale.size() && !scale.get(level - 1).retired();
    }

    public ProficiencyLevel level(int level) {
        return scale.get(level - 1);
    }

    static void requireKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("a key is 1 to 100 letters, digits, '.', '_', ':' or '-': "
                    + (key == null ? "none given" : "\"" + (key.length() > 40 ? key.substring(0, 40) + "…" : key)
                    + "\""));
        }
    }

    static void requireText(String text, String problem, int max) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(problem);
        }
        if (text.length() > max) {
            throw new IllegalArgumentException("\"" + text.substring(0, 40) + "…\" is longer than " + max
                    + " characters");
        }
    }

    static String optionalText(String text, int max) {
        if (text == null) {
            return "";
        }
        if (text.length() > max) {
            throw new IllegalArgumentException("\"" + text.substring(0, 40) + "…\" is longer than " + max
                    + " characters");
        }
        return text;
    }
}
