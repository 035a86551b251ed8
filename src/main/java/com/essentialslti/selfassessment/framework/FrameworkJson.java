package com.essentialslti.selfassessment.framework;

import com.nimbusds.jose.util.JSONObjectUtils;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A framework as JSON: the form of the framework that ships with the tool
 * ({@code selfassessment/default-framework.json}) and of every stored version of a course's framework. One form for
 * both, so a version reads back exactly as written.
 */
public final class FrameworkJson {

    private FrameworkJson() {
    }

    /**
     * @throws IllegalArgumentException when the text is not a framework, saying why
     */
    public static FrameworkContent read(String json) {
        try {
            Map<String, Object> root = JSONObjectUtils.parse(json);
            List<ProficiencyLevel> scale = new ArrayList<>();
            for (Map<String, Object> l : objects(root.get("scale"))) {
                scale.add(new ProficiencyLevel(((Number) l.get("level")).intValue(), (String) l.get("name"),
                        (String) l.get("summary"), Boolean.TRUE.equals(l.get("retired"))));
            }
            List<CompetencyArea> areas = new ArrayList<>();
            for (Map<String, Object> a : objects(root.get("areas"))) {
                List<Competency> competencies = new ArrayList<>();
                for (Map<String, Object> c : objects(a.get("competencies"))) {
                    competencies.add(new Competency((String) c.get("key"), (String) c.get("name"),
                            (String) c.get("description"), strings(c.get("behaviours")),
                            strings(c.get("quizTopics")), Boolean.TRUE.equals(c.get("retired"))));
                }
                Map<Share, List<String>> suggestions = new EnumMap<>(Share.class);
                if (a.get("suggestions") instanceof Map<?, ?> byShare) {
                    byShare.forEach((share, texts) -> suggestions.put(Share.fromKey(String.valueOf(share))
                            .orElseThrow(() -> new IllegalArgumentException("suggestions are keyed 70, 20 or 10")),
                            strings(texts)));
                }
                areas.add(new CompetencyArea((String) a.get("key"), (String) a.get("name"),
                        (String) a.get("description"), competencies, suggestions));
            }
            List<TargetProfile> targets = new ArrayList<>();
            for (Map<String, Object> t : objects(root.get("targets"))) {
                Map<String, Integer> levels = new LinkedHashMap<>();
                ((Map<?, ?>) t.get("levels")).forEach((k, v) -> levels.put((String) k, ((Number) v).intValue()));
                targets.add(new TargetProfile((String) t.get("key"), (String) t.get("name"),
                        (String) t.get("description"), levels));
            }
            return new FrameworkContent((String) root.get("name"), (String) root.get("description"), scale, areas,
                    targets);
        } catch (ParseException | ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("not a competency framework: " + e.getMessage(), e);
        }
    }

    public static String write(FrameworkContent framework) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", framework.name());
        root.put("description", framework.description());
        root.put("scale", framework.scale().stream().map(l -> {
            Map<String, Object> level = new LinkedHashMap<>();
            level.put("level", l.level());
            level.put("name", l.name());
            level.put("summary", l.summary());
            if (l.retired()) {
                level.put("retired", true);
            }
            return level;
        }).toList());
        root.put("areas", framework.areas().stream().map(a -> {
            Map<String, Object> area = new LinkedHashMap<>();
            area.put("key", a.key());
            area.put("name", a.name());
            area.put("description", a.description());
            Map<String, Object> suggestions = new LinkedHashMap<>();
            a.suggestions().forEach((share, texts) -> suggestions.put(share.key(), texts));
            area.put("suggestions", suggestions);
            area.put("competencies", a.competencies().stream().map(c -> {
                Map<String, Object> competency = new LinkedHashMap<>();
                competency.put("key", c.key());
                competency.put("name", c.name());
                competency.put("description", c.description());
                competency.put("quizTopics", c.quizTopics());
                competency.put("behaviours", c.behaviours());
                if (c.retired()) {
                    competency.put("retired", true);
                }
                return competency;
            }).toList());
            return area;
        }).toList());
        root.put("targets", framework.targets().stream().map(t -> {
            Map<String, Object> target = new LinkedHashMap<>();
            target.put("key", t.key());
            target.put("name", t.name());
            target.put("description", t.description());
            target.put("levels", new LinkedHashMap<>(t.levels()));
            return target;
        }).toList());
        return JSONObjectUtils.toJSONString(root);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> objects(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    private static List<String> strings(Object value) {
        return value == null ? List.of() : ((List<?>) value).stream().map(v -> (String) v).toList();
    }
}
