package com.essentialslti.grading;

import com.essentialslti.course.Membership;
import com.essentialslti.course.Visitors;
import com.essentialslti.infra.Database;
import com.essentialslti.infra.Settings;
import com.essentialslti.lti.launch.LaunchResource;
import com.essentialslti.web.Pages;
import com.essentialslti.web.Urls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.util.Map;

/**
 * The trainer's "Send again", for the grades of any activity: {@code POST /grades/{score}/send-again} with the
 * launch token {@code s} puts a score the LMS refused back in line, if it is a parked score of the trainer's own
 * link, and answers with the link's page (post/redirect/get). The operator's counterpart, for every link, is
 * {@code POST /admin/grades/parked/{id}/send-again}.
 */
@ApplicationScoped // stateless: one instance serves every request
@Path("/grades")
@Produces(MediaType.TEXT_HTML)
public class GradesResource {

    @Inject
    Visitors visitors;
    @Inject
    Database database;
    @Inject
    GradingComponents grading;
    @Inject
    Settings settings;
    @Inject
    Clock clock;

    @POST
    @Path("{score}/send-again")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response sendAgain(@FormParam("s") String token, @PathParam("score") String scoreId) {
        Membership trainer = visitors.requireStaff(token);
        String linkId = trainer.resourceLink().id();
        if (!database.transaction(em -> GradeOutbox.sendAgain(em, scoreId, linkId, clock.instant()))) {
            return Pages.error(400, "That grade is not waiting for a resend",
                    "It was sent again already, a newer grade replaced it, or it is not a grade of this activity.",
                    "Go back to the activity's page to see where its grades are.");
        }
        grading.scoreQueued(); // the trainer waits on the results page: send now, not at the relay's next round
        return Response.seeOther(Urls.withQuery(settings.url(LaunchResource.LANDING_PATH), Map.of("s", token)))
                .build();
    }
}
