package com.essentialslti.quiz;

import com.essentialslti.course.Activity;
import com.essentialslti.course.CourseRole;
import com.essentialslti.course.LinkPage;
import com.essentialslti.course.Membership;
import com.essentialslti.infra.Database;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import java.security.SecureRandom;
import java.time.Clock;

/** Wires the quiz feature, and shows the quiz as the page of every link used for it. */
@ApplicationScoped
public class QuizComponents {

    @Inject
    Database database;
    @Inject
    Clock clock;

    private Quizzes quizzes;

    @PostConstruct
    void init() {
        quizzes = new Quizzes(database, clock, new SecureRandom());
    }

    @Produces
    Quizzes quizzes() {
        return quizzes;
    }

    void onLinkPage(@Observes LinkPage page) {
        Membership member = page.membership();
        if (member.resourceLink().activity().filter(a -> a == Activity.READINESS_QUIZ).isEmpty()) {
            return;
        }
        if (member.role() == CourseRole.LEARNER) {
            page.show(QuizPages.overview(member, quizzes.overview(member), page.sessionToken(), page.pageAddress(),
                    clock.instant(), null));
        } else {
            page.show(QuizPages.staff(member, quizzes.settings(member.resourceLink()),
                    quizzes.results(member.resourceLink()), QuizResource.gradesReturned(member),
                    page.sessionToken(), page.pageAddress(), null, null));
        }
    }
}
