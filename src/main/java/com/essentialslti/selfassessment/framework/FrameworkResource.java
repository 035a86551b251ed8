package com.essentialslti.selfassessment.framework;

import com.essentialslti.course.Membership;
import com.essentialslti.course.Visitors;
import com.essentialslti.infra.Settings;
import com.essentialslti.selfassessment.SelfAssessmentResource;
import com.essentialslti.selfassessment.SelfAssessments;
import com.essentialslti.selfassessment.StaffResource;
import com.essentialslti.selfassessment.exchange.CaseJson;
import com.essentialslti.selfassessment.exchange.MoodleCompetencyCsv;
import com.essentialslti.web.Downloads;
import com.essentialslti.web.Pages;
import com.essentialslti.web.Urls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The course's framework for its trainers and course admins: the scale, the areas and competencies, and their
 * versions. Every change is made against the version the trainer's page showed (the form's {@code version}); when
 * another change came first, nothing is saved and the trainer is told.
 */
@ApplicationScoped // stateless: one instance serves every request
@Path(SelfAssessmentResource.PATH + "/framework")
@Produces(MediaType.TEXT_HTML)
public class FrameworkResource {

    @Inject
    Visitors visitors;
    @Inject
    SelfAssessments assessments;
    @Inject
    Settings settings;

    @GET
    public Response framework(@QueryParam("s") String token, @QueryParam("done") String done) {
        Membership trainer = StaffResource.staff(visitors, token);
        return Pages.html(FrameworkPages.framework(trainer, assessments.frameworks(), token,
                "changed".equals(done) ? "Your change is saved as a new version of the framework." : null, null));
    }

    @GET
    @Path("competency/{key}")
    public Response competencyForm(@QueryParam("s") String token, @PathParam("key") String key) {
        Membership trainer = StaffResource.staff(visitors, token);
        return FrameworkPages.competencyForm(trainer, current(trainer), token, key, null, null);
    }

    @POST
    @Path("competency/{key}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reword(@PathParam("key") String key, MultivaluedMap<String, String> form) {
        return change(form, FrameworkEdits.reword(key, form.getFirst("name"), form.getFirst("description"),
                behaviours(form)), "Reworded " + key, (trainer, problem) -> FrameworkPages.competencyForm(trainer,
                current(trainer), form.getFirst("s"), key, problem, form));
    }

    @POST
    @Path("competency/{key}/retire")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retire(@PathParam("key") String key, MultivaluedMap<String, String> form) {
        return change(form, FrameworkEdits.retireCompetency(key, true), "Retired " + key, null);
    }

    @POST
    @Path("competency/{key}/restore")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response restore(@PathParam("key") String key, MultivaluedMap<String, String> form) {
        return change(form, FrameworkEdits.retireCompetency(key, false), "Restored " + key, null);
    }

    @GET
    @Path("area/{area}/new")
    public Response newCompetencyForm(@QueryParam("s") String token, @PathParam("area") String area) {
        Membership trainer = StaffResource.staff(visitors, token);
        return FrameworkPages.newCompetencyForm(trainer, current(trainer), token, area, null, null);
    }

    @POST
    @Path("area/{area}/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@PathParam("area") String area, MultivaluedMap<String, String> form) {
        return change(form, FrameworkEdits.add(area, form.getFirst("name"), form.getFirst("description"),
                behaviours(form)), "Added a competency to " + area, (trainer, problem) ->
                FrameworkPages.newCompetencyForm(trainer, current(trainer), form.getFirst("s"), area, problem, form));
    }

    @POST
    @Path("level/{level}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response renameLevel(@PathParam("level") int level, MultivaluedMap<String, String> form) {
        return change(form, FrameworkEdits.renameLevel(level, form.getFirst("name"), form.getFirst("summary")),
                "Renamed level " + level, null);
    }

    @POST
    @Path("level/{level}/retire")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retireLevel(@PathParam("level") int level, MultivaluedMap<String, String> form) {
        return change(form, FrameworkEdits.retireLevel(level, true), "Retired level " + level, null);
    }

    @POST
    @Path("level/{level}/restore")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response restoreLevel(@PathParam("level") int level, MultivaluedMap<String, String> form) {
        return change(form, FrameworkEdits.retireLevel(level, false), "Restored level " + level, null);
    }

    /** The current version in Moodle's competency framework CSV (Site administration > Competencies > Import). */
    @GET
    @Path("export.csv")
    public Response exportMoodleCsv(@QueryParam("s") String token) {
        Membership trainer = StaffResource.staff(visitors, token);
        return Downloads.attachment(MoodleCompetencyCsv.write(current(trainer).content()),
                "text/csv; charset=utf-8", "competency-framework.csv");
    }

    /** The current version as a 1EdTech CASE 1.0 package; its document is named by this course's framework. */
    @GET
    @Path("export.json")
    public Response exportCase(@QueryParam("s") String token) {
        Membership trainer = StaffResource.staff(visitors, token);
        CourseFrameworks.Current current = current(trainer);
        String document = settings.url(SelfAssessmentResource.PATH + "/framework/case/"
                + trainer.resourceLink().courseScope()).toString();
        return Downloads.attachment(CaseJson.write(current.content(), document),
                "application/json; charset=utf-8", "competency-framework.case.json");
    }

    /** The form again, with the trainer's input and the problem (a 400 page). */
    private interface FormAgain {
        Response show(Membership trainer, String problem);
    }

    private Response change(MultivaluedMap<String, String> form, UnaryOperator<FrameworkContent> edit, String note,
                            FormAgain formAgain) {
        String token = form.getFirst("s");
        Membership trainer = StaffResource.staff(visitors, token);
        String basedOn = form.getFirst("version");
        String scope = trainer.resourceLink().courseScope();
        try {
            assessments.frameworks().change(scope, basedOn, edit, note);
        } catch (CourseFrameworks.Changed changed) {
            return problem(trainer, token, 409, changed.getMessage());
        } catch (IllegalArgumentException | NullPointerException refused) {
            String words = refused.getMessage() == null ? "Every field needs a value." : refused.getMessage();
            return formAgain != null ? formAgain.show(trainer, words) : problem(trainer, token, 400, words);
        }
        return Response.seeOther(Urls.withQuery(settings.url(SelfAssessmentResource.PATH + "/framework"),
                Map.of("s", token, "done", "changed"))).build();
    }

    private Response problem(Membership trainer, String token, int status, String words) {
        return Pages.html(status, FrameworkPages.framework(trainer, assessments.frameworks(), token, null, words));
    }

    private CourseFrameworks.Current current(Membership trainer) {
        return assessments.frameworks().current(trainer.resourceLink().courseScope());
    }

    /** {@code behaviour.1} … {@code behaviour.n}, in level order; at most the largest scale's levels. */
    private static List<String> behaviours(MultivaluedMap<String, String> form) {
        List<String> behaviours = new ArrayList<>();
        for (int level = 1; level <= FrameworkContent.MAX_LEVELS && form.containsKey("behaviour." + level); level++) {
            behaviours.add(form.getFirst("behaviour." + level));
        }
        return behaviours;
    }
}
