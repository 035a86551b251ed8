package com.essentialslti.course;

import com.essentialslti.infra.Database;
import com.essentialslti.lti.launch.LaunchLanding;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import java.time.Clock;

/**
 * Wires the course feature: records every validated launch and shows the page it lands on, and hands
 * {@link Enrolments} to its pages.
 */
@ApplicationScoped
public class CourseComponents {

    @Inject
    Database database;
    @Inject
    Clock clock;

    private Enrolments enrolments;

    @PostConstruct
    void init() {
        enrolments = new Enrolments(database, clock);
    }

    @Produces
    Enrolments enrolments() {
        return enrolments;
    }

    void onLaunch(@Observes LaunchLanding landing) {
        Membership membership = enrolments.record(landing.launch());
        landing.show(HomeResource.landing(membership, landing));
    }
}
