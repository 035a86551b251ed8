package com.essentialslti.selfassessment;

import com.essentialslti.course.Activity;
import com.essentialslti.course.CourseActivity;
import com.essentialslti.course.CourseRole;
import com.essentialslti.course.Enrolments;
import com.essentialslti.course.Membership;
import com.essentialslti.course.Visitors;
import com.essentialslti.infra.Settings;
import com.essentialslti.selfassessment.framework.Competency;
import com.essentialslti.selfassessment.framework.CompetencyArea;
import com.essentialslti.selfassessment.framework.FrameworkContent;
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
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The self-assessment's addresses for learners. Every request carries the launch token {@code s}; {@link Visitors}
 * turns it into the member of one link, and {@link SelfAssessments} only ever reaches that member's own
 * assessments. State changes are POSTs answered with a redirect, so reloading a page never repeats an action.
 */
@ApplicationScoped // stateless: one instance serves every request
@Path(SelfAssessmentResource.PATH)
@Produces(MediaType.TEXT_HTML)
public class SelfAssessmentResource {

    public static final String PATH = "/self-assessment";

    @Inject
    Visitors visitors;
    @Inject
    SelfAssessments assessments;
    @Inject
    Enrolments enrolments;
    @Inject
    Settings settings;

    @GET
    public Response home(@QueryParam("s") String token) {
        return Pages.html(SelfAssessmentPages.home(atLink(visitors.require(token)), assessments, token, null));
    }

    @POST
    @Path("start")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(MultivaluedMap<String, String> form) {
        String token = form.getFirst("s");
        Membership learner = learner(token);
        try {
            Assessment assessment = assessments.startOrResume(learner);
            return redirect(assessmentPath(assessment.id()) + "/area/" + firstIncompleteArea(assessment), token);
        } catch (SelfAssessments.CannotStart refused) {
            return Pages.html(409, SelfAssessmentPages.overview(learner, assessments.overview(learner), assessments,
                    token, null, refused.getMessage()));
        }
    }

    @GET
    @Path("assessment/{assessment}/area/{number}")
    public Response area(@QueryParam("s") String token, @PathParam("assessment") String assessmentId,
                         @PathParam("number") int number) {
        Membership learner = learner(token);
        SelfAssessments.AssessmentView view = ownView(learner, assessmentId);
        if (view.assessment().submitted()) {
            return redirect(assessmentPath(assessmentId) + "/result", token);
        }
        int areas = view.framework().areasInUse().size();
        if (number < 1 || number > areas) {
            return Pages.error(404, "No such area", "This self-assessment has " + areas + " areas.",
                    "Go back to the first area.");
        }
        return Pages.html(SelfAssessmentPages.area(learner, view, number, token, null));
    }

    /**
     * Saves the ratings of one area's page: {@code level.<competency>} (a level of the scale) and
     * {@code evidence.<competency>} (the note), then goes where the learner's button says.
     */
    @POST
    @Path("assessment/{assessment}/area/{number}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rate(@PathParam("assessment") String assessmentId, @PathParam("number") int number,
                         MultivaluedMap<String, String> form) {
        String token = form.getFirst("s");
        Membership learner = learner(token);
        FrameworkContent framework;
        try {
            framework = assessments.rate(learner, assessmentId, ratingsIn(form));
        } catch (SelfAssessments.NoSuchAssessment missing) {
            return noSuchAssessment();
        } catch (Assessment.Closed closed) {
            return redirect(assessmentPath(assessmentId) + "/result", token);
        } catch (Assessment.NotARating refused) {
            return Pages.error(400, "This rating was not saved", refused.getMessage(),
                    "Go back to the page, choose one of the levels offered and save again.");
        }
        String go = Optional.ofNullable(form.getFirst("go")).orElse("next");
        if ("autosave".equals(go)) {
            return Response.noContent().build(); // the page's script saved as the learner went; it stays
        }
        int areas = framework.areasInUse().size();
        String next;
        if ("previous".equals(go)) {
            next = "/area/" + Math.max(1, number - 1);
        } else if ("review".equals(go) || ("next".equals(go) && number >= areas)) {
            next = "/review";
        } else if (go.matches("area-\\d{1,3}")) {
            next = "/area/" + Math.min(areas, Math.max(1, Integer.parseInt(go.substring(5))));
        } else {
            next = "/area/" + Math.min(areas, number + 1);
        }
        return redirect(assessmentPath(assessmentId) + next, token);
    }

    @GET
    @Path("assessment/{assessment}/review")
    public Response review(@QueryParam("s") String token, @PathParam("assessment") String assessmentId) {
        Membership learner = learner(token);
        SelfAssessments.AssessmentView view = ownView(learner, assessmentId);
        if (view.assessment().submitted()) {
            return redirect(assessmentPath(assessmentId) + "/result", token);
        }
        return Pages.html(SelfAssessmentPages.review(learner, view, token, List.of()));
    }

    /** Idempotent: a double click, a second tab or a replayed POST all land on the one snapshot. */
    @POST
    @Path("assessment/{assessment}/submit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@PathParam("assessment") String assessmentId, MultivaluedMap<String, String> form) {
        String token = form.getFirst("s");
        Membership learner = learner(token);
        try {
            assessments.submit(learner, assessmentId);
        } catch (SelfAssessments.NoSuchAssessment missing) {
            return noSuchAssessment();
        } catch (Assessment.Incomplete incomplete) {
            List<Competency> missing = incomplete.missing();
            return Pages.html(409, SelfAssessmentPages.review(learner, ownView(learner, assessmentId), token, missing));
        }
        return redirect(assessmentPath(assessmentId) + "/result", token);
    }

    @GET
    @Path("assessment/{assessment}/result")
    public Response result(@QueryParam("s") String token, @PathParam("assessment") String assessmentId) {
        Membership learner = learner(token);
        SelfAssessments.Result result;
        try {
            result = assessments.result(learner, assessmentId);
        } catch (SelfAssessments.NoSuchAssessment missing) {
            SelfAssessments.AssessmentView view = ownView(learner, assessmentId); // 404 unless in progress
            return redirect(assessmentPath(view.assessment().id()) + "/review", token);
        }
        Optional<String> journal = enrolments.activitiesBeside(learner.resourceLink()).stream()
                .filter(a -> a.activity() == Activity.JOURNAL && a.activity().available())
                .map(CourseActivity::title).findFirst();
        return Pages.html(SelfAssessmentPages.result(learner, result, token, journal));
    }

    /** The learner's own snapshots, one line per competency rated, for a spreadsheet. */
    @GET
    @Path("snapshots.csv")
    @Produces("text/csv")
    public Response ownSnapshots(@QueryParam("s") String token) {
        Membership learner = learner(token);
        String csv = SnapshotCsv.of(learner.user(), assessments.snapshots(learner), assessments.frameworks(),
                assessments.settings(learner.resourceLink()));
        return Downloads.attachment(csv, "text/csv; charset=utf-8", "my-self-assessments.csv");
    }

    static Map<String, SelfAssessments.RatingInput> ratingsIn(MultivaluedMap<String, String> form) {
        Map<String, SelfAssessments.RatingInput> ratings = new LinkedHashMap<>();
        for (String field : form.keySet()) {
            String key = field.startsWith("level.") ? field.substring(6)
                    : field.startsWith("evidence.") ? field.substring(9) : null;
            if (key == null || ratings.containsKey(key)) {
                continue;
            }
            if (ratings.size() >= 100) {
                throw new Assessment.NotARating("A page rates at most 100 competencies.");
            }
            String level = form.getFirst("level." + key);
            boolean sent = level != null && !level.isBlank();
            int chosen;
            try {
                chosen = sent ? Integer.parseInt(level.strip()) : Assessment.KEEP_LEVEL;
            } catch (NumberFormatException e) {
                chosen = Assessment.KEEP_LEVEL;
            }
            if (sent && chosen == Assessment.KEEP_LEVEL) { // not a number, or 0: "keep" is for no level sent only
                throw new Assessment.NotARating("Choose one of the levels offered for each competency.");
            }
            if (chosen == Assessment.KEEP_LEVEL && Optional.ofNullable(form.getFirst("evidence." + key))
                    .orElse("").isBlank()) {
                continue; // nothing chosen, nothing written: nothing to save
            }
            ratings.put(key, new SelfAssessments.RatingInput(chosen, form.getFirst("evidence." + key)));
        }
        return ratings;
    }

    /** The first area (1-based) with a competency not rated yet, where a resumed assessment goes on. */
    private int firstIncompleteArea(Assessment assessment) {
        Map<String, Integer> levels = assessment.levels();
        List<CompetencyArea> areas = assessments.frameworks().version(assessment.frameworkVersionId()).areasInUse();
        for (int i = 0; i < areas.size(); i++) {
            if (areas.get(i).inUse().stream().anyMatch(c -> !levels.containsKey(c.key()))) {
                return i + 1;
            }
        }
        return 1;
    }

    private SelfAssessments.AssessmentView ownView(Membership learner, String assessmentId) {
        try {
            return assessments.view(learner, assessmentId);
        } catch (SelfAssessments.NoSuchAssessment missing) {
            throw new WebApplicationException(noSuchAssessment());
        }
    }

    static Response noSuchAssessment() {
        return Pages.error(404, "No such self-assessment", "This self-assessment does not exist, or it is not yours.",
                "Go back to the self-assessment from your course.");
    }

    /** The member, if their link is used for the self-assessment; otherwise the request ends with a 404 page. */
    static Membership atLink(Membership member) {
        if (member.resourceLink().activity().filter(a -> a == Activity.SELF_ASSESSMENT).isEmpty()) {
            throw new WebApplicationException(Pages.error(404, "This link has no self-assessment",
                    "The link you came from is not used for the competency self-assessment.",
                    "Go back to the course and open the self-assessment from its own link."));
        }
        return member;
    }

    private Membership learner(String token) {
        Membership member = atLink(visitors.require(token));
        if (member.role() != CourseRole.LEARNER) {
            throw new WebApplicationException(Pages.error(403, "Self-assessments are for learners",
                    "Trainers and course admins see the class's profiles and the settings instead.",
                    "Go back to the self-assessment's page."));
        }
        return member;
    }

    private static String assessmentPath(String assessmentId) {
        return PATH + "/assessment/" + assessmentId;
    }

    private Response redirect(String path, String token) {
        URI target = Urls.withQuery(settings.url(path), Map.of("s", token));
        return Response.seeOther(target).build();
    }

}
