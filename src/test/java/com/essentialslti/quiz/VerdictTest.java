package com.essentialslti.quiz;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The verdict compares the score as the learner sees it (to one decimal of a percent) with the trainer's marks. */
class VerdictTest {

    @Test
    void aScoreShownAsThePassMarkPasses() {
        double twentyNineOfFifty = 29 / 50.0; // 57.99999999999999 percent in doubles, shown as 58.0%
        assertThat(QuizPages.percent(twentyNineOfFifty)).isEqualTo("58.0%");

        assertThat(Verdict.of(twentyNineOfFifty, 58, 80)).isEqualTo(Verdict.GAPS);
    }

    @Test
    void aScoreJustBelowThePassMarkAsShownFails() {
        assertThat(Verdict.of(0.579, 58, 80)).isEqualTo(Verdict.FOUNDATIONS);
    }

    @Test
    void aScoreShownAsTheReadyMarkIsReady() {
        assertThat(Verdict.of(0.7999999999, 58, 80)).isEqualTo(Verdict.READY);
    }
}
