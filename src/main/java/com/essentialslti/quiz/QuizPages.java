package com.essentialslti.quiz;

import com.essentialslti.course.CourseRole;
import com.essentialslti.course.Membership;
import com.essentialslti.grading.GradeDelivery;
import com.essentialslti.lti.claims.LaunchClaims;
import com.essentialslti.quiz.bank.AnswerOption;
import com.essentialslti.quiz.bank.QuestionType;
import com.essentialslti.quiz.bank.QuestionVersion;
import com.essentialslti.quiz.bank.Topic;
import com.essentialslti.web.Pages;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The quiz's pages: each method turns what {@link Quizzes} returns into a template model. Correct answers and
 * feedback are put in a model only for the result page, and only when the settings allow; question pages carry
 * the options' text and their display positions, nothing else.
 */
final class QuizPages {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.UK)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter INPUT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
            .withZone(ZoneOffset.UTC);

    private QuizPages() {
    }

    /** The quiz's page for a member: the overview for a learner, results and settings for trainers and admins. */
    static String home(Membership member, Quizzes quizzes, String session, String pageAddress, Instant now) {
        return member.role() == CourseRole.LEARNER
                ? overview(member, quizzes.overview(member), session, pageAddress, now, null)
                : staff(member, quizzes, session, pageAddress, null, null);
    }

    static String staff(Membership trainer, Quizzes quizzes, String session, String pageAddress, String saved,
                        String problem) {
        return staff(trainer, quizzes.settings(trainer.resourceLink()), quizzes.results(trainer.resourceLink()),
                gradesReturned(trainer), session, pageAddress, saved, problem);
    }

    /** Whether the platform lets the tool send this link's grades (the AGS claim with the scopes it needs). */
    static boolean gradesReturned(Membership member) {
        return member.resourceLink().gradeService().filter(LaunchClaims.GradeServiceClaim::canSendScores)
                .isPresent();
    }

    static String overview(Membership learner, Quizzes.Overview overview, String session, String pageAddress,
                           Instant now, String cannotStart) {
        QuizSettings settings = overview.settings();
        Map<String, Object> model = base(learner, session, pageAddress);
        model.put("questionCount", settings.questionCount());
        int made = overview.finished().size();
        model.put("attemptsSummary", settings.attemptsAllowed() == QuizSettings.UNLIMITED
                ? "Unlimited; you have made " + made + "."
                : made + " of " + settings.attemptsAllowed() + " used.");
        settings.timeLimit().ifPresent(limit -> model.put("timeLimit", limit.toMinutes()));
        settings.closeAt().ifPresent(at -> model.put("closeAt", TIME.format(at)));
        overview.grade().ifPresent(g -> {
            model.put("grade", percent(g));
            model.put("gradingMethod", settings.gradingMethod().label().toLowerCase(Locale.ROOT));
        });
        model.put("finished", overview.finished().stream().map(a -> Map.of(
                "id", a.id(), "number", a.number(),
                "submittedAt", a.submittedAt().map(TIME::format).orElse(""),
                "score", percent(a.score().orElse(0.0)),
                "verdict", settings.verdict(a.score().orElse(0.0)).title())).toList());
        model.put("hasFinished", !overview.finished().isEmpty());
        boolean mayStart = overview.mayStart(now) && cannotStart == null;
        model.put("mayStart", mayStart);
        model.put("startLabel", overview.inProgress().isPresent() ? "Continue your attempt"
                : made == 0 ? "Start the quiz" : "Start another attempt");
        if (!overview.mayStart(now)) {
            model.put("cannotStart", settings.closed(now) ? "This quiz is closed."
                    : "You have used all your attempts.");
        }
        if (cannotStart != null) {
            model.put("cannotStart", cannotStart);
        }
        return Pages.render("quiz/overview", model);
    }

    static String question(Membership learner, Quizzes.AttemptView view, int number, String session, Instant now) {
        Attempt attempt = view.attempt();
        AttemptItem item = attempt.item(number - 1);
        QuestionVersion version = view.questions().get(number - 1);
        Map<String, Object> model = base(learner, session, null);
        model.put("attemptId", attempt.id());
        model.put("number", number);
        model.put("total", view.questions().size());
        model.put("text", version.text());
        model.put("multiple", version.type() == QuestionType.MULTIPLE);
        String inputType = version.type() == QuestionType.MULTIPLE ? "checkbox" : "radio";
        List<Integer> order = item.optionOrder();
        Set<Integer> chosen = item.chosen();
        List<Map<String, Object>> options = new ArrayList<>();
        for (int position = 0; position < order.size(); position++) {
            int index = order.get(position);
            options.add(Map.of("position", position, "text", version.options().get(index).text(),
                    "chosen", chosen.contains(index), "inputType", inputType));
        }
        model.put("options", options);
        model.put("hasPrevious", number > 1);
        model.put("hasNext", number < view.questions().size());
        model.put("navigation", navigation(attempt, number, session));
        deadline(model, attempt, now);
        return Pages.render("quiz/question", model);
    }

    static String review(Membership learner, Quizzes.AttemptView view, String session, Instant now) {
        Map<String, Object> model = base(learner, session, null);
        model.put("attemptId", view.attempt().id());
        model.put("navigation", navigation(view.attempt(), 0, session));
        deadline(model, view.attempt(), now);
        return Pages.render("quiz/review", model);
    }

    static String result(Membership learner, Quizzes.AttemptView view, String session, Instant now,
                         List<String> nextSteps) {
        Attempt attempt = view.attempt();
        QuizSettings settings = view.settings();
        double score = attempt.score().orElse(0.0);
        Verdict verdict = settings.verdict(score);
        Map<String, Object> model = base(learner, session, null);
        model.put("score", percent(score));
        model.put("number", attempt.number());
        model.put("submittedAt", attempt.submittedAt().map(TIME::format).orElse(""));
        model.put("verdictTitle", verdict.title());
        model.put("verdictExplanation", verdict.explanation());
        Map<String, Topic> weak = new LinkedHashMap<>();
        List<Map<String, Object>> questions = new ArrayList<>();
        for (int i = 0; i < view.questions().size(); i++) {
            QuestionVersion version = view.questions().get(i);
            AttemptItem item = attempt.item(i);
            double earned = item.score() == null ? 0 : item.score();
            if (earned < 1.0) {
                Topic topic = view.topicsByVersion().get(version.id());
                if (topic != null) {
                    weak.putIfAbsent(topic.key(), topic);
                }
            }
            Set<Integer> chosen = item.chosen();
            List<Map<String, Object>> options = new ArrayList<>();
            for (int index : item.optionOrder()) {
                AnswerOption option = version.options().get(index);
                boolean picked = chosen.contains(index);
                options.add(Map.of("text", option.text(), "chosen", picked, "right", option.correct(),
                        "feedback", option.feedback(), "showFeedback", (picked || option.correct())
                                && !option.feedback().isBlank()));
            }
            questions.add(Map.of("number", i + 1, "text", version.text(), "correct", earned >= 1.0,
                    "partly", earned > 0 && earned < 1.0, "options", options,
                    "generalFeedback", version.generalFeedback()));
        }
        model.put("hasWeakTopics", !weak.isEmpty());
        model.put("weakTopics", weak.values().stream()
                .map(t -> Map.of("name", t.name(), "advice", t.advice())).toList());
        boolean feedback = settings.feedbackVisible(now);
        model.put("feedback", feedback ? Map.of("questions", questions) : null);
        model.put("feedbackLater", settings.feedbackMode() == FeedbackMode.AFTER_CLOSE
                ? "The right answers and the feedback on each question appear here after the quiz closes"
                + settings.closeAt().map(at -> " (" + TIME.format(at) + ")").orElse("") + "."
                : "Your trainer has chosen not to show the right answers for this quiz.");
        model.put("nextSteps", nextSteps);
        return Pages.render("quiz/result", model);
    }

    private static String staff(Membership trainer, QuizSettings settings, List<Quizzes.LearnerResult> results,
                        boolean gradesReturned, String session, String pageAddress, String saved, String problem) {
        Map<String, Object> model = base(trainer, session, pageAddress);
        model.put("role", trainer.role().label().toLowerCase(Locale.ROOT));
        model.put("gradesReturned", gradesReturned);
        model.put("saved", saved);
        model.put("problem", problem);
        model.put("results", results.stream().map(r -> row(r, settings, session)).toList());
        model.put("hasResults", !results.isEmpty());
        QuizSettings.Values values = settings.values();
        model.put("questionCount", values.questionCount());
        model.put("attemptsAllowed", values.attemptsAllowed());
        model.put("gradingMethods", Arrays.stream(GradingMethod.values()).map(m -> Map.of("value", m.name(),
                "label", m.label(), "selected", m == values.gradingMethod())).toList());
        model.put("passMark", values.passMark());
        model.put("readyMark", values.readyMark());
        model.put("timeLimit", values.timeLimitMinutes().map(String::valueOf).orElse(""));
        model.put("feedbackModes", Arrays.stream(FeedbackMode.values()).map(m -> Map.of("value", m.name(),
                "label", m.label(), "selected", m == values.feedbackMode())).toList());
        model.put("closeAt", values.closeAt().map(INPUT_TIME::format).orElse(""));
        model.put("shuffle", values.shuffle());
        model.put("partialCredit", values.partialCredit());
        return Pages.render("quiz/staff", model);
    }

    static Instant parseCloseAt(String value) {
        return java.time.LocalDateTime.parse(value, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"))
                .toInstant(ZoneOffset.UTC);
    }

    private static Map<String, Object> row(Quizzes.LearnerResult r, QuizSettings settings, String session) {
        Map<String, Object> row = new HashMap<>();
        row.put("learner", r.learner().name().orElse("Learner " + r.learner().subject()));
        row.put("attempts", r.attempts().stream().map(a -> {
            double score = a.score().orElse(0.0);
            return Map.of("number", a.number(), "score", percent(score), "verdict", settings.verdict(score).title(),
                    "submittedAt", a.submittedAt().map(TIME::format).orElse(""));
        }).toList());
        row.put("grade", r.grade().isPresent() ? percent(r.grade().getAsDouble()) : "");
        row.put("verdict", r.grade().isPresent() ? settings.verdict(r.grade().getAsDouble()).title() : "");
        row.put("session", session);
        GradeDelivery delivery = GradeDelivery.describe(r.delivery());
        row.put("delivery", delivery.text());
        delivery.answer().ifPresent(answer -> row.put("answer", answer));
        delivery.resendId().ifPresent(id -> row.put("resendId", id));
        return row;
    }

    private static List<Map<String, Object>> navigation(Attempt attempt, int current, String session) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < attempt.items().size(); i++) {
            items.add(Map.of("number", i + 1, "answered", attempt.item(i).answered(), "current", i + 1 == current,
                    "attemptId", attempt.id(), "session", session));
        }
        return items;
    }

    private static void deadline(Map<String, Object> model, Attempt attempt, Instant now) {
        attempt.deadline().ifPresent(deadline -> {
            model.put("deadline", TIME.format(deadline));
            model.put("minutesLeft", Math.max(0, Duration.between(now, deadline).toMinutes()));
        });
    }

    private static Map<String, Object> base(Membership member, String session, String pageAddress) {
        Map<String, Object> model = new HashMap<>();
        model.put("session", session);
        model.put("pageAddress", pageAddress);
        model.put("quizTitle", member.resourceLink().title().orElse("Essentials readiness quiz"));
        return model;
    }

    static String percent(double share) {
        return Math.round(share * 1000) / 10.0 + "%";
    }
}
