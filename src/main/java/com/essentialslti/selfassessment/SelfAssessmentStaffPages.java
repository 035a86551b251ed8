package com.essentialslti.selfassessment;

import com.essentialslti.course.Membership;
import com.essentialslti.selfassessment.framework.CourseFrameworks;
import com.essentialslti.selfassessment.framework.FrameworkContent;
import com.essentialslti.selfassessment.framework.ProficiencyLevel;
import com.essentialslti.web.Pages;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The trainer's and course admin's pages of the self-assessment: its settings and the target of the link. */
final class SelfAssessmentStaffPages {

    private SelfAssessmentStaffPages() {
    }

    static String staff(Membership trainer, SelfAssessments assessments, String session, String pageAddress,
                        String saved, String problem) {
        Map<String, Object> model = SelfAssessmentPages.base(trainer, session, pageAddress);
        SelfAssessmentSettings settings = assessments.settings(trainer.resourceLink());
        CourseFrameworks.Current current = assessments.frameworks()
                .current(trainer.resourceLink().courseScope());
        FrameworkContent framework = current.content();
        SelfAssessmentSettings.Values values = settings.values();
        model.put("role", trainer.role().label().toLowerCase(Locale.ROOT));
        model.put("saved", saved);
        model.put("problem", problem);
        model.put("gradesReturned", trainer.resourceLink().gradeService()
                .filter(com.essentialslti.lti.claims.LaunchClaims.GradeServiceClaim::canSendScores).isPresent());
        model.put("frameworkName", framework.name());
        model.put("frameworkVersion", current.number());
        model.put("competencyCount", framework.inUse().size());
        model.put("areaCount", framework.areasInUse().size());
        List<Map<String, Object>> targets = new ArrayList<>(framework.targets().stream()
                .map(t -> Map.<String, Object>of("value", t.key(), "label", t.name(),
                        "selected", t.key().equals(values.targetKey()))).toList());
        targets.add(Map.of("value", SelfAssessmentSettings.CUSTOM_TARGET, "label", "Your own target for this link",
                "selected", SelfAssessmentSettings.CUSTOM_TARGET.equals(values.targetKey())));
        model.put("targets", targets);
        model.put("retakeOptions", retakeOptions(values.retakesAllowed()));
        model.put("minDaysBetween", values.minDaysBetween());
        model.put("askEvidence", values.askEvidence());
        model.put("gradings", Arrays.stream(SelfAssessmentSettings.Grading.values()).map(g -> Map.of(
                "value", g.name(), "label", g.label(), "selected", g == values.grading())).toList());
        Map<String, Integer> target = settings.targetIn(framework);
        model.put("customAreas", framework.areasInUse().stream().map(area -> Map.of("name", area.name(),
                "competencies", area.inUse().stream().map(c -> Map.of("key", c.key(), "name", c.name(),
                        "levels", levelOptions(framework, target.getOrDefault(c.key(), 0)))).toList())).toList());
        return Pages.render("selfassessment/staff", model);
    }

    private static List<Map<String, Object>> retakeOptions(int chosen) {
        List<Map<String, Object>> options = new ArrayList<>();
        options.add(Map.of("value", SelfAssessmentSettings.UNLIMITED, "label", "Unlimited",
                "selected", chosen == SelfAssessmentSettings.UNLIMITED));
        options.add(Map.of("value", 0, "label", "None: taken once", "selected", chosen == 0));
        for (int n = 1; n <= 10; n++) {
            options.add(Map.of("value", n, "label", String.valueOf(n), "selected", chosen == n));
        }
        if (chosen > 10) {
            options.add(Map.of("value", chosen, "label", String.valueOf(chosen), "selected", true));
        }
        return options;
    }

    private static List<Map<String, Object>> levelOptions(FrameworkContent framework, int chosen) {
        List<Map<String, Object>> options = new ArrayList<>();
        options.add(Map.of("value", 0, "label", "No target", "selected", chosen == 0));
        for (ProficiencyLevel level : framework.levelsInUse()) {
            options.add(Map.of("value", level.level(), "label", level.name(), "selected", chosen == level.level()));
        }
        return options;
    }
}
