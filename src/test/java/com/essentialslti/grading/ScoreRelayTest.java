package com.essentialslti.grading;

import com.essentialslti.course.Enrolments;
import com.essentialslti.course.Membership;
import com.essentialslti.infra.Database;
import com.essentialslti.lti.claims.LaunchClaims;
import com.essentialslti.lti.claims.LtiClaim;
import com.essentialslti.lti.keys.KeyRing;
import com.essentialslti.lti.launch.ValidatedLaunch;
import com.essentialslti.lti.registration.Registration;
import com.essentialslti.lti.registration.RegistrationFile;
import com.essentialslti.lti.registration.Registrations;
import com.essentialslti.lti.services.AccessTokens;
import com.essentialslti.lti.services.GradeService;
import com.essentialslti.testing.KeySetServer;
import com.essentialslti.testing.MutableClock;
import com.essentialslti.testing.PlatformSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** The relay against the simulated Moodle gradebook over real HTTP, with the outbox in a real database. */
class ScoreRelayTest {

    static final int PORT = 38581;

    final MutableClock clock = new MutableClock(Instant.now());
    Database db;
    KeySetServer toolKeySet;
    PlatformSimulator platform;
    ExecutorService senders;
    ScoreRelay relay;
    Registration registration;
    Membership learner;
    URI lineItem;

    @BeforeEach
    void setUp() throws Exception {
        db = Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        KeyRing keys = new KeyRing(db, "tool", clock, Duration.ofDays(7)).load();
        toolKeySet = new KeySetServer(keys.publicKeySet().getKeys().get(0));
        platform = new PlatformSimulator(PORT, "http://localhost:1", toolKeySet.url());
        platform.tokens().clock(clock);
        Registrations registrations = new Registrations(db, clock);
        registration = registrations.save(new RegistrationFile("test", "Simulator", PlatformSimulator.ISSUER,
                PlatformSimulator.CLIENT_ID, URI.create(platform.url("/auth")), platform.tokenUrl(),
                URI.create(platform.url("/jwks")), Set.of(PlatformSimulator.DEPLOYMENT_ID)));
        lineItem = platform.gradebook().addLineItem("Readiness quiz", 100, "link-1", null, null);
        learner = new Enrolments(db, clock).record(new ValidatedLaunch(registration, new LaunchClaims(
                LtiClaim.RESOURCE_LINK_REQUEST, PlatformSimulator.DEPLOYMENT_ID, "http://localhost/lti/launch",
                Optional.of("learner-1"), Optional.of(new LaunchClaims.ResourceLink("link-1", Optional.empty(),
                Optional.empty())), Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), java.util.Map.of()), List.of()));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        senders = Executors.newFixedThreadPool(4);
        relay = new ScoreRelay(db, registrations, new GradeService(http, new AccessTokens(http, clock,
                keys::signingKey), Duration.ofSeconds(5)), clock, senders, Duration.ofSeconds(2), Duration.ofHours(1));
    }

    @AfterEach
    void tearDown() {
        senders.shutdownNow();
        platform.close();
        toolKeySet.close();
        db.close();
    }

    OutboxScore queue(double given) {
        return db.transaction(em -> GradeOutbox.enqueue(em, new ScoreToSend(registration.id(),
                learner.resourceLink().id(), learner.user().id(), "learner-1", Optional.of(lineItem.toString()),
                Optional.empty(), List.of(LaunchClaims.GradeServiceClaim.SCOPE_SCORE), "Readiness quiz", given, 100),
                clock.instant()));
    }

    OutboxScore reload(OutboxScore score) {
        return db.read(em -> em.find(OutboxScore.class, score.id()));
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

        relay.deliverDue(); // as after a crash between the delivery and its record

        assertThat(platform.gradebook().scorePosts()).extracting(p -> p.status()).containsExactly(200, 409);
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
    void backoffGrowsExponentiallyUpToItsCap() {
        assertThat(relay.backoff(0)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(relay.backoff(3)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(16));
        assertThat(relay.backoff(40)).isBetween(Duration.ofMinutes(30), Duration.ofHours(1));
    }

    @Test
    void aRefusalIsParkedWithTheLmsAnswer() {
        platform.gradebook().ungradeable("learner-1");
        OutboxScore score = queue(50);
        relay.deliverDue();
        OutboxScore parked = reload(score);
        assertThat(parked.state()).isEqualTo(OutboxScore.State.PARKED);
        assertThat(parked.lastStatus()).hasValue(400);
        assertThat(parked.lastAnswer()).hasValueSatisfying(a -> assertThat(a).contains("Incorrect score"));
    }

    @Test
    void sendingAParkedScoreAgainUsesANewerTimestamp() {
        platform.gradebook().ungradeable("learner-1");
        OutboxScore score = queue(50);
        relay.deliverDue();
        boolean requeued = db.transaction(em -> GradeOutbox.sendAgain(em, score.id(), learner.resourceLink().id(),
                clock.instant()));
        assertThat(requeued).isTrue();
        OutboxScore again = reload(score);
        assertThat(again.state()).isEqualTo(OutboxScore.State.WAITING);
        assertThat(again.timestamp()).isAfterOrEqualTo(score.timestamp().plusSeconds(1));
    }
}
