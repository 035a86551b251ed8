package com.essentialslti.selfassessment;

import com.essentialslti.course.Membership;
import com.essentialslti.course.Visitors;
import com.essentialslti.web.FormFields;
import com.essentialslti.web.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.Map;

/** The trainer's and course admin's addresses of the self-assessment: the link's settings and target. */
@ApplicationScoped // stateless: one instance serves every request
@Path(SelfAssessmentResource.PATH)
@Produces(MediaType.TEXT_HTML)
public class StaffResource {

    @Inject
    Visitors visitors;
    @Inject
    SelfAssessments assessments;

    @POST
    @Path("settings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveSettings(MultivaluedMap<String, String> form) {
        String token = form.getFirst("s");
        Membership trainer = staff(visitors, token);
        try {
            assessments.changeSettings(trainer.resourceLink(), settingsForm(form));
        } catch (IllegalArgumentException e) {
            return staffPage(trainer, token, null, e.getMessage());
        }
        return staffPage(trainer, token, "saved", null);
    }

    /**
     * The settings form's fields as values; a field that is not what the form offers is refused with an
     * {@link IllegalArgumentException} in words.
     */
    static SelfAssessmentSettings.Values settingsForm(MultivaluedMap<String, String> form) {
        String targetKey = form.getFirst("target");
        Map<String, Integer> custom = new LinkedHashMap<>();
        if (SelfAssessmentSettings.CUSTOM_TARGET.equals(targetKey)) {
            form.forEach((field, values) -> {
                if (field.startsWith("target.") && !values.isEmpty()) {
                    int level = FormFields.wholeNumber(values.get(0), "Target level");
                    if (level > 0) {
                        custom.put(field.substring(7), level);
                    }
                }
            });
        }
        SelfAssessmentSettings.Grading grading = FormFields.choice(SelfAssessmentSettings.Grading.class,
                form.getFirst("grading"), "Grade");
        return new SelfAssessmentSettings.Values(targetKey, custom,
                FormFields.wholeNumber(form.getFirst("retakes"), "Retakes allowed"),
                FormFields.wholeNumber(form.getFirst("minDaysBetween"), "Days between self-assessments"),
                "on".equals(form.getFirst("askEvidence")), grading);
    }

    private Response staffPage(Membership trainer, String token, String saved, String problem) {
        String page = SelfAssessmentStaffPages.staff(trainer, assessments, token, null, saved, problem);
        return Pages.html(problem == null ? 200 : 400, page);
    }

    /** A trainer or course admin of a link used for the self-assessment; others get a 403 or 404 page. */
    public static Membership staff(Visitors visitors, String token) {
        return SelfAssessmentResource.atLink(visitors.requireStaff(token));
    }
}
