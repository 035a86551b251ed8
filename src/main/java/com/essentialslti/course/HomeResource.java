package com.essentialslti.course;

import com.essentialslti.lti.launch.LaunchResource;
import com.essentialslti.web.Pages;
import com.essentialslti.web.Urls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a launch lands: the page of the activity the link is used for. While the link is not set up, a learner
 * learns that the activity is not ready yet, and a trainer or course admin sees the link's details and chooses
 * its activity.
 */
@ApplicationScoped // stateless: one instance serves every request
@Path(LaunchResource.LANDING_PATH)
@Produces(MediaType.TEXT_HTML)
public class HomeResource {

    @Inject
    Visitors visitors;
    @Inject
    Enrolments enrolments;
    @Inject
    CourseComponents components;
    @Inject
    com.essentialslti.infra.Settings settings;

    @GET
    public Response home(@QueryParam("s") String token) {
        Membership member = visitors.require(token);
        return Pages.html(components.page(member, token, null));
    }

    /** A trainer or course admin chooses what the link is used for. */
    @POST
    @Path("activity")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response chooseActivity(@FormParam("s") String token, @FormParam("activity") String key) {
        Membership member = visitors.requireStaff(token);
        Activity activity = Activity.fromKey(key == null ? "" : key).filter(Activity::available).orElse(null);
        if (activity == null) {
            return Pages.error(400, "This activity is not available",
                    "The tool cannot use this link for \"" + key + "\".", "Choose one of the activities offered.");
        }
        enrolments.useFor(member.resourceLink(), activity);
        return Response.seeOther(Urls.withQuery(settings.url(LaunchResource.LANDING_PATH), Map.of("s", token)))
                .build();
    }

    /** The course's own page for a link that is not set up yet. */
    static String render(Membership m, String token, String pageAddress) {
        ResourceLink link = m.resourceLink();
        Map<String, Object> model = new HashMap<>();
        model.put("pageAddress", pageAddress);
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
        List<Map<String, Object>> activities = Arrays.stream(Activity.values())
                .map(a -> Map.<String, Object>of("key", a.key(), "label", a.label(), "available", a.available()))
                .toList();
        model.put("activities", activities);
        return Pages.render("course/home", model);
    }
}
