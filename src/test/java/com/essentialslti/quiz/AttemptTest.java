package com.essentialslti.quiz;

import com.essentialslti.quiz.bank.QuestionScoringTest;
import com.essentialslti.quiz.bank.QuestionType;
import com.essentialslti.quiz.bank.QuestionVersion;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AttemptTest {

    static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");

    final QuestionVersion single = QuestionScoringTest.version(QuestionType.SINGLE, false, true, false, false);
    final QuestionVersion multiple = QuestionScoringTest.version(QuestionType.MULTIPLE, true, false, true, false);
    final QuestionVersion trueFalse = QuestionScoringTest.version(QuestionType.TRUE_FALSE, true, false);
    final Map<String, QuestionVersion> versions = List.of(single, multiple, trueFalse).stream()
            .collect(Collectors.toMap(QuestionVersion::id, Function.identity()));

    Attempt start(boolean shuffle, Optional<Duration> limit) {
        return start(shuffle, limit, Optional.empty());
    }

    Attempt start(Optional<Duration> limit, Optional<Instant> closeAt) {
        return start(true, limit, closeAt);
    }

    Attempt start(boolean shuffle, Optional<Duration> limit, Optional<Instant> closeAt) {
        return Attempt.start("link", "user", 1, List.of(single, multiple, trueFalse), shuffle, limit, closeAt,
                new Random(3), NOW);
    }

    /** Answers by the version's own option indexes, whatever order the learner saw. */
    static void answerOptions(Attempt attempt, int position, Set<Integer> optionIndexes, Instant at) {
        List<Integer> order = attempt.item(position).optionOrder();
        attempt.answer(position, optionIndexes.stream().map(order::indexOf).collect(Collectors.toSet()), at);
    }

    @Test
    void shufflingShowsEveryOptionOnceButKeepsTrueBeforeFalse() {
        Attempt attempt = start(true, Optional.empty());
        assertThat(attempt.item(0).optionOrder()).containsExactlyInAnyOrder(0, 1, 2, 3);
        assertThat(attempt.item(2).optionOrder()).containsExactly(0, 1);
    }

    @Test
    void withoutShufflingOptionsKeepTheirOrder() {
        assertThat(start(false, Optional.empty()).item(0).optionOrder()).containsExactly(0, 1, 2, 3);
    }

    @Test
    void answersAreStoredAsTheVersionsOptionsWhateverTheDisplayOrder() {
        Attempt attempt = start(true, Optional.empty());
        answerOptions(attempt, 0, Set.of(1), NOW);
        assertThat(attempt.item(0).chosen()).containsExactly(1);
    }

    @Test
    void submittingScoresTheSavedAnswers() {
        Attempt attempt = start(true, Optional.empty());
        answerOptions(attempt, 0, Set.of(1), NOW);
        answerOptions(attempt, 1, Set.of(0), NOW);
        assertThat(attempt.submit(versions, true, NOW)).isTrue();
        assertThat(attempt.score()).hasValue((1.0 + 0.5 + 0.0) / 3);
        assertThat(attempt.item(2).score()).isZero();
    }

    @Test
    void aSecondSubmitChangesNothing() {
        Attempt attempt = start(true, Optional.empty());
        answerOptions(attempt, 0, Set.of(1), NOW);
        attempt.submit(versions, true, NOW);
        assertThat(attempt.submit(versions, false, NOW.plusSeconds(5))).isFalse();
        assertThat(attempt.score()).hasValue(1.0 / 3);
        assertThat(attempt.submittedAt()).hasValue(NOW);
    }

    @Test
    void aSubmittedAttemptTakesNoMoreAnswers() {
        Attempt attempt = start(true, Optional.empty());
        attempt.submit(versions, true, NOW);
        assertThatThrownBy(() -> attempt.answer(0, Set.of(0), NOW)).isInstanceOf(Attempt.Closed.class);
    }

    @Test
    void afterTheTimeLimitTheAttemptTakesNoMoreAnswers() {
        Attempt attempt = start(true, Optional.of(Duration.ofMinutes(10)));
        answerOptions(attempt, 0, Set.of(1), NOW.plusSeconds(599));
        assertThatThrownBy(() -> attempt.answer(1, Set.of(0), NOW.plusSeconds(600)))
                .isInstanceOf(Attempt.Closed.class).hasMessageContaining("time");
        assertThat(attempt.overdue(NOW.plusSeconds(600))).isTrue();
    }

    @Test
    void aLateSubmissionIsDatedAtTheDeadline() {
        Attempt attempt = start(true, Optional.of(Duration.ofMinutes(10)));
        attempt.submit(versions, true, NOW.plusSeconds(3600));
        assertThat(attempt.submittedAt()).hasValue(NOW.plusSeconds(600));
    }

    @Test
    void positionsOutsideTheQuestionAreIgnored() {
        Attempt attempt = start(false, Optional.empty());
        attempt.answer(0, Set.of(1, 9, -1), NOW);
        assertThat(attempt.item(0).chosen()).containsExactly(1);
    }
    @Test
    void aCloseDateBeforeTheEndOfTheTimeLimitIsTheDeadline() {
        Attempt attempt = start(Optional.of(Duration.ofMinutes(60)), Optional.of(NOW.plus(Duration.ofMinutes(10))));
        assertThat(attempt.deadline()).hasValue(NOW.plus(Duration.ofMinutes(10)));
    }

    @Test
    void aCloseDateSetWhileTheAttemptIsInProgressBecomesItsDeadline() {
        Attempt attempt = start(Optional.empty(), Optional.empty());
        attempt.keepTo(Optional.empty(), Optional.of(NOW.plus(Duration.ofMinutes(5))), NOW);
        assertThat(attempt.overdue(NOW.plus(Duration.ofMinutes(5)))).isTrue();
    }

    @Test
    void aLaterCloseDateGivesBackTheTimeLimitCountedFromTheStart() {
        Attempt attempt = start(Optional.of(Duration.ofMinutes(30)), Optional.of(NOW.plus(Duration.ofMinutes(10))));
        attempt.keepTo(Optional.of(Duration.ofMinutes(30)), Optional.of(NOW.plus(Duration.ofHours(2))), NOW);
        assertThat(attempt.deadline()).hasValue(NOW.plus(Duration.ofMinutes(30)));
    }

    @Test
    void aCloseDateAlreadyPastEndsTheAttemptWhenTheTrainerSetsItNotBefore() {
        Attempt attempt = start(Optional.empty(), Optional.empty());
        Instant changed = NOW.plus(Duration.ofMinutes(20));
        attempt.keepTo(Optional.empty(), Optional.of(NOW.minus(Duration.ofHours(1))), changed);
        assertThat(attempt.deadline()).hasValue(changed);
    }

    @Test
    void aSubmittedAttemptKeepsItsDeadlineWhenTheSettingsChange() {
        Attempt attempt = start(Optional.of(Duration.ofMinutes(30)), Optional.empty());
        attempt.submit(versions, true, NOW.plus(Duration.ofMinutes(1)));
        attempt.keepTo(Optional.empty(), Optional.of(NOW), NOW.plus(Duration.ofMinutes(2)));
        assertThat(attempt.deadline()).hasValue(NOW.plus(Duration.ofMinutes(30)));
    }
}
