package com.essentialslti.selfassessment;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RatingFormTest {

    private final MultivaluedMap<String, String> form = new MultivaluedHashMap<>();

    @Test
    void aLevelAndANoteMakeOneRating() {
        form.putSingle("level.gov.assurance", "3");
        form.putSingle("evidence.gov.assurance", "Ran the gate reviews");

        assertThat(SelfAssessmentResource.ratingsIn(form)).containsExactly(java.util.Map.entry("gov.assurance",
                new SelfAssessments.RatingInput(3, "Ran the gate reviews")));
    }

    @Test
    void aNoteWithoutALevelIsSavedAndKeepsTheLevel() {
        form.putSingle("evidence.gov.assurance", "Ran the gate reviews");

        assertThat(SelfAssessmentResource.ratingsIn(form).get("gov.assurance").level())
                .isEqualTo(Assessment.KEEP_LEVEL);
    }

    @Test
    void aCompetencyWithNeitherLevelNorNoteIsLeftAlone() {
        form.putSingle("evidence.gov.assurance", "  ");

        assertThat(SelfAssessmentResource.ratingsIn(form)).isEmpty();
    }

    @Test
    void aLevelThatIsNotANumberIsRefusedInWords() {
        form.putSingle("level.gov.assurance", "expert");

        assertThatThrownBy(() -> SelfAssessmentResource.ratingsIn(form)).isInstanceOf(Assessment.NotARating.class)
                .hasMessageContaining("levels offered");
    }

    @Test
    void aPageWithMoreCompetenciesThanAnyAreaIsRefused() {
        for (int i = 0; i <= 100; i++) {
            form.putSingle("level.c" + i, "1");
        }

        assertThatThrownBy(() -> SelfAssessmentResource.ratingsIn(form)).isInstanceOf(Assessment.NotARating.class);
    }
}
