package com.essentialslti.quiz;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GradingMethodTest {

    static final List<Double> SCORES = List.of(0.4, 0.9, 0.6);

    @Test
    void highestTakesTheBestAttempt() {
        assertThat(GradingMethod.HIGHEST.grade(SCORES)).hasValue(0.9);
    }

    @Test
    void latestTakesTheLastAttempt() {
        assertThat(GradingMethod.LATEST.grade(SCORES)).hasValue(0.6);
    }

    @Test
    void firstTakesTheFirstAttempt() {
        assertThat(GradingMethod.FIRST.grade(SCORES)).hasValue(0.4);
    }

    @Test
    void averageTakesTheMean() {
        assertThat(GradingMethod.AVERAGE.grade(SCORES).getAsDouble()).isCloseTo(0.6333, org.assertj.core.data.Offset.offset(1e-3));
    }

    @Test
    void noFinishedAttemptMeansNoGrade() {
        assertThat(GradingMethod.HIGHEST.grade(List.of())).isEmpty();
    }
}
