package com.essentialslti.grading;

import com.essentialslti.course.Membership;
import com.essentialslti.infra.Database;
import com.essentialslti.lti.services.Score;
import com.essentialslti.testing.MutableClock;
import com.essentialslti.testing.PlatformSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The relay against the simulated Moodle gradebook over real HTTP, with the outbox in a real database. */
class ScoreRelayTest {

    final MutableClock clock = new MutableClock(Instant.now());
    Database db;
    RelayFixture fixture;
    PlatformSimulator platform;
    ScoreRelay relay;
    Membership learner;
    URI lineItem;

    @BeforeEach
    void setUp() throws Exception {
        db = Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        fixture = new RelayFixture(db, clock);
        platform = fixture.platform;
        lineItem = fixture.column("link-1");
        learner = fixture.learner("learner-1", "link-1");
        relay = fixture.relay();
    }

    @AfterEach
    void tearDown() {
        fixture.close();
        db.close();
    }

    OutboxScore queue(double given) {
        return fixture.queue(learner, lineItem, given);
    }

    /** An activity's grade for the member, as the activity queues it in its own transaction. */
    boolean queueGrade(Membership member, Grade grade) {
        Boolean queued = db.transaction(em -> Gradebook.queue(em, member.resourceLink(), member.user(), grade,
                clock.instant()));
        return queued;
    }

    OutboxScore reload(OutboxScore score) {
        return fixture.reload(score);
    }

    @Test
    void aDeliveredScoreIsMarkedDelivered() {
        OutboxScore score = queue(80);
        relay.deliverDue();
        assertThat(reload(score).state()).isEqualTo(OutboxScore.State.DELIVERED);
        assertThat(platform.gradebook().grade(lineItem, "learner-1")).hasValueSatisfying(g ->
                assertThat(g.value()).isEqualTo(80.0));
    }

    @Test
    void aGradePendingTheTrainersMarkingReachesTheGradebookWithItsComment() {
        Membership graded = fixture.learnerWithGrades("learner-1", "link-1", lineItem);
        assertThat(queueGrade(graded, new Grade("Journal", 0, 10, Score.ActivityProgress.SUBMITTED,
                Score.GradingProgress.PENDING_MANUAL, Optional.of("Your trainer reads it this week")))).isTrue();

        relay.deliverDue();

        assertThat(platform.gradebook().grade(lineItem, "learner-1")).hasValueSatisfying(g -> {
            assertThat(g.gradingProgress()).isEqualTo("PendingManual");
            assertThat(g.activityProgress()).isEqualTo("Submitted");
            assertThat(g.comment()).isEqualTo("Your trainer reads it this week");
            assertThat(g.value()).as("Moodle empties the cell until it is fully graded").isNull();
        });
    }

    @Test
    void aGradeAlreadyQueuedUnchangedIsNotQueuedAgainAndAChangedCommentIs() {
        Membership graded = fixture.learnerWithGrades("learner-1", "link-1", lineItem);
        Grade marked = new Grade("Journal", 8, 10, Score.ActivityProgress.COMPLETED,
                Score.GradingProgress.FULLY_GRADED, Optional.of("Good reflection"));
        assertThat(queueGrade(graded, marked)).isTrue();
        relay.deliverDue();
        clock.advance(Duration.ofSeconds(5));

        assertThat(queueGrade(graded, marked)).as("unchanged").isFalse();
        Grade reworded = new Grade("Journal", 8, 10, Score.ActivityProgress.COMPLETED,
                Score.GradingProgress.FULLY_GRADED, Optional.of("Good reflection; see the 20 part"));
        assertThat(queueGrade(graded, reworded)).isTrue();
        relay.deliverDue();

        assertThat(platform.gradebook().scorePosts()).hasSize(2);
        assertThat(platform.gradebook().grade(lineItem, "learner-1")).hasValueSatisfying(g -> {
            assertThat(g.value()).isEqualTo(8.0 / 10 * 100);
            assertThat(g.comment()).isEqualTo("Good reflection; see the 20 part");
        });
    }

    @Test
    void aLinkWithoutAGradeServiceGetsNoScore() {
        assertThat(queueGrade(learner, Grade.completed("Journal", 5, 10))).isFalse();
        Optional<OutboxScore> latest = db.read(em -> GradeOutbox.latestOf(em, learner.resourceLink().id(),
                learner.user().id()));
        assertThat(latest).isEmpty();
    }

    @Test
    void aColumnTheToolCreatesIsNamedAfterTheLinksActivityAndTheQuizKeepsItsOldNames() {
        assertThat(ScoreRelay.columnFor(Optional.of(com.essentialslti.course.Activity.SELF_ASSESSMENT), "l1", "Self",
                100)).extracting(c -> c.resourceId() + " " + c.tag())
                .isEqualTo("essentials-self-assessment essentials-self-assessment");
        assertThat(ScoreRelay.columnFor(Optional.of(com.essentialslti.course.Activity.READINESS_QUIZ), "l1", "Quiz",
                100)).extracting(c -> c.resourceId() + " " + c.tag())
                .isEqualTo("essentials-readiness-quiz essentials-readiness");
        assertThat(ScoreRelay.columnFor(Optional.empty(), "l1", "Quiz", 100).resourceId())
                .isEqualTo("essentials-readiness-quiz");
    }

    @Test
    void scoresOfALinkWithoutALaunchLineItemSentSideBySideShareTheOneColumnCreatedForIt() {
        List<Membership> learners = java.util.stream.IntStream.range(0, 8)
                .mapToObj(i -> fixture.learner("learner-" + i, "link-without-column")).toList();
        learners.forEach(l -> fixture.queueWithoutLineItem(l, 70));
        platform.gradebook().delay(Duration.ofMillis(100)); // every sender would be looking before any created

        relay.deliverDue();

        assertThat(platform.gradebook().lineItems()).filteredOn(c -> "link-without-column".equals(c.resourceLinkId()))
                .singleElement().satisfies(column -> learners.forEach(l ->
                        assertThat(platform.gradebook().grade(column.url(), l.user().subject())).isPresent()));
        assertThat(platform.gradebook().containerReads()).as("one lookup, the others take what it found")
                .isEqualTo(1);
    }

    @Test
    void aScoreWhoseColumnIsGoneIsSentAgainWhereTheLinksLatestLaunchSendsGrades() {
        URI gone = URI.create(lineItem.toString().replace("/lineitems/1/", "/lineitems/999/"));
        OutboxScore score = fixture.queue(learner, gone, 75);
        relay.deliverDue();
        assertThat(reload(score).state()).isEqualTo(OutboxScore.State.PARKED);
        fixture.learnerWithGrades("learner-1", "link-1", lineItem); // the learner launches again

        boolean requeued = db.transaction(em -> GradeOutbox.sendAgain(em, score.id(), learner.resourceLink().id(),
                clock.instant()));
        assertThat(requeued).isTrue();
        relay.deliverDue();

        assertThat(reload(score).state()).isEqualTo(OutboxScore.State.DELIVERED);
        assertThat(platform.gradebook().grade(lineItem, "learner-1")).hasValueSatisfying(g ->
                assertThat(g.value()).isEqualTo(75.0));
    }

    @Test
    void aScoreForALineItemOnAHostTheRegistrationDoesNotAllowIsParkedWithTheReasonAndNeverSent() {
        OutboxScore score = fixture.queue(learner, URI.create("https://collector.example/lineitems/1/lineitem"), 75);

        relay.deliverDue();

        OutboxScore parked = reload(score);
        assertThat(parked.state()).isEqualTo(OutboxScore.State.PARKED);
        assertThat(parked.lastAnswer()).hasValueSatisfying(answer -> assertThat(answer)
                .contains("https://collector.example/lineitems/1/lineitem/scores").contains("was refused"));
        assertThat(platform.tokens().tokenRequests()).as("no token was even asked for").isZero();
    }

    @Test
    void onlyTheNewestScoreOfALearnerIsSent() {
        queue(40);
        queue(90);
        relay.deliverDue();
        assertThat(platform.gradebook().scorePosts()).singleElement()
                .satisfies(p -> assertThat(p.body()).contains("90"));
    }

    @Test
    void aScoreSentBeforeACrashAndSentAgainGets409AndCountsAsDelivered() {
        OutboxScore score = queue(70);
        relay.deliverDue();
        db.transact(em -> em.createQuery("UPDATE OutboxScore o SET o.state = :w WHERE o.id = :id")
                .setParameter("w", OutboxScore.State.WAITING).setParameter("id", score.id()).executeUpdate());

        // as after a crash between the delivery and its record: the dead sender's claim holds until its lease ends
        assertThat(relay.deliverDue()).isZero();
        clock.advance(ScoreRelay.leaseFor(RelayFixture.REQUEST_TIMEOUT));
        relay.deliverDue();

        assertThat(platform.gradebook().scorePosts()).extracting(p -> p.status()).containsExactly(200, 409);
        assertThat(reload(score).state()).isEqualTo(OutboxScore.State.DELIVERED);
    }

    @Test
    void aScoreOutdatedByAGradeSetInTheLmsIsParkedWithThatGrade() {
        platform.gradebook().teacherGrades(lineItem, "learner-1", 40, clock.instant().plusSeconds(60));
        OutboxScore score = fixture.queueReadingResults(learner, lineItem, 60);

        relay.deliverDue();

        OutboxScore parked = reload(score);
        assertThat(parked.state()).isEqualTo(OutboxScore.State.PARKED);
        assertThat(parked.lastStatus()).hasValue(409);
        assertThat(parked.lastAnswer()).hasValueSatisfying(answer -> assertThat(answer).contains("40.0 of 100.0"));
        assertThat(platform.gradebook().grade(lineItem, "learner-1")).hasValueSatisfying(g ->
                assertThat(g.value()).as("the teacher's grade stays").isEqualTo(40.0));
    }

    @Test
    void aScoreTheLmsAlreadyHoldsCountsAsDeliveredOn409() {
        platform.gradebook().teacherGrades(lineItem, "learner-1", 60, clock.instant().plusSeconds(60));
        OutboxScore score = fixture.queueReadingResults(learner, lineItem, 60);

        relay.deliverDue();

        assertThat(reload(score).state()).isEqualTo(OutboxScore.State.DELIVERED);
    }

    @Test
    void aServerErrorIsRetriedLaterWithBackoffAndThenDelivered() {
        OutboxScore score = queue(60);
        platform.gradebook().failNextScorePosts(1);
        relay.deliverDue();
        OutboxScore waiting = reload(score);
        assertThat(waiting.state()).isEqualTo(OutboxScore.State.WAITING);
        assertThat(Duration.between(clock.instant(), waiting.nextTryAt())).isBetween(Duration.ofSeconds(1),
                Duration.ofSeconds(2));
        assertThat(relay.deliverDue()).as("not due yet").isZero();

        clock.advance(Duration.ofSeconds(2));
        relay.deliverDue();
        assertThat(reload(score).state()).isEqualTo(OutboxScore.State.DELIVERED);
    }

    @Test
    void aPlatformThatLimitsItsRateIsTriedAgainWhenItsRetryAfterSays() {
        OutboxScore score = queue(60);
        platform.gradebook().throttleNextScorePosts(1, Duration.ofSeconds(120));

        relay.deliverDue();

        OutboxScore waiting = reload(score);
        assertThat(waiting.state()).isEqualTo(OutboxScore.State.WAITING);
        assertThat(waiting.lastStatus()).hasValue(429);
        assertThat(Duration.between(clock.instant(), waiting.nextTryAt())).as("not the 1 to 2 s backoff")
                .isBetween(Duration.ofSeconds(119), Duration.ofSeconds(120));
    }

    @Test
    void aRefusedTokenRequestKeepsTheScoreWaitingAndItArrivesOnceThePlatformTakesTheTool() {
        OutboxScore score = queue(65);
        platform.tokens().failNext(1, 401); // as when the platform cannot fetch the tool's key set yet
        relay.deliverDue();
        OutboxScore waiting = reload(score);
        assertThat(waiting.state()).isEqualTo(OutboxScore.State.WAITING);
        assertThat(waiting.lastStatus()).hasValue(401);

        clock.advance(Duration.ofSeconds(2));
        relay.deliverDue();
        assertThat(reload(score).state()).isEqualTo(OutboxScore.State.DELIVERED);
        assertThat(platform.gradebook().grade(lineItem, "learner-1")).isPresent();
    }

    @Test
    void aScoreKeptWaitingAfterTheLmsRefusedTheToolIsLoggedAsRetried() {
        List<String> logged = com.essentialslti.testing.LogCapture.of(ScoreRelay.class, () -> {
            queue(65);
            platform.tokens().failNext(1, 401);

            relay.deliverDue();
        });

        assertThat(logged).filteredOn(m -> m.startsWith("event=grades.delivery ")).singleElement()
                .satisfies(m -> assertThat(m).contains("status=401").contains("retryable=true"));
    }

    @Test
    void theWaitingScoresOfARetiredRegistrationAreParkedAtStartWithTheReasonAndNotSent() throws Exception {
        OutboxScore score = queue(80);
        fixture.removeRegistrationFile();
        ScoreRelay afterRestart = fixture.relay();

        afterRestart.parkScoresOfRetiredRegistrations();

        OutboxScore parked = reload(score);
        assertThat(parked.state()).isEqualTo(OutboxScore.State.PARKED);
        assertThat(parked.parkedByTheTool()).as("the reason is the tool's, not an answer of the LMS").isTrue();
        assertThat(parked.lastAnswer()).hasValueSatisfying(reason ->
                assertThat(reason).contains("no longer registered with Simulator"));
        assertThat(parked.tries()).as("never sent").isZero();
        afterRestart.deliverDue();
        assertThat(platform.gradebook().grade(lineItem, "learner-1")).isEmpty();
    }

    @Test
    void aScoreQueuedAfterItsRegistrationWasRetiredIsParkedInsteadOfSent() throws Exception {
        fixture.removeRegistrationFile();
        ScoreRelay afterRestart = fixture.relay();
        OutboxScore score = queue(80); // from a quiz page a learner opened before the restart

        afterRestart.deliverDue();

        assertThat(reload(score).state()).isEqualTo(OutboxScore.State.PARKED);
        assertThat(reload(score).parkedByTheTool()).isTrue();
        assertThat(platform.gradebook().grade(lineItem, "learner-1")).isEmpty();
    }

    @Test
    void backoffGrowsExponentiallyUpToItsCap() {
        assertThat(relay.backoff(0)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(relay.backoff(3)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(16));
        assertThat(relay.backoff(40)).isBetween(Duration.ofMinutes(30), Duration.ofHours(1));
    }

    /** A score the gradebook refused for good: its learner cannot be graded there. */
    OutboxScore parked() {
        platform.gradebook().ungradeable("learner-1");
        OutboxScore score = queue(50);
        relay.deliverDue();
        return score;
    }

    @Test
    void aRefusalIsParkedWithTheLmsAnswer() {
        OutboxScore parked = reload(parked());
        assertThat(parked.state()).isEqualTo(OutboxScore.State.PARKED);
        assertThat(parked.lastStatus()).hasValue(400);
        assertThat(parked.lastAnswer()).hasValueSatisfying(a -> assertThat(a).contains("Incorrect score"));
    }

    @Test
    void sendingAParkedScoreAgainUsesANewerTimestamp() {
        OutboxScore score = parked();
        boolean requeued = db.transaction(em -> GradeOutbox.sendAgain(em, score.id(), learner.resourceLink().id(),
                clock.instant()));
        assertThat(requeued).isTrue();
        OutboxScore again = reload(score);
        assertThat(again.state()).isEqualTo(OutboxScore.State.WAITING);
        assertThat(again.timestamp()).isAfterOrEqualTo(score.timestamp().plusSeconds(1));
    }

    @Test
    void theOperatorSendsAParkedScoreAgainAndItArrivesOnceTheLmsTakesIt() {
        OutboxScore score = parked();
        platform.gradebook().gradeable("learner-1");

        Optional<OutboxScore> queued = operatorSendsAgain(score.id());

        assertThat(queued).hasValueSatisfying(q -> {
            assertThat(q.state()).isEqualTo(OutboxScore.State.WAITING);
            assertThat(q.timestamp()).isAfterOrEqualTo(score.timestamp().plusSeconds(1));
        });
        relay.deliverDue();
        assertThat(reload(score).state()).isEqualTo(OutboxScore.State.DELIVERED);
        assertThat(platform.gradebook().grade(lineItem, "learner-1")).hasValueSatisfying(g ->
                assertThat(g.value()).isEqualTo(50.0));
    }

    @Test
    void aTrainerSendsAgainOnlyTheParkedScoresOfTheirOwnLink() {
        OutboxScore score = parked();
        Membership otherLink = fixture.learner("learner-1", "link-2");

        boolean requeued = db.transaction(em -> GradeOutbox.sendAgain(em, score.id(), otherLink.resourceLink().id(),
                clock.instant()));

        assertThat(requeued).isFalse();
        assertThat(reload(score).state()).isEqualTo(OutboxScore.State.PARKED);
    }

    Optional<OutboxScore> operatorSendsAgain(String id) {
        return db.transaction(em -> GradeOutbox.sendAgain(em, id, clock.instant()));
    }

    @Test
    void onlyAParkedScoreIsSentAgain() {
        OutboxScore score = queue(50);
        assertThat(operatorSendsAgain(score.id())).as("waiting").isEmpty();
        assertThat(operatorSendsAgain("no-such-score")).isEmpty();
        relay.deliverDue();
        assertThat(operatorSendsAgain(score.id())).as("delivered").isEmpty();
        assertThat(platform.gradebook().scorePosts()).hasSize(1);
    }
}
