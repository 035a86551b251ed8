package com.essentialslti.selfassessment;

import com.essentialslti.course.CourseRole;
import com.essentialslti.course.Membership;
import com.essentialslti.selfassessment.framework.Competency;
import com.essentialslti.selfassessment.framework.CompetencyArea;
import com.essentialslti.selfassessment.framework.DevelopmentSuggestions;
import com.essentialslti.selfassessment.framework.FrameworkContent;
import com.essentialslti.selfassessment.framework.ProficiencyLevel;
import com.essentialslti.selfassessment.framework.Share;
import com.essentialslti.web.Pages;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The self-assessment's pages: each method turns what {@link SelfAssessments} returns into a template model.
 * Every text of the framework and every note a learner wrote goes to the template as it is; Mustache escapes it.
 */
public final class SelfAssessmentPages {

    private SelfAssessmentPages() {
    }

    /** The link's page for a member: the overview for a learner, the trainer's page for trainers and admins. */
    static String home(Membership member, SelfAssessments assessments, String session, String pageAddress) {
        return member.role() == CourseRole.LEARNER
                ? overview(member, assessments.overview(member), assessments, session, pageAddress, null)
                : SelfAssessmentStaffPages.staff(member, assessments, session, pageAddress, null, null);
    }

    static String overview(Membership learner, SelfAssessments.Overview overview, SelfAssessments assessments,
                           String session, String pageAddress, String cannotStart) {
        Map<String, Object> model = base(learner, session, pageAddress);
        SelfAssessmentSettings settings = overview.settings();
        FrameworkContent framework = assessments.frameworks()
                .current(learner.resourceLink().courseScope())
                .content();
        model.put("frameworkName", framework.name());
        model.put("competencyCount", framework.inUse().size());
        model.put("areaCount", framework.areasInUse().size());
        model.put("targetName", settings.targetName(framework));
        model.put("scale", framework.levelsInUse().stream().map(l -> Map.of("name", l.name(), "summary",
                l.summary())).toList());
        model.put("snapshots", overview.snapshots().stream().map(a -> Map.of("id", a.id(), "number", a.number(),
                "submittedAt", a.submittedAt().map(Dates.TIME::format).orElse(""))).toList());
        model.put("hasSnapshots", !overview.snapshots().isEmpty());
        if (overview.snapshots().size() > 1) {
            List<Profile> profiles = overview.snapshots().stream().map(a -> assessments.profileOf(a, settings))
                    .toList();
            model.put("history", ProfileChart.history(profiles.get(profiles.size() - 1), overview.snapshots(),
                    profiles));
        }
        model.put("retakes", retakesInWords(settings));
        model.put("mayStart", overview.mayStart() && cannotStart == null);
        model.put("startLabel", overview.inProgress().isPresent() ? "Continue your self-assessment"
                : overview.snapshots().isEmpty() ? "Start the self-assessment" : "Take it again");
        model.put("cannotStart", cannotStart != null ? cannotStart : overview.whyNoNew()
                .filter(why -> overview.inProgress().isEmpty()).orElse(null));
        return Pages.render("selfassessment/overview", model);
    }

    static String retakesInWords(SelfAssessmentSettings settings) {
        String times = settings.retakesAllowed() == SelfAssessmentSettings.UNLIMITED
                ? "You can take it again as often as you like"
                : settings.retakesAllowed() == 0 ? "You take it once"
                : "You can take it again " + settings.retakesAllowed()
                + (settings.retakesAllowed() == 1 ? " time" : " times");
        return times + (settings.minDaysBetween() > 0 && settings.retakesAllowed() != 0
                ? ", at least " + settings.minDaysBetween() + " days apart." : ".");
    }

    /** The rating page of one area (1-based), with what the learner has saved so far. */
    static String area(Membership learner, SelfAssessments.AssessmentView view, int number, String session,
                       String problem) {
        FrameworkContent framework = view.framework();
        List<CompetencyArea> areas = framework.areasInUse();
        CompetencyArea area = areas.get(number - 1);
        Map<String, Integer> levels = view.assessment().levels();
        Map<String, String> notes = view.assessment().evidence();
        Map<String, Object> model = base(learner, session, null);
        model.put("assessmentId", view.assessment().id());
        model.put("number", number);
        model.put("total", areas.size());
        model.put("areaName", area.name());
        model.put("areaDescription", area.description());
        model.put("askEvidence", view.settings().askEvidence());
        model.put("maxEvidence", Rating.MAX_EVIDENCE);
        model.put("problem", problem);
        List<Map<String, Object>> competencies = new ArrayList<>();
        int index = 0;
        for (Competency competency : area.inUse()) {
            index++;
            int chosen = levels.getOrDefault(competency.key(), 0);
            List<Map<String, Object>> options = new ArrayList<>();
            for (ProficiencyLevel level : framework.levelsInUse()) {
                options.add(Map.of("value", level.level(), "name", level.name(),
                        "behaviour", competency.behaviourAt(level.level()).isEmpty() ? level.summary()
                                : competency.behaviourAt(level.level()),
                        "checked", level.level() == chosen, "id", "c" + index + "-l" + level.level(),
                        "key", competency.key()));
            }
            competencies.add(Map.of("key", competency.key(), "index", index, "name", competency.name(),
                    "description", competency.description(), "options", options,
                    "evidence", notes.getOrDefault(competency.key(), ""), "rated", chosen > 0));
        }
        model.put("competencies", competencies);
        model.put("hasPrevious", number > 1);
        model.put("hasNext", number < areas.size());
        model.put("navigation", navigation(view, number, session));
        return Pages.render("selfassessment/area", model);
    }

    private static List<Map<String, Object>> navigation(SelfAssessments.AssessmentView view, int current,
                                                        String session) {
        Map<String, Integer> levels = view.assessment().levels();
        List<CompetencyArea> areas = view.framework().areasInUse();
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < areas.size(); i++) {
            List<Competency> inUse = areas.get(i).inUse();
            long rated = inUse.stream().filter(c -> levels.containsKey(c.key())).count();
            items.add(Map.of("number", i + 1, "name", areas.get(i).name(), "current", i + 1 == current,
                    "rated", rated, "count", inUse.size(), "complete", rated == inUse.size()));
        }
        return items;
    }

    static String review(Membership learner, SelfAssessments.AssessmentView view, String session,
                         List<Competency> missing) {
        Map<String, Object> model = base(learner, session, null);
        FrameworkContent framework = view.framework();
        Map<String, Integer> levels = view.assessment().levels();
        model.put("assessmentId", view.assessment().id());
        List<Map<String, Object>> areas = new ArrayList<>();
        List<CompetencyArea> inUse = framework.areasInUse();
        for (int i = 0; i < inUse.size(); i++) {
            CompetencyArea area = inUse.get(i);
            areas.add(Map.of("number", i + 1, "name", area.name(), "competencies", area.inUse().stream()
                    .map(c -> Map.of("name", c.name(), "level", levels.containsKey(c.key())
                            ? framework.level(levels.get(c.key())).name() : "", "rated", levels.containsKey(c.key())))
                    .toList()));
        }
        model.put("areas", areas);
        long unrated = framework.inUse().stream().filter(c -> !levels.containsKey(c.key())).count();
        model.put("unrated", unrated);
        model.put("complete", unrated == 0);
        model.put("incomplete", !missing.isEmpty());
        return Pages.render("selfassessment/review", model);
    }

    static String result(Membership learner, SelfAssessments.Result result, String session,
                         Optional<String> journalTitle) {
        Map<String, Object> model = base(learner, session, null);
        Profile profile = result.profile();
        FrameworkContent framework = profile.framework();
        model.put("number", result.snapshot().number());
        model.put("assessmentId", result.snapshot().id());
        model.put("submittedAt", result.snapshot().submittedAt().map(Dates.TIME::format).orElse(""));
        model.put("targetName", result.targetName());
        model.put("chart", ProfileChart.model(profile, result.previous(),
                "Your competency profile against " + result.targetName()));
        model.put("hasPrevious", result.previous().isPresent());
        model.put("areas", ProfileChart.table(profile, result.previous()));
        model.put("strengths", ProfileChart.strengths(profile));
        model.put("hasStrengths", !profile.strengths().isEmpty());
        model.put("development", ProfileChart.developmentAreas(profile));
        model.put("hasDevelopment", !profile.developmentAreas().isEmpty());
        model.put("plans", profile.areasToDevelop().stream().map(a -> Map.of("area", a.area().name(),
                "shares", Arrays.stream(Share.values()).map(share -> Map.of("label", share.label(),
                        "suggestions", DevelopmentSuggestions.forArea(a.area(), share))).toList())).toList());
        journalTitle.ifPresent(title -> model.put("journalTitle", title));
        List<Map<String, Object>> quizLinks = quizCrossReference(profile, result.missedQuizTopics());
        model.put("quizLinks", quizLinks);
        model.put("hasQuizLinks", !quizLinks.isEmpty());
        return Pages.render("selfassessment/result", model);
    }

    /**
     * For each competency the learner rated whose quiz topics they got wrong in the course's readiness quiz:
     * "you rated yourself Experienced in benefits management; the quiz suggests revisiting it".
     */
    static List<Map<String, Object>> quizCrossReference(Profile profile, Map<String, String> missedTopics) {
        if (missedTopics.isEmpty()) {
            return List.of();
        }
        FrameworkContent framework = profile.framework();
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Profile.AreaResult area : profile.areas()) {
            for (Profile.CompetencyResult r : area.competencies()) {
                List<String> missed = r.competency().quizTopics().stream().filter(missedTopics::containsKey)
                        .map(missedTopics::get).toList();
                if (!missed.isEmpty()) {
                    lines.add(Map.of("area", area.area().name(), "competency", r.competency().name(),
                            "level", framework.level(r.level()).name(),
                            "topics", String.join(", ", missed)));
                }
            }
        }
        return lines;
    }

    public static Map<String, Object> base(Membership member, String session, String pageAddress) {
        Map<String, Object> model = new HashMap<>();
        model.put("session", session);
        model.put("pageAddress", pageAddress);
        model.put("activityTitle", member.resourceLink().title().orElse("Competency self-assessment"));
        return model;
    }
}
