package com.essentialslti.selfassessment;

import com.essentialslti.course.Activity;
import com.essentialslti.course.LinkPage;
import com.essentialslti.course.Membership;
import com.essentialslti.course.MissedTopics;
import com.essentialslti.grading.GradingComponents;
import com.essentialslti.infra.Database;
import com.essentialslti.selfassessment.framework.CourseFrameworks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import java.time.Clock;

/** Wires the self-assessment feature, and shows it as the page of every link used for it. */
@ApplicationScoped
public class SelfAssessmentComponents {

    @Inject
    Instance<Database> database;
    @Inject
    Clock clock;
    @Inject
    GradingComponents grading;
    @Inject
    Event<MissedTopics> askTheQuiz;

    private volatile SelfAssessments assessments;

    /** Built on first use: the database comes from the tool's start, which may still be running. */
    @Produces
    synchronized SelfAssessments selfAssessments() {
        if (assessments == null) {
            assessments = new SelfAssessments(database.get(), new CourseFrameworks(database.get(), clock), clock,
                    grading::scoreQueued, askTheQuiz::fire);
        }
        return assessments;
    }

    void onLinkPage(@Observes LinkPage page) {
        Membership member = page.membership();
        if (member.resourceLink().activity().filter(a -> a == Activity.SELF_ASSESSMENT).isPresent()) {
            page.show(SelfAssessmentPages.home(member, selfAssessments(), page.sessionToken(), page.pageAddress()));
        }
    }
}
