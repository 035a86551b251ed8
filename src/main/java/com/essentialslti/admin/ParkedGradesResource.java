package com.essentialslti.admin;

import com.essentialslti.course.Course;
import com.essentialslti.course.ResourceLink;
import com.essentialslti.grading.GradeOutbox;
import com.essentialslti.grading.GradingComponents;
import com.essentialslti.grading.OutboxScore;
import com.essentialslti.infra.Database;
import com.essentialslti.lti.registration.Registration;
import com.essentialslti.lti.registration.Registrations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The grades the LMSs refused for good (400, 403, 404, or the registration gone), for the operator who runs the
 * tool for them: {@code GET /admin/grades/parked} lists them with each LMS's answer, newest first;
 * {@code POST /admin/grades/parked/{id}/send-again} puts one back in line, as the trainer's "Send again" does.
 * Same gate as the rest of the operator API ({@link OperatorAccess}).
 */
@ApplicationScoped // stateless: one instance serves every request
@Path("/admin/grades/parked")
@Produces(MediaType.APPLICATION_JSON)
public class ParkedGradesResource {

    private static final Logger LOG = Logger.getLogger(ParkedGradesResource.class.getName());
    /** The most the list shows at once; {@code truncated} says when more are parked. */
    static final int MAX_LISTED = 500;

    @Inject
    OperatorAccess operator;
    @Inject
    Database database;
    @Inject
    Registrations registrations;
    @Inject
    GradingComponents grading;
    @Inject
    Clock clock;

    @GET
    public Response list(@HeaderParam("Authorization") String authorization) {
        operator.check(authorization);
        GradeOutbox.Parked parked = database.read(em -> GradeOutbox.parked(em, MAX_LISTED));
        List<Map<String, Object>> scores = parked.scores().stream()
                .map(score -> parkedScore(score, parked.link(score)))
                .toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("parked", scores);
        body.put("count", scores.size());
        body.put("truncated", parked.truncated());
        return OperatorAccess.json(Response.ok(), body);
    }

    @POST
    @Path("{id}/send-again")
    public Response sendAgain(@HeaderParam("Authorization") String authorization, @PathParam("id") String id) {
        operator.check(authorization);
        Optional<OutboxScore> queued = database.transaction(em -> GradeOutbox.sendAgain(em, id, clock.instant()));
        if (queued.isEmpty()) {
            return OperatorAccess.error(404, "no_such_parked_score", "No parked score has the id " + id + ".");
        }
        grading.scoreQueued();
        OutboxScore score = queued.get();
        LOG.info("event=grades.sent_again by=operator id=" + score.id() + " timestamp=" + score.timestamp());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", score.id());
        body.put("state", score.state().name());
        body.put("timestamp", score.timestamp().toString());
        return OperatorAccess.json(Response.ok(), body);
    }

    private Map<String, Object> parkedScore(OutboxScore score, Optional<ResourceLink> link) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", score.id());
        json.put("platform", platform(score.registrationId(), registrations.byId(score.registrationId())));
        json.put("course", link.flatMap(ResourceLink::course).map(ParkedGradesResource::course).orElse(null));
        json.put("resource_link", link.map(ParkedGradesResource::resourceLink).orElse(null));
        json.put("subject", score.subject());
        json.put("score_given", score.scoreGiven());
        json.put("score_maximum", score.scoreMaximum());
        json.put("timestamp", score.timestamp().toString());
        json.put("tries", score.tries());
        json.put("lms_status", score.lastStatus().orElse(null));
        json.put("lms_answer", score.lastAnswer().orElse(null));
        json.put("lineitem", score.lineItemUrl().orElse(null));
        json.put("lineitems", score.lineItemsUrl().orElse(null));
        return json;
    }

    /** A platform as the operator API names it; its name, issuer and client id are null once it is gone. */
    static Map<String, Object> platform(String registrationId, Optional<Registration> registration) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("registration_id", registrationId);
        json.put("name", registration.map(Registration::name).orElse(null));
        json.put("issuer", registration.map(Registration::issuer).orElse(null));
        json.put("client_id", registration.map(Registration::clientId).orElse(null));
        return json;
    }

    private static Map<String, Object> course(Course course) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("context_id", course.contextId());
        json.put("label", course.label().orElse(null));
        json.put("title", course.title().orElse(null));
        return json;
    }

    private static Map<String, Object> resourceLink(ResourceLink link) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", link.linkId());
        json.put("deployment_id", link.deploymentId());
        json.put("title", link.title().orElse(null));
        return json;
    }
}
