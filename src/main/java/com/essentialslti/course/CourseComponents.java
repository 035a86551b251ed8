package com.essentialslti.course;

import com.essentialslti.infra.Database;
import com.essentialslti.lti.launch.LaunchLanding;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import java.net.URI;
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
    @Inject
    Event<LinkPage> linkPages;

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
        URI address = landing.address();
        landing.show(page(membership, landing.sessionToken(), address.getRawPath() + "?" + address.getRawQuery()));
    }

    /** The link's page for this member: the activity's, or the course's own while the link is not set up. */
    String page(Membership membership, String sessionToken, String pageAddress) {
        LinkPage page = new LinkPage(membership, sessionToken, pageAddress);
        linkPages.fire(page);
        return page.html().orElseGet(() -> HomeResource.render(membership, sessionToken, pageAddress));
    }
}
