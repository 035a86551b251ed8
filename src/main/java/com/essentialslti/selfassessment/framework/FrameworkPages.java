package com.essentialslti.selfassessment.framework;

import com.essentialslti.course.Membership;
import com.essentialslti.selfassessment.Dates;
import com.essentialslti.selfassessment.SelfAssessmentPages;
import com.essentialslti.web.Pages;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The pages of the course's framework for its trainers: the whole framework, and one competency's form. */
final class FrameworkPages {

    private FrameworkPages() {
    }

    static String framework(Membership trainer, CourseFrameworks frameworks, String session, String saved,
                            String problem) {
        String scope = trainer.resourceLink().courseScope();
        CourseFrameworks.Current current = frameworks.current(scope);
        FrameworkContent framework = current.content();
        Map<String, Object> model = SelfAssessmentPages.base(trainer, session, null);
        model.put("saved", saved);
        model.put("problem", problem);
        model.put("version", current.versionId());
        model.put("versionNumber", current.number());
        model.put("name", framework.name());
        model.put("description", framework.description());
        model.put("levels", framework.scale().stream().map(l -> Map.of("level", l.level(), "name", l.name(),
                "summary", l.summary(), "retired", l.retired())).toList());
        model.put("areas", framework.areas().stream().map(a -> Map.of("key", a.key(), "name", a.name(),
                "description", a.description(), "competencies", a.competencies().stream().map(c -> Map.of(
                        "key", c.key(), "name", c.name(), "retired", c.retired(),
                        "quizTopics", String.join(", ", c.quizTopics()))).toList())).toList());
        model.put("targets", framework.targets().stream().map(t -> t.name()).toList());
        model.put("history", frameworks.history(scope).stream().limit(20).map(v -> Map.of("number", v.number(),
                "note", v.changeNote(), "at", Dates.TIME.format(v.createdAt()))).toList());
        return Pages.render("selfassessment/framework", model);
    }

    static Response competencyForm(Membership trainer, CourseFrameworks.Current current, String session, String key,
                                   String problem, MultivaluedMap<String, String> input) {
        Competency competency = current.content().competency(key).orElse(null);
        if (competency == null) {
            return Pages.error(404, "No such competency", "The course's framework has no competency with this key.",
                    "Go back to the framework and choose a competency there.");
        }
        Map<String, Object> model = form(trainer, current, session, problem, input, competency.name(),
                competency.description(), competency.behaviours());
        model.put("heading", "Edit: " + competency.name());
        model.put("action", "/self-assessment/framework/competency/" + key);
        model.put("retired", competency.retired());
        return Pages.page(problem == null ? 200 : 400, "selfassessment/competency-form", model);
    }

    static Response newCompetencyForm(Membership trainer, CourseFrameworks.Current current, String session,
                                      String areaKey, String problem, MultivaluedMap<String, String> input) {
        CompetencyArea area = current.content().area(areaKey).orElse(null);
        if (area == null) {
            return Pages.error(404, "No such area", "The course's framework has no area with this key.",
                    "Go back to the framework and choose an area there.");
        }
        Map<String, Object> model = form(trainer, current, session, problem, input, "", "", List.of());
        model.put("heading", "Add a competency to " + area.name());
        model.put("action", "/self-assessment/framework/area/" + areaKey + "/new");
        return Pages.page(problem == null ? 200 : 400, "selfassessment/competency-form", model);
    }

    /** The form's fields: the trainer's input when the form comes back with a problem, else the framework's. */
    private static Map<String, Object> form(Membership trainer, CourseFrameworks.Current current, String session,
                                            String problem, MultivaluedMap<String, String> input, String name,
                                            String description, List<String> behaviours) {
        FrameworkContent framework = current.content();
        Map<String, Object> model = SelfAssessmentPages.base(trainer, session, null);
        model.put("problem", problem);
        model.put("version", current.versionId());
        model.put("name", input != null ? input.getFirst("name") : name);
        model.put("description", input != null ? input.getFirst("description") : description);
        model.put("maxName", FrameworkContent.MAX_NAME);
        model.put("maxText", FrameworkContent.MAX_TEXT);
        List<Map<String, Object>> levels = new ArrayList<>();
        for (int level = 1; level <= framework.scale().size(); level++) {
            String text = input != null ? input.getFirst("behaviour." + level)
                    : level <= behaviours.size() ? behaviours.get(level - 1) : "";
            levels.add(Map.of("level", level, "name", framework.level(level).name(), "behaviour",
                    text == null ? "" : text));
        }
        model.put("levels", levels);
        return model;
    }
}
