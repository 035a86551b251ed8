package com.essentialslti.course;

import com.essentialslti.lti.launch.LaunchLanding;
import com.essentialslti.lti.launch.LaunchResource;
import com.essentialslti.lti.session.LaunchSession;
import com.essentialslti.lti.session.LaunchTokens;
import com.essentialslti.web.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a launch lands: the page for the person's role at this link. Until the activities exist, a learner learns
 * that the activity is not set up yet, and a trainer or course admin sees the link's details.
 */
@ApplicationScoped // stateless: one instance serves every request
@Path(LaunchResource.LANDING_PATH)
@Produces(MediaType.TEXT_HTML)
public class HomeResource {

    @Inject
    LaunchTokens tokens;
    @Inject
    Enrolments enrolments;

    @GET
    public Response home(@QueryParam("s") String token) {
        Optional<LaunchSession> session = tokens.verify(token);
        Optional<Membership> membership = session.flatMap(enrolments::find);
        if (membership.isEmpty()) {
            return Pages.error(401, "Your session has ended",
                    "This page needs a launch from your course, and the one it had has expired or is not valid.",
                    "Go back to the course in your LMS and open the activity again.");
        }
        return Pages.ok("course/home", model(membership.get(), token));
    }

    /** The page a launch lands on, shown in the launch response itself (see {@link LaunchLanding}). */
    static String landing(Membership membership, LaunchLanding landing) {
        Map<String, Object> model = model(membership, landing.sessionToken());
        URI address = landing.address();
        model.put("pageAddress", address.getRawPath() + "?" + address.getRawQuery());
        return Pages.render("course/home", model);
    }

    private static Map<String, Object> model(Membership m, String token) {
        ResourceLink link = m.resourceLink();
        Map<String, Object> model = new HashMap<>();
        model.put("session", token);
        model.put("role", m.role().label());
        model.put("learner", m.role() == CourseRole.LEARNER);
        model.put("staff", m.role() != CourseRole.LEARNER);
        model.put("name", m.user().name().orElse(null));
        model.put("email", m.user().email().orElse(null));
        model.put("linkTitle", link.title().orElse("Untitled activity"));
        model.put("linkDescription", link.description().orElse(null));
        model.put("linkId", link.linkId());
        model.put("deploymentId", link.deploymentId());
        model.put("courseTitle", link.course().flatMap(Course::title).orElse(null));
        model.put("courseLabel", link.course().flatMap(Course::label).orElse(null));
        model.put("contextId", link.course().map(Course::contextId).orElse(null));
        return model;
    }
}
