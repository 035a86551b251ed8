package com.essentialslti.bench;

import com.essentialslti.course.Enrolments;
import com.essentialslti.course.Membership;
import com.essentialslti.grading.GradeOutbox;
import com.essentialslti.grading.OutboxScore;
import com.essentialslti.grading.ScoreRelay;
import com.essentialslti.grading.ScoreToSend;
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
import com.essentialslti.testing.PlatformSimulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The score relay's throughput: queues scores for many learners in the tool's database (H2 file, as embedded),
 * then lets the relay deliver them over real HTTP to the simulated Moodle gradebook (token endpoint included),
 * and prints scores per second.
 *
 * <pre>mvn -q -DskipTests package && mvn -q exec:java@relay-benchmark -Dbench.scores=5000</pre>
 */
public final class RelayBenchmark {

    public static void main(String[] args) throws Exception {
        int scores = Integer.getInteger("bench.scores", 5000);
        int port = Integer.getInteger("bench.platformPort", 38381);
        Clock clock = Clock.systemUTC();
        try (BenchmarkDirectory data = BenchmarkDirectory.create("relay-benchmark");
             Database db = Database.open("jdbc:h2:file:" + data.resolve("essentials"),
                "essentials", "")) {
            KeyRing toolKeys = new KeyRing(db, "tool", clock, Duration.ofDays(7)).load();
            try (KeySetServer toolKeySet = new KeySetServer(toolKeys.publicKeySet().getKeys().get(0));
                 PlatformSimulator platform = new PlatformSimulator(port, "http://localhost:1", toolKeySet.url())) {
                Registrations registrations = new Registrations(db, clock);
                Registration registration = registrations.save(new RegistrationFile("bench", "Benchmark",
                        PlatformSimulator.ISSUER, PlatformSimulator.CLIENT_ID,
                        URI.create(platform.url("/auth")), platform.tokenUrl(), URI.create(platform.url("/jwks")),
                        Set.of(PlatformSimulator.DEPLOYMENT_ID)));
                URI lineItem = platform.gradebook().addLineItem("Readiness quiz", 100, "bench-link", null, null);
                queue(db, clock, registration, lineItem, scores);

                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5)).build();
                ExecutorService senders = Executors.newFixedThreadPool(8);
                ScoreRelay relay = new ScoreRelay(db, registrations,
                        new GradeService(http, new AccessTokens(http, clock, toolKeys::signingKey),
                                Duration.ofSeconds(10)), clock, senders, Duration.ofSeconds(2), Duration.ofHours(1));
                long started = System.nanoTime();
                int tried;
                do {
                    tried = relay.deliverDue();
                } while (tried > 0);
                double seconds = (System.nanoTime() - started) / 1e9;
                long delivered = db.read(em -> em.createQuery("SELECT COUNT(o) FROM OutboxScore o WHERE o.state = :s",
                        Long.class).setParameter("s", OutboxScore.State.DELIVERED).getSingleResult());
                senders.shutdown();
                System.out.printf("delivered %d of %d scores in %.2f s: %.0f scores/s (token requests: %d)%n",
                        delivered, scores, seconds, delivered / seconds, platform.tokens().tokenRequests());
            }
        }
    }

    /** One graded launch per learner, then a score for each in the outbox, as submitted attempts leave them. */
    private static void queue(Database db, Clock clock, Registration registration, URI lineItem, int scores) {
        Enrolments enrolments = new Enrolments(db, clock);
        List<Membership> learners = new ArrayList<>();
        for (int i = 0; i < scores; i++) {
            LaunchClaims claims = new LaunchClaims(LtiClaim.RESOURCE_LINK_REQUEST, PlatformSimulator.DEPLOYMENT_ID,
                    "http://localhost/lti/launch", Optional.of("learner-" + i),
                    Optional.of(new LaunchClaims.ResourceLink("bench-link", Optional.of("Quiz"), Optional.empty())),
                    Optional.of(new LaunchClaims.Context("bench-course", Optional.empty(), Optional.empty())),
                    List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), java.util.Map.of());
            learners.add(enrolments.record(new ValidatedLaunch(registration, claims, List.of())));
        }
        db.transact(em -> learners.forEach(m -> GradeOutbox.enqueue(em, new ScoreToSend(registration.id(),
                m.resourceLink().id(), m.user().id(), m.user().subject(), Optional.of(lineItem.toString()),
                Optional.empty(), List.of(LaunchClaims.GradeServiceClaim.SCOPE_SCORE), "Quiz", 80, 100),
                clock.instant())));
    }
}
