package com.essentialslti.quiz.bank;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class QuestionScoringTest {

    static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");

    public static QuestionVersion version(QuestionType type, boolean... correct) {
        List<AnswerOption> options = new java.util.ArrayList<>();
        for (int i = 0; i < correct.length; i++) {
            options.add(new AnswerOption("option " + i, correct[i], "feedback " + i));
        }
        return new Question("bank", null, null, new QuestionContent(type, Difficulty.MEDIUM, "Which?", options), NOW)
                .current();
    }

    @Nested
    class SingleAnswer {
        final QuestionVersion question = version(QuestionType.SINGLE, false, true, false, false);

        @Test
        void theCorrectOptionEarnsTheWholeMark() {
            assertThat(question.score(Set.of(1), true)).isEqualTo(1.0);
        }

        @Test
        void aWrongOptionEarnsNothing() {
            assertThat(question.score(Set.of(2), true)).isZero();
        }

        @Test
        void noAnswerEarnsNothing() {
            assertThat(question.score(Set.of(), true)).isZero();
        }

        @Test
        void twoOptionsEarnNothingEvenIfOneIsRight() {
            assertThat(question.score(Set.of(1, 2), true)).isZero();
        }
    }

    /** Moodle's half-right answer: kept on the option, earned only where the quiz gives partial credit. */
    @Nested
    class SingleAnswerWithPartialCredit {
        final QuestionVersion question = new Question("bank", null, null, new QuestionContent(QuestionType.SINGLE,
                Difficulty.MEDIUM, "Which?", List.of(new AnswerOption("right", true, ""),
                new AnswerOption("half right", false, 0.5, ""), new AnswerOption("wrong", false, ""))), NOW).current();

        @Test
        void theHalfRightOptionEarnsItsShareWithPartialCredit() {
            assertThat(question.score(Set.of(1), true)).isEqualTo(0.5);
        }

        @Test
        void withoutPartialCreditItEarnsNothingAsEveryWrongOptionDoes() {
            assertThat(question.score(Set.of(1), false)).isZero();
        }

        @Test
        void theCorrectOptionStillEarnsTheWholeMarkAndTwoOptionsNothing() {
            assertThat(question.score(Set.of(0), true)).isEqualTo(1.0);
            assertThat(question.score(Set.of(0, 1), true)).isZero();
            assertThat(question.score(Set.of(2), true)).isZero();
        }
    }

    @Nested
    class MultipleAnswer {
        final QuestionVersion question = version(QuestionType.MULTIPLE, true, true, false, true, false);

        @Test
        void exactlyTheCorrectOptionsEarnTheWholeMark() {
            assertThat(question.score(Set.of(0, 1, 3), false)).isEqualTo(1.0);
            assertThat(question.score(Set.of(0, 1, 3), true)).isEqualTo(1.0);
        }

        @Test
        void withoutPartialCreditAnythingLessEarnsNothing() {
            assertThat(question.score(Set.of(0, 1), false)).isZero();
        }

        @Test
        void withPartialCreditEachCorrectOptionEarnsItsShare() {
            assertThat(question.score(Set.of(0, 1), true)).isEqualTo(2.0 / 3);
        }

        @Test
        void withPartialCreditAWrongOptionTakesItsShareAway() {
            assertThat(question.score(Set.of(0, 1, 2), true)).isEqualTo(2.0 / 3 - 1.0 / 2);
        }

        @Test
        void tickingEveryOptionEarnsNothing() {
            assertThat(question.score(Set.of(0, 1, 2, 3, 4), true)).isZero();
        }

        @Test
        void theScoreNeverGoesBelowZero() {
            assertThat(question.score(Set.of(2, 4), true)).isZero();
        }
    }

    @Nested
    class TrueFalse {
        @Test
        void theRightWordEarnsTheMark() {
            QuestionVersion question = version(QuestionType.TRUE_FALSE, false, true);
            assertThat(question.score(Set.of(1), true)).isEqualTo(1.0);
            assertThat(question.score(Set.of(0), true)).isZero();
        }
    }

    @Nested
    class TheRulesOfEachType {
        @Test
        void aSingleAnswerQuestionHasExactlyOneCorrectOption() {
            assertThatThrownBy(() -> version(QuestionType.SINGLE, true, true, false))
                    .hasMessageContaining("exactly one correct");
        }

        @Test
        void aTrueFalseQuestionHasTwoOptions() {
            assertThatThrownBy(() -> version(QuestionType.TRUE_FALSE, true, false, false))
                    .hasMessageContaining("two options");
        }

        @Test
        void aMultipleAnswerQuestionHasACorrectOption() {
            assertThatThrownBy(() -> version(QuestionType.MULTIPLE, false, false, false))
                    .hasMessageContaining("at least one correct");
        }

        @Test
        void partialCreditIsAShareBelowTheWholeMarkOnAWrongOptionOnly() {
            assertThatThrownBy(() -> new AnswerOption("a", false, 1.0, "")).hasMessageContaining("below 100%");
            assertThatThrownBy(() -> new AnswerOption("a", false, -0.5, "")).hasMessageContaining("below 100%");
            assertThatThrownBy(() -> new AnswerOption("a", false, Double.NaN, "")).hasMessageContaining("below 100%");
            assertThatThrownBy(() -> new AnswerOption("a", true, 0.5, "")).hasMessageContaining("whole mark");
        }

        @Test
        void onlyASingleAnswerQuestionGivesPartialCredit() {
            assertThatThrownBy(() -> new QuestionContent(QuestionType.MULTIPLE, Difficulty.EASY, "Which?", List.of(
                    new AnswerOption("a", true, ""), new AnswerOption("b", false, 0.5, ""))))
                    .hasMessageContaining("only a single-answer question");
        }

        @Test
        void generalFeedbackIsKeptWithItsLineBreaksAndBounded() {
            List<AnswerOption> options = List.of(new AnswerOption("a", true, ""), new AnswerOption("b", false, ""));
            assertThat(new QuestionContent(QuestionType.SINGLE, Difficulty.EASY, "Q", options, " One\r\nTwo ")
                    .generalFeedback()).isEqualTo("One\nTwo");
            assertThatThrownBy(() -> new QuestionContent(QuestionType.SINGLE, Difficulty.EASY, "Q", options,
                    "x".repeat(4001))).hasMessageContaining("general feedback is at most 4000");
        }

        @Test
        void aQuestionNeedsText() {
            assertThatThrownBy(() -> new QuestionContent(QuestionType.SINGLE, Difficulty.EASY, "  ",
                    List.of(new AnswerOption("a", true, ""), new AnswerOption("b", false, ""))))
                    .hasMessageContaining("needs a text");
        }
    }
}
