package com.essentialslti.grading;

import com.essentialslti.lti.claims.LaunchClaims;
import com.essentialslti.lti.services.Score;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The outbox entry's states: which answers of the platform move it where, and which moves it refuses. */
class OutboxScoreTest {

    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    static OutboxScore waiting() {
        return new OutboxScore(new ScoreToSend("registration-1", "link-1", "user-1", "learner-1",
                Optional.of("https://lms.example.org/lineitems/1/lineitem"), Optional.empty(),
                List.of(LaunchClaims.GradeServiceClaim.SCOPE_SCORE), "Readiness quiz", 70, 100), NOW, NOW);
    }

    @Test
    void anAcceptedScoreIsDelivered() {
        OutboxScore score = waiting();
        score.delivered(200, NOW);
        assertThat(score.state()).isEqualTo(OutboxScore.State.DELIVERED);
        assertThat(score.deliveredAt()).hasValue(NOW);
        assertThat(score.tries()).isEqualTo(1);
    }

    @Test
    void aRefusedScoreIsParkedWithTheAnswer() {
        OutboxScore score = waiting();
        score.parked(403, "Forbidden");
        assertThat(score.state()).isEqualTo(OutboxScore.State.PARKED);
        assertThat(score.lastStatus()).hasValue(403);
        assertThat(score.lastAnswer()).hasValue("Forbidden");
    }

    @Test
    void theTrainerReadsAnLmsErrorPageAsItsWordsWithoutMarkup() {
        OutboxScore score = waiting();
        score.parked(400, """
                <!DOCTYPE html><html><head><title>Error</title><style>body { color: red; }</style>
                <script>require(['core/first']);</script></head>
                <body><div class="errorbox"><p class="errormessage">Incorrect score received</p>
                <p>More information about this error</p></div></body></html>""");

        assertThat(score.lastAnswerText()).hasValue("Incorrect score received More information about this error");
        assertThat(score.lastAnswer()).as("the operator still has the answer as it came")
                .hasValueSatisfying(raw -> assertThat(raw).startsWith("<!DOCTYPE html>"));
    }

    @Test
    void aLongAnswerIsShortenedBetweenWordsNotInTheMiddleOfOne() {
        OutboxScore score = waiting();
        score.parked(400, "<p>" + "gradebook ".repeat(300) + "</p>");

        assertThat(score.lastAnswerText()).hasValueSatisfying(text -> {
            assertThat(text).hasSizeLessThanOrEqualTo(LmsAnswer.MAX_TEXT + 1).endsWith("gradebook…");
            assertThat(text).doesNotContain("<");
        });
    }

    @Test
    void anAnswerWithoutWordsShowsNothing() {
        OutboxScore score = waiting();
        score.parked(404, "<html><body></body></html>");

        assertThat(score.lastAnswerText()).isEmpty();
    }

    @Test
    void aScoreSupersededOnItsWayStaysSupersededWhenTheLmsAcceptsIt() {
        OutboxScore score = waiting();
        score.superseded();
        score.delivered(200, NOW);
        assertThat(score.state()).isEqualTo(OutboxScore.State.SUPERSEDED);
        assertThat(score.deliveredAt()).as("it did reach the LMS").hasValue(NOW);
    }

    @Test
    void aScoreSupersededOnItsWayIsNotParkedWhenTheLmsRefusesIt() {
        OutboxScore score = waiting();
        score.superseded();
        score.parked(400, "Incorrect score received");
        assertThat(score.state()).as("never offered for sending again over the newer score")
                .isEqualTo(OutboxScore.State.SUPERSEDED);
        assertThat(score.lastAnswer()).hasValue("Incorrect score received");
    }

    @Test
    void anAnswerForAScoreNoLongerOnItsWayIsRefused() {
        OutboxScore delivered = waiting();
        delivered.delivered(200, NOW);
        assertThatThrownBy(() -> delivered.parked(400, "late")).isInstanceOf(IllegalStateException.class);
        OutboxScore parked = waiting();
        parked.parked(404, "Not Found");
        assertThatThrownBy(() -> parked.delivered(200, NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> parked.retryLater(503, "", Duration.ofSeconds(2), NOW))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSendersClaimHoldsUntilAnOutcomeOrAnotherClaimReplacesIt() {
        OutboxScore claimed = waiting(); // next_try_at is NOW: as if claimed until NOW
        assertThat(claimed.claimedUntil(NOW)).isTrue();
        assertThat(claimed.claimedUntil(NOW.plusSeconds(60))).as("another sender's lease").isFalse();
        claimed.superseded();
        assertThat(claimed.claimedUntil(NOW)).as("superseded on its way: the answer is still recorded").isTrue();

        OutboxScore retried = waiting();
        retried.retryLater(503, "", Duration.ofSeconds(2), NOW);
        assertThat(retried.claimedUntil(NOW)).isFalse();
        OutboxScore delivered = waiting();
        delivered.delivered(200, NOW);
        assertThat(delivered.claimedUntil(NOW)).isFalse();
    }

    @Test
    void onlyAParkedScoreIsSentAgain() {
        OutboxScore score = waiting();
        assertThatThrownBy(() -> score.sendAgain(NOW.plusSeconds(1), NOW, Optional.empty())).isInstanceOf(IllegalStateException.class);
        score.parked(400, "Incorrect score received");
        score.sendAgain(NOW.plusSeconds(1), NOW.plusSeconds(5), Optional.empty());
        assertThat(score.state()).isEqualTo(OutboxScore.State.WAITING);
        assertThat(score.timestamp()).isEqualTo(NOW.plusSeconds(1));
        assertThat(score.nextTryAt()).isEqualTo(NOW.plusSeconds(5));
    }

    @Test
    void aScoreKeepsItsProgressAndCommentForThePlatform() {
        OutboxScore score = new OutboxScore(new ScoreToSend("registration-1", "link-1", "user-1", "learner-1",
                Optional.of("https://lms.example.org/lineitems/1/lineitem"), Optional.empty(),
                List.of(LaunchClaims.GradeServiceClaim.SCOPE_SCORE), "Journal", 0, 10,
                Score.ActivityProgress.SUBMITTED, Score.GradingProgress.PENDING_MANUAL,
                Optional.of("Read by your trainer soon")), NOW, NOW);

        assertThat(score.toScore()).isEqualTo(new Score("learner-1", 0.0, 10.0, NOW,
                Score.ActivityProgress.SUBMITTED, Score.GradingProgress.PENDING_MANUAL, "Read by your trainer soon"));
    }

    @Test
    void aQuizScoreIsCompletedAndFullyGradedWithoutAComment() {
        Score sent = waiting().toScore();
        assertThat(sent.activityProgress()).isEqualTo(Score.ActivityProgress.COMPLETED);
        assertThat(sent.gradingProgress()).isEqualTo(Score.GradingProgress.FULLY_GRADED);
        assertThat(sent.comment()).isNull();
    }

    @Test
    void aGradeIsUnchangedOnlyWhenScoreMaximumProgressAndCommentAreAllTheSame() {
        OutboxScore queued = waiting(); // 70 of 100, completed, fully graded, no comment
        assertThat(Grade.completed("Readiness quiz", 70, 100).sameAs(queued)).isTrue();
        assertThat(Grade.completed("Another label", 70, 100).sameAs(queued)).as("the label is the column's").isTrue();
        assertThat(Grade.completed("Readiness quiz", 71, 100).sameAs(queued)).isFalse();
        assertThat(Grade.completed("Readiness quiz", 70, 70).sameAs(queued)).isFalse();
        assertThat(new Grade("Readiness quiz", 70, 100, Score.ActivityProgress.COMPLETED,
                Score.GradingProgress.PENDING_MANUAL, Optional.empty()).sameAs(queued)).isFalse();
        assertThat(new Grade("Readiness quiz", 70, 100, Score.ActivityProgress.COMPLETED,
                Score.GradingProgress.FULLY_GRADED, Optional.of("Well done")).sameAs(queued)).isFalse();
    }

    @Test
    void theTrainerReadsWhereAGradeIs() {
        assertThat(GradeDelivery.describe(Optional.empty())).isEqualTo(new GradeDelivery(
                "Not sent (no grade service)", Optional.empty(), Optional.empty()));
        OutboxScore waiting = waiting();
        assertThat(GradeDelivery.describe(waiting).text()).isEqualTo("Waiting to be sent");
        OutboxScore refused = waiting();
        refused.parked(400, "<p>Incorrect score received</p>");
        assertThat(GradeDelivery.describe(refused)).isEqualTo(new GradeDelivery("Refused by the LMS (HTTP 400)",
                Optional.of("Incorrect score received"), Optional.of(refused.id())));
        OutboxScore unsent = waiting();
        unsent.parkedUnsent("The tool is no longer registered");
        assertThat(GradeDelivery.describe(unsent)).as("the tool's own reason is said once, not as the LMS's answer")
                .isEqualTo(new GradeDelivery("Not sent: The tool is no longer registered", Optional.empty(),
                        Optional.of(unsent.id())));
        OutboxScore delivered = waiting();
        delivered.delivered(200, NOW);
        assertThat(GradeDelivery.describe(delivered)).isEqualTo(new GradeDelivery(
                "Delivered 26 Nov 2026, 10:00 UTC", Optional.empty(), Optional.empty()));
    }
}
