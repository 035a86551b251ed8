package com.essentialslti.selfassessment.exchange;

import com.essentialslti.course.Membership;
import com.essentialslti.course.Visitors;
import com.essentialslti.imports.ProblemList;
import com.essentialslti.imports.Upload;
import com.essentialslti.infra.Settings;
import com.essentialslti.selfassessment.SelfAssessmentResource;
import com.essentialslti.selfassessment.SelfAssessments;
import com.essentialslti.selfassessment.StaffResource;
import com.essentialslti.selfassessment.framework.CourseFrameworks;
import com.essentialslti.selfassessment.framework.FrameworkContent;
import com.essentialslti.selfassessment.framework.ImportedFrameworks;
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
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Import of a course's framework from Moodle's competency framework CSV or a 1EdTech CASE package, through the
 * shared import flow: the upload is read and shown first (or its problems, with their lines); only the trainer's
 * confirmation saves it, as a new version of the framework, once per preview, and only if nobody changed the
 * framework since the preview. The confirmation carries the file itself, so nothing is kept between the steps.
 */
@ApplicationScoped // stateless: one instance serves every request
@Path(SelfAssessmentResource.PATH + "/framework/import")
@Produces(MediaType.TEXT_HTML)
public class FrameworkImportResource {

    @Inject
    Visitors visitors;
    @Inject
    SelfAssessments assessments;
    @Inject
    Settings settings;

    enum Format { MOODLE_CSV, CASE_JSON }

    @GET
    public Response form(@QueryParam("s") String token) {
        StaffResource.staff(visitors, token);
        return page(token, Map.of(), 200);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response preview(@FormParam("s") String token, @FormParam("file") EntityPart file) throws IOException {
        Membership trainer = StaffResource.staff(visitors, token);
        Upload upload;
        try {
            upload = Upload.read(file);
        } catch (Upload.Refused refused) {
            return page(token, Map.of("hasProblems", true, "problems", List.of(refused.getMessage())), 400);
        }
        Format format = formatOf(upload.fileName(), upload.content());
        FrameworkImport result = read(format, upload.content());
        if (!result.acceptable()) {
            return problems(token, result);
        }
        CourseFrameworks.Current current = current(trainer);
        ImportedFrameworks.Completed completed = ImportedFrameworks.complete(result.framework(), current.content());
        FrameworkContent framework = completed.framework();
        Map<String, Object> model = new HashMap<>();
        model.put("preview", true);
        model.put("formatName", format == Format.MOODLE_CSV ? "Moodle competency framework CSV" : "CASE 1.0 JSON");
        model.put("name", framework.name());
        model.put("description", framework.description());
        model.put("competencyCount", framework.competencies().size());
        model.put("areaCount", framework.areas().size());
        model.put("levels", framework.scale().stream().map(l -> l.name()).toList());
        model.put("areas", framework.areas().stream().map(a -> Map.of("name", a.name(), "competencies",
                a.competencies().stream().map(c -> Map.of("name", c.name(), "key", c.key(),
                        "described", !c.behaviours().isEmpty())).toList())).toList());
        model.put("targets", framework.targets().stream().map(t -> t.name()).toList());
        List<String> notes = new java.util.ArrayList<>(result.notes());
        notes.addAll(completed.notes());
        model.put("notes", notes);
        model.put("hasNotes", !notes.isEmpty());
        model.put("format", format.name());
        model.put("content", Upload.inForm(upload.content()));
        model.put("importId", UUID.randomUUID().toString());
        model.put("version", current.versionId());
        return page(token, model, 200);
    }

    @POST
    @Path("confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@FormParam("s") String token, @FormParam("format") String format,
                            @FormParam("content") String content, @FormParam("importId") String importId,
                            @FormParam("version") String version) {
        Membership trainer = StaffResource.staff(visitors, token);
        byte[] file;
        Format chosen;
        try {
            file = Upload.fromForm(content);
            chosen = Format.valueOf(format);
            UUID.fromString(importId);
            java.util.Objects.requireNonNull(version);
        } catch (IllegalArgumentException | NullPointerException e) {
            return page(token, Map.of("hasProblems", true, "problems", List.of(Upload.DAMAGED)), 400);
        }
        FrameworkImport result = read(chosen, file);
        if (!result.acceptable()) {
            return problems(token, result);
        }
        String scope = trainer.resourceLink().courseScope();
        if (assessments.frameworks().imported(importId)) {
            return done(token); // a double click or a form sent again: the first confirmation saved it
        }
        try {
            // Completed against the version the preview was made with: the confirmation saves only onto it, and
            // only while it is this course's current version (never reading another course's).
            CourseFrameworks.Current current = assessments.frameworks().current(scope);
            if (!current.versionId().equals(version)) {
                throw new CourseFrameworks.Changed();
            }
            FrameworkContent basedOn = current.content();
            assessments.frameworks().importOnce(scope, importId, version,
                    ImportedFrameworks.complete(result.framework(), basedOn).framework(),
                    "Imported \"" + result.framework().name() + "\" (" + (chosen == Format.MOODLE_CSV
                            ? "Moodle CSV" : "CASE JSON") + ")");
        } catch (CourseFrameworks.Changed changed) {
            return page(token, Map.of("hasProblems", true, "problems", List.of(changed.getMessage())), 409);
        }
        return done(token);
    }

    private Response done(String token) {
        return Response.seeOther(Urls.withQuery(settings.url(SelfAssessmentResource.PATH + "/framework"),
                Map.of("s", token, "done", "changed"))).build();
    }

    static Format formatOf(String fileName, byte[] content) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return Format.CASE_JSON;
        }
        if (name.endsWith(".csv")) {
            return Format.MOODLE_CSV;
        }
        return Upload.beginsWith(content, '{') ? Format.CASE_JSON : Format.MOODLE_CSV;
    }

    private static FrameworkImport read(Format format, byte[] content) {
        return format == Format.CASE_JSON ? CaseJson.read(content) : MoodleCompetencyCsv.read(content);
    }

    private Response problems(String token, FrameworkImport result) {
        List<String> problems = result.problems().isEmpty() ? List.of("The file holds no framework to import.")
                : ProblemList.shown(result.problems(), " more problems: mend these first and import the file again.");
        return page(token, Map.of("hasProblems", true, "problems", problems), 400);
    }

    private CourseFrameworks.Current current(Membership trainer) {
        return assessments.frameworks().current(trainer.resourceLink().courseScope());
    }

    private Response page(String token, Map<String, Object> values, int status) {
        Map<String, Object> model = new HashMap<>(values);
        model.put("session", token);
        model.put("maxSize", "750 KB");
        return Pages.page(status, "selfassessment/import", model);
    }
}
