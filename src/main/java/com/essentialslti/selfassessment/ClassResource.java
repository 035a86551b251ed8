package com.essentialslti.selfassessment;

import com.essentialslti.course.Membership;
import com.essentialslti.course.Visitors;
import com.essentialslti.infra.Database;
import com.essentialslti.selfassessment.framework.FrameworkContent;
import com.essentialslti.web.Downloads;
import com.essentialslti.web.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * The trainer's and course admin's view of the class at their link: the class view, one learner's snapshots and
 * the CSV of every snapshot. The launch token names one link, so a trainer only ever sees that link's learners.
 */
@ApplicationScoped // stateless: one instance serves every request
@Path(SelfAssessmentResource.PATH)
@Produces(MediaType.TEXT_HTML)
public class ClassResource {

    @Inject
    Visitors visitors;
    @Inject
    SelfAssessments assessments;
    @Inject
    Database database;

    @GET
    @Path("class")
    public Response classView(@QueryParam("s") String token) {
        Membership trainer = StaffResource.staff(visitors, token);
        SelfAssessmentSettings settings = assessments.settings(trainer.resourceLink());
        FrameworkContent current = assessments.frameworks().current(trainer.resourceLink().courseScope())
                .content();
        ClassView view = queries().classView(trainer.resourceLink(), settings, current);
        return Pages.html(ClassPages.classView(trainer, view, settings.targetName(current), token,
                settings.grading() == SelfAssessmentSettings.Grading.NONE ? null
                        : queries().grades(trainer.resourceLink())));
    }

    @GET
    @Path("learner/{userId}")
    public Response learner(@QueryParam("s") String token, @PathParam("userId") String userId) {
        Membership trainer = StaffResource.staff(visitors, token);
        ClassQueries queries = queries();
        Membership learner = queries.learner(trainer.resourceLink(), userId).orElse(null);
        if (learner == null) {
            return Pages.error(404, "No such learner", "No learner with this id has launched this self-assessment.",
                    "Go back to the class view and choose a learner there.");
        }
        List<Assessment> snapshots = queries.snapshots(trainer.resourceLink(), learner.user());
        return Pages.html(ClassPages.learner(trainer, learner, snapshots, assessments,
                assessments.settings(trainer.resourceLink()), token));
    }

    /** Every snapshot of the link, one line per competency rated, written while it is read. */
    @GET
    @Path("class.csv")
    @Produces("text/csv")
    public Response classCsv(@QueryParam("s") String token) {
        Membership trainer = StaffResource.staff(visitors, token);
        SelfAssessmentSettings settings = assessments.settings(trainer.resourceLink());
        ClassQueries queries = queries();
        ClassCsv csv = new ClassCsv((after, size) -> queries.exportPage(trainer.resourceLink(), after, size),
                ClassCsv.PAGE_SIZE, assessments.frameworks()::version, settings::targetIn);
        return Downloads.attachment(csv, "text/csv; charset=utf-8", "class-self-assessments.csv");
    }

    private ClassQueries queries() {
        return new ClassQueries(database, assessments.frameworks());
    }
}
