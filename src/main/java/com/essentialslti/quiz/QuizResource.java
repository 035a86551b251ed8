package com.essentialslti.quiz;

import com.essentialslti.course.Activity;
import com.essentialslti.course.CourseRole;
import com.essentialslti.course.Enrolments;
import com.essentialslti.course.Membership;
import com.essentialslti.course.Visitors;
import com.essentialslti.infra.Settings;
import com.essentialslti.web.FormFields;
import com.essentialslti.web.Pages;
import com.essentialslti.web.Urls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Clock;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The quiz's addresses. Every request carries the launch token {@code s}; {@link Visitors} turns it into the
 * member of one link, and {@link Quizzes} only ever reaches that member's own attempts. State changes are POSTs
 * answered with a redirect (post/redirect/get), so reloading a page never repeats an action.
 */
@ApplicationScoped // stateless: one instance serves every request
@Path("/quiz")
@Produces(MediaType.TEXT_HTML)
public class QuizResource {

    @Inject
    Visitors visitors;
    @Inject
    Quizzes quizzes;
    @Inject
    Enrolments enrolments;
    @Inject
    Settings settings;
    @Inject
    Clock clock;

    @GET
    public Response home(@QueryParam("s") String token) {
        return Pages.html(QuizPages.home(quizMember(token), quizzes, token, null, clock.instant()));
    }

    @POST
    @Path("start")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@FormParam("s") String token) {
        Membership learner = learner(token);
        try {
            Attempt attempt = quizzes.startOrResume(learner);
            if (attempt.submitted()) {
                return redirect("/quiz/attempt/" + attempt.id() + "/result", token); // its time had run out
            }
            return redirect("/quiz/attempt/" + attempt.id() + "/question/" + firstUnanswered(attempt), token);
        } catch (Quizzes.CannotStart refused) {
            return Pages.html(409, QuizPages.overview(learner, quizzes.overview(learner), token, null, clock.instant(),
                    refused.getMessage()));
        }
    }

    @GET
    @Path("attempt/{attempt}/question/{number}")
    public Response question(@QueryParam("s") String token, @PathParam("attempt") String attemptId,
                             @PathParam("number") int number) {
        Membership learner = learner(token);
        Quizzes.AttemptView view = ownView(learner, attemptId);
        if (view.attempt().submitted()) {
            return redirect("/quiz/attempt/" + attemptId + "/result", token);
        }
        if (number < 1 || number > view.questions().size()) {
            return Pages.error(404, "No such question", "This attempt has " + view.questions().size()
                    + " questions.", "Go back to the first question.");
        }
        return Pages.html(QuizPages.question(learner, view, number, token, clock.instant()));
    }

    @POST
    @Path("attempt/{attempt}/question/{number}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@FormParam("s") String token, @PathParam("attempt") String attemptId,
                           @PathParam("number") int number, @FormParam("choice") List<String> choices,
                           @FormParam("go") String go) {
        Membership learner = learner(token);
        Set<Integer> shown = choices == null ? Set.of() : choices.stream()
                .filter(c -> c.matches("\\d{1,2}")).map(Integer::valueOf).collect(Collectors.toSet());
        int questions;
        try {
            questions = quizzes.answer(learner, attemptId, number - 1, shown);
        } catch (Quizzes.NoSuchAttempt missing) {
            return noSuchAttempt();
        } catch (Attempt.Closed closed) {
            return redirect("/quiz/attempt/" + attemptId + "/result", token);
        } catch (IllegalArgumentException badPosition) {
            return Pages.error(404, "No such question", "This attempt has no question " + number + ".",
                    "Go back to the quiz.");
        }
        String chosen = go == null ? "next" : go;
        String next = switch (chosen) {
            case "previous" -> "/quiz/attempt/" + attemptId + "/question/" + Math.max(1, number - 1);
            case "finish" -> "/quiz/attempt/" + attemptId + "/review";
            // The question list saves the answer on the page before it leaves it, as the buttons do.
            default -> chosen.matches("question-\\d{1,3}")
                    ? "/quiz/attempt/" + attemptId + "/question/"
                            + Math.min(questions, Math.max(1, Integer.parseInt(chosen.substring(9))))
                    : "/quiz/attempt/" + attemptId + "/question/" + (number + 1);
        };
        if (next.endsWith("/question/" + (number + 1)) && number >= questions) {
            next = "/quiz/attempt/" + attemptId + "/review";
        }
        return redirect(next, token);
    }

    @GET
    @Path("attempt/{attempt}/review")
    public Response review(@QueryParam("s") String token, @PathParam("attempt") String attemptId) {
        Membership learner = learner(token);
        Quizzes.AttemptView view = ownView(learner, attemptId);
        if (view.attempt().submitted()) {
            return redirect("/quiz/attempt/" + attemptId + "/result", token);
        }
        return Pages.html(QuizPages.review(learner, view, token, clock.instant()));
    }

    /** Idempotent: a double click, a second tab or a replayed POST all land on the one result. */
    @POST
    @Path("attempt/{attempt}/submit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@FormParam("s") String token, @PathParam("attempt") String attemptId) {
        Membership learner = learner(token);
        try {
            quizzes.submit(learner, attemptId);
        } catch (Quizzes.NoSuchAttempt missing) {
            return noSuchAttempt();
        }
        return redirect("/quiz/attempt/" + attemptId + "/result", token);
    }

    @GET
    @Path("attempt/{attempt}/result")
    public Response result(@QueryParam("s") String token, @PathParam("attempt") String attemptId) {
        Membership learner = learner(token);
        Quizzes.AttemptView view = ownView(learner, attemptId, true);
        if (!view.attempt().submitted()) {
            return redirect("/quiz/attempt/" + attemptId + "/review", token);
        }
        return Pages.html(QuizPages.result(learner, view, token, clock.instant(),
                NextSteps.after(enrolments.activitiesBeside(learner.resourceLink()))));
    }

    @POST
    @Path("settings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveSettings(@FormParam("s") String token, @FormParam("questionCount") String questionCount,
                                 @FormParam("attemptsAllowed") String attemptsAllowed,
                                 @FormParam("gradingMethod") String gradingMethod,
                                 @FormParam("passMark") String passMark, @FormParam("readyMark") String readyMark,
                                 @FormParam("timeLimit") String timeLimit,
                                 @FormParam("feedbackMode") String feedbackMode,
                                 @FormParam("closeAt") String closeAt, @FormParam("shuffle") String shuffle,
                                 @FormParam("partialCredit") String partialCredit) {
        Membership trainer = staff(token);
        QuizSettings.Values values;
        try {
            values = settingsForm(questionCount, attemptsAllowed, gradingMethod, passMark, readyMark, timeLimit,
                    feedbackMode, closeAt, shuffle, partialCredit);
            quizzes.changeSettings(trainer.resourceLink(), values);
        } catch (DateTimeParseException e) {
            return staffPage(trainer, token, null, "The close date must look like 2026-12-31T17:00 (UTC).");
        } catch (IllegalArgumentException | NullPointerException e) {
            return staffPage(trainer, token, null, e.getMessage() == null ? "Every setting needs a value."
                    : e.getMessage());
        }
        return staffPage(trainer, token, "saved", null);
    }

    private Response staffPage(Membership trainer, String token, String saved, String problem) {
        String page = QuizPages.staff(trainer, quizzes, token, null, saved, problem);
        return Pages.html(problem == null ? 200 : 400, page);
    }

    private Quizzes.AttemptView ownView(Membership learner, String attemptId) {
        return ownView(learner, attemptId, false);
    }

    private Quizzes.AttemptView ownView(Membership learner, String attemptId, boolean withTopics) {
        try {
            return quizzes.view(learner, attemptId, withTopics);
        } catch (Quizzes.NoSuchAttempt missing) {
            throw new jakarta.ws.rs.WebApplicationException(noSuchAttempt());
        }
    }

    private static Response noSuchAttempt() {
        return Pages.error(404, "No such attempt", "This attempt does not exist, or it is not yours.",
                "Go back to the quiz from your course.");
    }

    private Membership quizMember(String token) {
        return atQuizLink(visitors.require(token));
    }

    /** The member, if their link is used for the quiz; otherwise the request ends with a 404 page. */
    public static Membership atQuizLink(Membership member) {
        if (member.resourceLink().activity().filter(a -> a == Activity.READINESS_QUIZ).isEmpty()) {
            throw new jakarta.ws.rs.WebApplicationException(Pages.error(404, "This link has no quiz",
                    "The link you came from is not used for the readiness quiz.",
                    "Go back to the course and open the quiz from its own link."));
        }
        return member;
    }

    private Membership learner(String token) {
        Membership member = quizMember(token);
        if (member.role() != CourseRole.LEARNER) {
            throw new jakarta.ws.rs.WebApplicationException(Pages.error(403, "Attempts are for learners",
                    "Trainers and course admins see the quiz's settings and results instead.",
                    "Go back to the quiz page."));
        }
        return member;
    }

    private Membership staff(String token) {
        return atQuizLink(visitors.requireStaff(token));
    }

    private static int firstUnanswered(Attempt attempt) {
        List<AttemptItem> items = attempt.items();
        for (int i = 0; i < items.size(); i++) {
            if (!items.get(i).answered()) {
                return i + 1;
            }
        }
        return 1;
    }

    /**
     * The settings form's fields as values; a field that is not what the form offers is refused with an
     * {@link IllegalArgumentException} in words, a close date that is not a date with a {@link DateTimeParseException}.
     */
    public static QuizSettings.Values settingsForm(String questionCount, String attemptsAllowed, String gradingMethod,
                                            String passMark, String readyMark, String timeLimit,
                                            String feedbackMode, String closeAt, String shuffle,
                                            String partialCredit) {
        return new QuizSettings.Values(FormFields.wholeNumber(questionCount, "Number of questions"),
                FormFields.wholeNumber(attemptsAllowed, "Attempts allowed"),
                FormFields.choice(GradingMethod.class, gradingMethod, "Grading method"),
                FormFields.wholeNumber(passMark, "Pass mark"), FormFields.wholeNumber(readyMark, "\"Ready\" mark"),
                blank(timeLimit) ? Optional.empty() : Optional.of(FormFields.wholeNumber(timeLimit, "Time limit")),
                FormFields.choice(FeedbackMode.class, feedbackMode, "Show right answers and feedback"),
                blank(closeAt) ? Optional.empty() : Optional.of(QuizPages.parseCloseAt(closeAt.strip())),
                "on".equals(shuffle), "on".equals(partialCredit));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private Response redirect(String path, String token) {
        URI target = Urls.withQuery(settings.url(path), Map.of("s", token));
        return Response.seeOther(target).build();
    }

}
