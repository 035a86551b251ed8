package com.essentialslti.selfassessment;

import com.essentialslti.selfassessment.framework.Competency;
import com.essentialslti.selfassessment.framework.CompetencyArea;
import com.essentialslti.selfassessment.framework.FrameworkContent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static com.essentialslti.selfassessment.FrameworkBuilder.framework;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AssessmentTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private final FrameworkContent framework = framework().area("gov", "assurance", "standards").build();
    private final Assessment assessment = Assessment.start("link", "user", 1, "version-1", NOW);

    @Test
    void ratingAgainReplacesTheLevelAndTheNote() {
        assessment.rate(framework, "gov.assurance", 1, "first", NOW);
        assessment.rate(framework, "gov.assurance", 3, "second", NOW);

        assertThat(assessment.levels()).containsExactly(java.util.Map.entry("gov.assurance", 3));
        assertThat(assessment.evidence()).containsEntry("gov.assurance", "second");
    }

    @Test
    void aNoteWrittenBeforeChoosingALevelIsKeptWithoutALevel() {
        assessment.rate(framework, "gov.assurance", Assessment.KEEP_LEVEL, "led the audit", NOW);

        assertThat(assessment.levels()).isEmpty();
        assertThat(assessment.evidence()).containsEntry("gov.assurance", "led the audit");
    }

    @Test
    void aNoteAloneKeepsTheLevelChosenBefore() {
        assessment.rate(framework, "gov.assurance", 2, "", NOW);
        assessment.rate(framework, "gov.assurance", Assessment.KEEP_LEVEL, "a note", NOW);

        assertThat(assessment.levels()).containsEntry("gov.assurance", 2);
    }

    @Test
    void aRatingWithoutANoteKeepsTheNoteWrittenBefore() {
        assessment.rate(framework, "gov.assurance", 2, "led the audit", NOW);
        assessment.rate(framework, "gov.assurance", 3, null, NOW);

        assertThat(assessment.evidence()).containsEntry("gov.assurance", "led the audit");
        assertThat(assessment.levels()).containsEntry("gov.assurance", 3);
    }

    @Test
    void anUnknownCompetencyIsRefused() {
        assertThatThrownBy(() -> assessment.rate(framework, "gov.unknown", 2, "", NOW))
                .isInstanceOf(Assessment.NotARating.class).hasMessageContaining("gov.unknown");
        assertThat(assessment.levels()).isEmpty();
    }

    @Test
    void aLevelOutsideTheScaleIsRefused() {
        assertThatThrownBy(() -> assessment.rate(framework, "gov.assurance", 5, "", NOW))
                .isInstanceOf(Assessment.NotARating.class);
        assertThatThrownBy(() -> assessment.rate(framework, "gov.assurance", -1, "", NOW))
                .isInstanceOf(Assessment.NotARating.class);
    }

    @Test
    void aRetiredLevelIsNoLongerOffered() {
        FrameworkContent retired = new FrameworkContent("F", "", List.of(FrameworkBuilder.scale().get(0),
                FrameworkBuilder.scale().get(1), FrameworkBuilder.scale().get(2).withRetired(true),
                FrameworkBuilder.scale().get(3)), framework.areas(), List.of());

        assertThatThrownBy(() -> assessment.rate(retired, "gov.assurance", 3, "", NOW))
                .isInstanceOf(Assessment.NotARating.class);
    }

    @Test
    void aRetiredCompetencyIsNotRated() {
        CompetencyArea area = framework.areas().get(0);
        List<Competency> competencies = List.of(area.competencies().get(0).withRetired(true),
                area.competencies().get(1));
        FrameworkContent retired = new FrameworkContent("F", "", framework.scale(), List.of(new CompetencyArea(
                area.key(), area.name(), "", competencies, area.suggestions())), List.of());

        assertThatThrownBy(() -> assessment.rate(retired, "gov.assurance", 2, "", NOW))
                .isInstanceOf(Assessment.NotARating.class);
    }

    @Test
    void aNoteLongerThanTheCapIsRefused() {
        assertThatThrownBy(() -> assessment.rate(framework, "gov.assurance", 2, "x".repeat(Rating.MAX_EVIDENCE + 1),
                NOW)).isInstanceOf(Assessment.NotARating.class).hasMessageContaining("1000");
    }

    @Test
    void submittingNeedsEveryCompetencyRated() {
        assessment.rate(framework, "gov.assurance", 2, "", NOW);

        assertThatThrownBy(() -> assessment.submit(framework, NOW)).isInstanceOf(Assessment.Incomplete.class)
                .satisfies(e -> assertThat(((Assessment.Incomplete) e).missing()).extracting(Competency::key)
                        .containsExactly("gov.standards"));
        assertThat(assessment.submitted()).isFalse();
    }

    @Test
    void aSnapshotIsTakenOnceAndTakesNoMoreRatings() {
        assessment.rate(framework, "gov.assurance", 2, "", NOW);
        assessment.rate(framework, "gov.standards", 3, "", NOW);

        assertThat(assessment.submit(framework, NOW)).isTrue();
        assertThat(assessment.submit(framework, NOW.plusSeconds(60))).isFalse();
        assertThat(assessment.submittedAt()).contains(NOW);
        assertThatThrownBy(() -> assessment.rate(framework, "gov.assurance", 4, "", NOW))
                .isInstanceOf(Assessment.Closed.class);
        assertThat(assessment.levels()).containsEntry("gov.assurance", 2);
    }
}
