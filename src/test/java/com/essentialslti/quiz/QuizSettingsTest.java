package com.essentialslti.quiz;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuizSettingsTest {

    static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");

    final QuizSettings settings = QuizSettings.defaultsFor("link", NOW);

    static QuizSettings.Values values(int passMark, int readyMark, FeedbackMode mode, Optional<Instant> closeAt) {
        return new QuizSettings.Values(5, 2, GradingMethod.LATEST, passMark, readyMark, Optional.of(20), mode,
                closeAt, true, false);
    }

    @Test
    void theDefaultsAreFiveQuestionsUnlimitedAttemptsAndTheHighestGrade() {
        assertThat(settings.questionCount()).isEqualTo(5);
        assertThat(settings.attemptsLeft(1000)).isTrue();
        assertThat(settings.gradingMethod()).isEqualTo(GradingMethod.HIGHEST);
    }

    @Test
    void theVerdictFollowsTheBands() {
        assertThat(settings.verdict(0.8)).isEqualTo(Verdict.READY);
        assertThat(settings.verdict(0.79)).isEqualTo(Verdict.GAPS);
        assertThat(settings.verdict(0.5)).isEqualTo(Verdict.GAPS);
        assertThat(settings.verdict(0.49)).isEqualTo(Verdict.FOUNDATIONS);
    }

    @Test
    void aTrainerMovesTheBands() {
        settings.change(values(40, 60, FeedbackMode.IMMEDIATELY, Optional.empty()), NOW);
        assertThat(settings.verdict(0.6)).isEqualTo(Verdict.READY);
        assertThat(settings.verdict(0.39)).isEqualTo(Verdict.FOUNDATIONS);
    }

    @Test
    void theReadyMarkCannotBeBelowThePassMark() {
        assertThatThrownBy(() -> settings.change(values(70, 60, FeedbackMode.IMMEDIATELY, Optional.empty()), NOW))
                .hasMessageContaining("cannot be below");
    }

    @Test
    void attemptsAllowedLimitsNewAttempts() {
        settings.change(values(50, 80, FeedbackMode.IMMEDIATELY, Optional.empty()), NOW);
        assertThat(settings.attemptsLeft(1)).isTrue();
        assertThat(settings.attemptsLeft(2)).isFalse();
    }

    @Test
    void feedbackAfterTheCloseDateWaitsForIt() {
        settings.change(values(50, 80, FeedbackMode.AFTER_CLOSE, Optional.of(NOW.plusSeconds(60))), NOW);
        assertThat(settings.feedbackVisible(NOW)).isFalse();
        assertThat(settings.feedbackVisible(NOW.plusSeconds(60))).isTrue();
    }

    @Test
    void feedbackAfterTheCloseDateNeedsACloseDate() {
        assertThatThrownBy(() -> settings.change(values(50, 80, FeedbackMode.AFTER_CLOSE, Optional.empty()), NOW))
                .hasMessageContaining("close date");
    }
}
