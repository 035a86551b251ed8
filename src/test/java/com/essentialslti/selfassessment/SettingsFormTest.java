package com.essentialslti.selfassessment;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsFormTest {

    private static MultivaluedMap<String, String> form(Map<String, String> fields) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.putSingle("target", "aspiring");
        form.putSingle("retakes", "-1");
        form.putSingle("minDaysBetween", "0");
        form.putSingle("grading", "COMPLETION");
        fields.forEach(form::putSingle);
        return form;
    }

    @Test
    void theFormsFieldsBecomeTheSettings() {
        SelfAssessmentSettings.Values values = StaffResource.settingsForm(form(Map.of("retakes", "2",
                "minDaysBetween", "30", "askEvidence", "on", "grading", "NONE")));

        assertThat(values).isEqualTo(new SelfAssessmentSettings.Values("aspiring", Map.of(), 2, 30, true,
                SelfAssessmentSettings.Grading.NONE));
    }

    @Test
    void anUncheckedEvidenceBoxTurnsTheNoteOff() {
        assertThat(StaffResource.settingsForm(form(Map.of())).askEvidence()).isFalse();
    }

    @Test
    void aCustomTargetReadsTheLevelsChosenAndLeavesOutNoTarget() {
        SelfAssessmentSettings.Values values = StaffResource.settingsForm(form(Map.of("target", "custom",
                "target.gov.assurance", "3", "target.gov.standards", "0")));

        assertThat(values.customTarget()).containsExactly(Map.entry("gov.assurance", 3));
    }

    @Test
    void levelsOfAProfileAreIgnoredUnlessTheCustomTargetIsChosen() {
        assertThat(StaffResource.settingsForm(form(Map.of("target.gov.assurance", "3"))).customTarget()).isEmpty();
    }

    @Test
    void aCraftedGradeIsRefusedInWords() {
        assertThatThrownBy(() -> StaffResource.settingsForm(form(Map.of("grading", "EVERYTHING"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Grade: choose one of the options offered.");
    }

    @Test
    void aNumberThatIsNotOneIsRefusedInWords() {
        assertThatThrownBy(() -> StaffResource.settingsForm(form(Map.of("minDaysBetween", "soon"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Days between self-assessments must be a whole number.");
    }
}
