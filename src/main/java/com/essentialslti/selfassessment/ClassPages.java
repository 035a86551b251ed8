package com.essentialslti.selfassessment;

import com.essentialslti.course.Membership;
import com.essentialslti.grading.GradeDelivery;
import com.essentialslti.grading.OutboxScore;
import com.essentialslti.web.Pages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The trainer's class pages: the class view (heat map, averages, gaps, who has not started) and one learner's. */
final class ClassPages {

    private static final GradeDelivery NO_GRADE = new GradeDelivery("No grade: the settings send none",
            Optional.empty(), Optional.empty());

    private ClassPages() {
    }

    /**
     * The class view; {@code grades} the learners' latest grades in the outbox, by user id, or null when the
     * link's settings send no grade.
     */
    static String classView(Membership trainer, ClassView view, String targetName, String session,
                            Map<String, OutboxScore> grades) {
        Map<String, Object> model = SelfAssessmentPages.base(trainer, session, null);
        model.put("targetName", targetName);
        model.put("hasSnapshots", !view.learners().isEmpty());
        model.put("learnerCount", view.learners().size());
        model.put("heatMap", HeatMap.model(view, targetName));
        model.put("legend", HeatMap.legend());
        model.put("columns", view.columns().stream().map(c -> Map.of("name", c.name(),
                "target", c.hasTarget() ? ProfileChart.one(c.target()) : "none",
                "average", c.average().isPresent() ? ProfileChart.one(c.average().getAsDouble()) : "-",
                "below", c.learnersBelow())).toList());
        model.put("gaps", view.mostGaps().stream().map(c -> Map.of("name", c.name(), "below", c.learnersBelow(),
                "learners", c.learnersBelow() == 1 ? "1 learner" : c.learnersBelow() + " learners")).toList());
        model.put("hasGaps", !view.mostGaps().isEmpty());
        List<Map<String, Object>> rows = new ArrayList<>(view.learners().size());
        for (ClassView.LearnerRow learner : view.learners()) {
            Map<String, Object> row = new HashMap<>();
            row.put("name", learner.member().name());
            row.put("userId", learner.member().userId());
            row.put("cells", learner.cells().stream().map(HeatMap::label).toList());
            row.put("snapshots", learner.snapshots().size());
            row.put("latest", learner.latestSnapshot().submittedAt().map(Dates.DAY::format).orElse(""));
            row.put("retakeInProgress", learner.retakeInProgress());
            GradeDelivery grade = grades == null ? NO_GRADE
                    : GradeDelivery.describe(Optional.ofNullable(grades.get(learner.member().userId())));
            row.put("grade", grade.text());
            grade.answer().ifPresent(answer -> row.put("gradeAnswer", answer));
            grade.resendId().ifPresent(id -> row.put("resendId", id));
            rows.add(row);
        }
        model.put("learners", rows);
        model.put("inProgress", view.inProgress().stream().map(ClassView.Member::name).toList());
        model.put("hasInProgress", !view.inProgress().isEmpty());
        model.put("notStarted", view.notStarted().stream().map(ClassView.Member::name).toList());
        model.put("hasNotStarted", !view.notStarted().isEmpty());
        return Pages.render("selfassessment/class", model);
    }

    /** One learner's snapshots, each area's level in each, and the latest read as a profile. */
    static String learner(Membership trainer, Membership learner, List<Assessment> snapshots,
                          SelfAssessments assessments, SelfAssessmentSettings settings, String session) {
        Map<String, Object> model = SelfAssessmentPages.base(trainer, session, null);
        String name = SnapshotCsv.learnerName(learner.user().name(), learner.user().subject());
        model.put("learner", name);
        model.put("hasSnapshots", !snapshots.isEmpty());
        if (snapshots.isEmpty()) {
            return Pages.render("selfassessment/learner", model);
        }
        List<Profile> profiles = snapshots.stream().map(snapshot -> assessments.profileOf(snapshot, settings))
                .toList();
        Profile latest = profiles.get(profiles.size() - 1);
        Optional<Profile> previous = profiles.size() > 1 ? Optional.of(profiles.get(profiles.size() - 2))
                : Optional.empty();
        Assessment last = snapshots.get(snapshots.size() - 1);
        String targetName = settings.targetName(latest.framework());
        model.put("targetName", targetName);
        model.put("latestNumber", last.number());
        model.put("latestAt", last.submittedAt().map(Dates.TIME::format).orElse(""));
        Map<String, Object> chart = ProfileChart.model(latest, previous,
                name + "'s competency profile against " + targetName);
        chart.put("whose", "the learner's");
        model.put("chart", chart);
        model.put("hasPrevious", previous.isPresent());
        model.put("areas", ProfileChart.table(latest, previous));
        model.put("strengths", ProfileChart.strengths(latest));
        model.put("hasStrengths", !latest.strengths().isEmpty());
        model.put("development", ProfileChart.developmentAreas(latest));
        model.put("hasDevelopment", !latest.developmentAreas().isEmpty());
        model.put("history", ProfileChart.history(latest, snapshots, profiles));
        return Pages.render("selfassessment/learner", model);
    }

    /** The history table: the latest snapshot's areas as columns, a row per snapshot, oldest first. */
}
