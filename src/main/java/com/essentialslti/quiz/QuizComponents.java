package com.essentialslti.quiz;

import com.essentialslti.course.Activity;
import com.essentialslti.course.LinkPage;
import com.essentialslti.course.Membership;
import com.essentialslti.course.MissedTopics;
import com.essentialslti.grading.GradingComponents;
import com.essentialslti.infra.Database;
import com.essentialslti.infra.LogValues;
import com.essentialslti.quiz.bank.QuestionBank;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/** Wires the quiz feature, and shows the quiz as the page of every link used for it. */
@ApplicationScoped
public class QuizComponents {

    private static final Logger LOG = Logger.getLogger(QuizComponents.class.getName());

    @Inject
    Instance<Database> database;
    @Inject
    Clock clock;
    @Inject
    GradingComponents grading;

    private volatile Quizzes quizzes;
    private final ScheduledExecutorService overdue = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "quiz-overdue");
        thread.setDaemon(true);
        return thread;
    });


    /**
     * Every half minute, submits the attempts whose time ran out, so that their grades reach the LMS even when
     * the learner never comes back. Waits for the tool's start on its own thread, not in the deployment.
     */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        overdue.scheduleWithFixedDelay(() -> {
            try {
                quizzes().submitOverdue();
            } catch (RuntimeException e) {
                LOG.warning("event=quiz.overdue.failed reason=" + LogValues.quote(e));
            }
        }, 5, 30, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        overdue.shutdownNow();
    }

    @Produces
    QuestionBank questionBank() {
        return new QuestionBank(database.get(), clock);
    }

    /** Built on first use: the database comes from the tool's start, which may still be running. */
    @Produces
    synchronized Quizzes quizzes() {
        if (quizzes == null) {
            quizzes = new Quizzes(database.get(), clock, new SecureRandom(), grading::scoreQueued);
        }
        return quizzes;
    }

    /** Another activity of the course asks which quiz topics the learner missed (see {@link MissedTopics}). */
    void onMissedTopics(@Observes MissedTopics question) {
        quizzes().answer(question);
    }

    void onLinkPage(@Observes LinkPage page) {
        Membership member = page.membership();
        if (member.resourceLink().activity().filter(a -> a == Activity.READINESS_QUIZ).isPresent()) {
            page.show(QuizPages.home(member, quizzes(), page.sessionToken(), page.pageAddress(), clock.instant()));
        }
    }
}
