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

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The score relay's world in a test: the tool's keys in a real database, a Moodle-like platform over real HTTP
 * (token endpoint and gradebook) registered with the tool, learners launched at its links, and relays over that
 * database, all on one clock.
 */
public final class RelayFixture implements AutoCloseable {

    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    public final PlatformSimulator platform;
    public final Registration registration;
    private final Database db;
    private final MutableClock clock;
    private final KeySetServer toolKeySet;
    private final List<ExecutorService> senders = new CopyOnWriteArrayList<>();

    public RelayFixture(Database db, MutableClock clock) throws IOException {
        this.db = db;
        this.clock = clock;
        KeyRing keys = new KeyRing(db, "tool", clock, Duration.ofDays(7)).load();
        toolKeySet = new KeySetServer(keys.publicKeySet().getKeys().get(0));
        platform = new PlatformSimulator(0, "http://localhost:1", toolKeySet.url());
        platform.tokens().clock(clock);
        registration = new Registrations(db, clock).save(new RegistrationFile("platforms/simulator.json", "Simulator",
                PlatformSimulator.ISSUER, PlatformSimulator.CLIENT_ID, URI.create(platform.url("/auth")),
                platform.tokenUrl(), URI.create(platform.url("/jwks")), Set.of(PlatformSimulator.DEPLOYMENT_ID)));
    }

    /** The operator removed the platform's registration file and the tool read its files again, as at a start. */
    public void removeRegistrationFile() throws IOException {
        java.nio.file.Path emptyConfig = java.nio.file.Files.createTempDirectory("lti-config");
        java.nio.file.Files.createDirectory(emptyConfig.resolve("platforms"));
        new Registrations(db, clock).loadFiles(emptyConfig);
    }

    /** A gradebook column for a link, as the platform's launch would name it. */
    public URI column(String linkId) {
        return platform.gradebook().addLineItem("Readiness quiz", 100, linkId, null, null);
    }

    /** A learner's launch at a link of course "course-1" ("Essentials"), recorded as the tool records it. */
    public Membership learner(String subject, String linkId) {
        return launch(subject, linkId, Optional.empty());
    }

    /** The same, with the platform's grade service claim naming {@code lineItem} for the link. */
    public Membership learnerWithGrades(String subject, String linkId, URI lineItem) {
        return launch(subject, linkId, Optional.of(new LaunchClaims.GradeServiceClaim(
                List.of(LaunchClaims.GradeServiceClaim.SCOPE_SCORE, LaunchClaims.GradeServiceClaim.SCOPE_LINEITEM),
                Optional.of(platform.gradebook().lineItemsUrl()), Optional.of(lineItem))));
    }

    private Membership launch(String subject, String linkId, Optional<LaunchClaims.GradeServiceClaim> grades) {
        return new Enrolments(db, clock).record(new ValidatedLaunch(registration, new LaunchClaims(
                LtiClaim.RESOURCE_LINK_REQUEST, PlatformSimulator.DEPLOYMENT_ID, "http://localhost/lti/launch",
                Optional.of(subject), Optional.of(new LaunchClaims.ResourceLink(linkId, Optional.of("Quiz " + linkId),
                Optional.empty())), Optional.of(new LaunchClaims.Context("course-1", Optional.of("ESS"),
                Optional.of("Essentials"))), List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                grades, Map.of()), List.of()));
    }

    /** Queues a learner's score for a line item, as a submitted attempt does. */
    public OutboxScore queue(Membership learner, URI lineItem, double given) {
        return db.transaction(em -> GradeOutbox.enqueue(em, scoreOf(learner, lineItem, given), clock.instant()));
    }

    /** A learner's score out of 100 for a line item, as a submitted attempt hands it to the outbox. */
    public ScoreToSend scoreOf(Membership learner, URI lineItem, double given) {
        return scoreOf(learner, lineItem, given, List.of(LaunchClaims.GradeServiceClaim.SCOPE_SCORE));
    }

    /** Queues it where the platform also lets the tool read results, as Moodle does. */
    public OutboxScore queueReadingResults(Membership learner, URI lineItem, double given) {
        ScoreToSend score = scoreOf(learner, lineItem, given, List.of(LaunchClaims.GradeServiceClaim.SCOPE_SCORE,
                GradeService.SCOPE_RESULT_READ_ONLY));
        return db.transaction(em -> GradeOutbox.enqueue(em, score, clock.instant()));
    }

    private ScoreToSend scoreOf(Membership learner, URI lineItem, double given, List<String> scopes) {
        return new ScoreToSend(registration.id(), learner.resourceLink().id(), learner.user().id(),
                learner.user().subject(), Optional.of(lineItem.toString()), Optional.empty(), scopes,
                "Readiness quiz", given, 100);
    }

    /** A learner's score out of 100 for a link whose launch named no line item: the relay finds or creates one. */
    public OutboxScore queueWithoutLineItem(Membership learner, double given) {
        ScoreToSend score = new ScoreToSend(registration.id(), learner.resourceLink().id(), learner.user().id(),
                learner.user().subject(), Optional.empty(), Optional.of(platform.gradebook().lineItemsUrl().toString()),
                List.of(LaunchClaims.GradeServiceClaim.SCOPE_SCORE, LaunchClaims.GradeServiceClaim.SCOPE_LINEITEM),
                "Readiness quiz", given, 100);
        return db.transaction(em -> GradeOutbox.enqueue(em, score, clock.instant()));
    }

    public OutboxScore reload(OutboxScore score) {
        return db.read(em -> em.find(OutboxScore.class, score.id()));
    }

    /** A relay over this fixture's database. */
    public ScoreRelay relay() {
        return relay(db);
    }

    /**
     * A relay as another tool process runs one over the same data: its own registrations, keys, token cache and
     * senders, over {@code database} (a second connection to the same database, or the same one).
     */
    public ScoreRelay relay(Database database) {
        Registrations registrations = new Registrations(database, clock);
        registrations.refresh();
        KeyRing keys = new KeyRing(database, "tool", clock, Duration.ofDays(7)).load();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        senders.add(pool);
        return new ScoreRelay(database, registrations, new GradeService(http, new AccessTokens(http, clock,
                keys::signingKey), REQUEST_TIMEOUT), clock, pool, Duration.ofSeconds(2), Duration.ofHours(1));
    }

    @Override
    public void close() {
        senders.forEach(ExecutorService::shutdownNow);
        platform.close();
        toolKeySet.close();
    }
}
