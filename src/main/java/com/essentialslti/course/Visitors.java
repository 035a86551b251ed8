package com.essentialslti.course;

import com.essentialslti.lti.launch.RegistrationInService;
import com.essentialslti.lti.registration.Registration;
import com.essentialslti.lti.registration.Registrations;
import com.essentialslti.lti.session.LaunchSession;
import com.essentialslti.lti.session.LaunchTokens;
import com.essentialslti.web.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;

/**
 * Who is asking, after the launch: the signed launch token that every page carries in its links and forms gives
 * the member of one link. The token is never in a cookie, so a form on another site cannot act as the member
 * (no cross-site request forgery), and it names one link, so it never reaches another course.
 */
@ApplicationScoped
public class Visitors {

    @Inject
    LaunchTokens tokens;
    @Inject
    Enrolments enrolments;
    @Inject
    Registrations registrations;

    /**
     * The member the token stands for; otherwise the request ends with a 401 page. A platform the operator has
     * retired since the launch ends its sessions too (403), not only its launches.
     */
    public Membership require(String token) {
        LaunchSession session = tokens.verify(token).orElseThrow(Visitors::sessionEnded);
        registrations.byId(session.registrationId()).filter(Registration::retired).ifPresent(platform -> {
            throw new WebApplicationException(RegistrationInService.page(platform));
        });
        return enrolments.find(session).orElseThrow(Visitors::sessionEnded);
    }

    private static WebApplicationException sessionEnded() {
        return new WebApplicationException(Pages.error(401, "Your session has ended",
                "This page needs a launch from your course, and the one it had has expired or is not valid.",
                "Go back to the course in your LMS and open the activity again."));
    }

    /** Like {@link #require}, for pages only trainers and course admins may use; others get a 403 page. */
    public Membership requireStaff(String token) {
        Membership member = require(token);
        if (member.role() == CourseRole.LEARNER) {
            throw new WebApplicationException(Pages.error(403, "This page is for trainers",
                    "Only the trainers and course admins of this course can use this page.",
                    "Go back to the activity from your course."));
        }
        return member;
    }
}
