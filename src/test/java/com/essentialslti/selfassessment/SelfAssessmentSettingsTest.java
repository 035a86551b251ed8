package com.essentialslti.selfassessment;

import com.essentialslti.selfassessment.framework.FrameworkContent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.essentialslti.selfassessment.FrameworkBuilder.framework;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SelfAssessmentSettingsTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private final FrameworkContent framework = framework().area("gov", "assurance", "standards")
            .target("gov.assurance", 3).build();
    private final SelfAssessmentSettings settings = SelfAssessmentSettings.defaultsFor("link", NOW);

    private void change(String target, Map<String, Integer> custom, int retakes, int days) {
        settings.change(new SelfAssessmentSettings.Values(target, custom, retakes, days, true,
                SelfAssessmentSettings.Grading.COMPLETION), framework, NOW);
    }

    @Test
    void theFirstSelfAssessmentIsAlwaysAllowed() {
        change("target", Map.of(), 0, 30);

        assertThat(settings.whyNoNewAssessment(List.of(), NOW)).isEmpty();
    }

    @Test
    void withoutRetakesASecondIsRefusedInWords() {
        change("target", Map.of(), 0, 0);

        assertThat(settings.whyNoNewAssessment(List.of(NOW.minus(Duration.ofDays(400))), NOW))
                .contains("This self-assessment is taken once.");
    }

    @Test
    void retakesAreCountedAfterTheFirst() {
        change("target", Map.of(), 2, 0);
        List<Instant> two = List.of(NOW.minusSeconds(20), NOW.minusSeconds(10));
        List<Instant> three = List.of(NOW.minusSeconds(30), NOW.minusSeconds(20), NOW.minusSeconds(10));

        assertThat(settings.whyNoNewAssessment(two, NOW)).isEmpty();
        assertThat(settings.whyNoNewAssessment(three, NOW)).get().asString().contains("3 times");
    }

    @Test
    void theDaysBetweenCountFromTheLatestSnapshot() {
        change("target", Map.of(), SelfAssessmentSettings.UNLIMITED, 30);
        Instant latest = NOW.minus(Duration.ofDays(29));

        assertThat(settings.whyNoNewAssessment(List.of(latest), NOW)).contains("You can take it again from 3 Dec 2026.");
        assertThat(settings.whyNoNewAssessment(List.of(latest), NOW.plus(Duration.ofDays(1)))).isEmpty();
    }

    @Test
    void theChosenProfileSetsTheTarget() {
        change("target", Map.of(), SelfAssessmentSettings.UNLIMITED, 0);

        assertThat(settings.targetIn(framework)).containsExactly(Map.entry("gov.assurance", 3));
    }

    @Test
    void aCustomTargetKeepsTheTrainersLevels() {
        change(SelfAssessmentSettings.CUSTOM_TARGET, Map.of("gov.standards", 4), SelfAssessmentSettings.UNLIMITED, 0);

        assertThat(settings.targetIn(framework)).containsExactly(Map.entry("gov.standards", 4));
        assertThat(settings.targetName(framework)).isEqualTo("the trainer's own target");
    }

    @Test
    void aCustomTargetNamingAnUnknownCompetencyIsRefused() {
        assertThatThrownBy(() -> change(SelfAssessmentSettings.CUSTOM_TARGET, Map.of("gov.other", 2),
                SelfAssessmentSettings.UNLIMITED, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnknownProfileIsRefused() {
        assertThatThrownBy(() -> change("manager", Map.of(), SelfAssessmentSettings.UNLIMITED, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Target profile");
    }

    @Test
    void retakesAndDaysOutsideTheirRangeAreRefused() {
        assertThatThrownBy(() -> change("target", Map.of(), -2, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> change("target", Map.of(), 0, 366)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aProfileTheFrameworkNoLongerHasFallsBackToItsFirst() {
        change("target", Map.of(), SelfAssessmentSettings.UNLIMITED, 0);
        FrameworkContent imported = new FrameworkContent("Imported", "", framework.scale(), framework.areas(),
                List.of(new com.essentialslti.selfassessment.framework.TargetProfile("other", "Other", "",
                        Map.of("gov.standards", 2))));

        assertThat(settings.targetIn(imported)).containsExactly(Map.entry("gov.standards", 2));
    }
}
