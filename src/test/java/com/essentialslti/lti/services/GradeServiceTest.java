package com.essentialslti.lti.services;

import com.essentialslti.testing.SimulatedGradebook.LineItem;
import com.essentialslti.testing.SimulatedGradebook.ScorePost;
import com.essentialslti.testing.SimulatedGradebook;
import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The Assignment and Grade Services 2.0 client against a Moodle-like gradebook over real HTTP. */
class GradeServiceTest {

    static final Instant DONE = Instant.parse("2025-03-01T10:15:30.250Z");

    ServicesFixture fixture;
    SimulatedGradebook gradebook;
    GradeService grades;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new ServicesFixture();
        gradebook = fixture.platform.gradebook();
        grades = new GradeService(fixture.http, fixture.tokens, Duration.ofSeconds(2));
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private Delivery post(URI lineItem, Score score) throws ServiceFailure {
        return grades.postScore(fixture.registration, lineItem, score);
    }

    @Nested
    class PostingScores {

        URI quiz;

        @BeforeEach
        void aColumnWithMaximumTen() {
            quiz = gradebook.addLineItem("Readiness quiz", 10, "link-1", null, null);
        }

        @Test
        void postsToTheScoresUrlOfTheLineItem() throws Exception {
            post(quiz, Score.graded("42", 8, 10, DONE));

            assertThat(gradebook.scorePosts()).extracting(ScorePost::url)
                    .containsExactly(URI.create(quiz.toString().replace("/lineitem?", "/lineitem/scores?")));
        }

        @Test
        void postsWithTheScoreMediaType() throws Exception {
            post(quiz, Score.graded("42", 8, 10, DONE));

            assertThat(gradebook.scorePosts().get(0).contentType()).isEqualTo("application/vnd.ims.lis.v1.score+json");
        }

        @Test
        void sendsEveryFieldOfTheScore() throws Exception {
            post(quiz, Score.graded("42", 8, 10, DONE));

            Map<String, Object> body = JSONObjectUtils.parse(gradebook.scorePosts().get(0).body());
            assertThat(body).containsEntry("userId", "42")
                    .containsEntry("scoreGiven", 8.0)
                    .containsEntry("scoreMaximum", 10.0)
                    .containsEntry("activityProgress", "Completed")
                    .containsEntry("gradingProgress", "FullyGraded");
        }

        @Test
        void writesTheTimestampWithMillisecondsInUtc() throws Exception {
            post(quiz, Score.graded("42", 8, 10, Instant.parse("2025-03-01T10:15:30Z")));

            assertThat(JSONObjectUtils.parse(gradebook.scorePosts().get(0).body()))
                    .containsEntry("timestamp", "2025-03-01T10:15:30.000Z");
        }

        @Test
        void aTakenScoreIsDelivered() throws Exception {
            Delivery delivery = post(quiz, Score.graded("42", 8, 10, DONE));

            assertThat(delivery.status()).isEqualTo(200);
            assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.DELIVERED);
            assertThat(gradebook.grade(quiz, "42")).hasValueSatisfying(g -> assertThat(g.value()).isEqualTo(8.0));
        }

        @Test
        void theGradebookRescalesToItsColumnMaximum() throws Exception {
            URI percent = gradebook.addLineItem("Percent", 100, "link-2", null, null);

            post(percent, Score.graded("42", 8, 10, DONE));

            assertThat(gradebook.grade(percent, "42")).hasValueSatisfying(g -> assertThat(g.value()).isEqualTo(80.0));
        }

        @Test
        void aSecondScoreInTheSameSecondIsAConflictPassedThrough() throws Exception {
            post(quiz, Score.graded("42", 8, 10, DONE));

            Delivery second = post(quiz, Score.graded("42", 9, 10, DONE.plusMillis(500)));

            assertThat(second.status()).isEqualTo(409);
            assertThat(second.outcome()).isEqualTo(Delivery.Outcome.CONFLICT);
            assertThat(gradebook.grade(quiz, "42")).hasValueSatisfying(g -> assertThat(g.value()).isEqualTo(8.0));
        }

        @Test
        void aLaterScoreReplacesTheGrade() throws Exception {
            post(quiz, Score.graded("42", 8, 10, DONE));

            assertThat(post(quiz, Score.graded("42", 9, 10, DONE.plusSeconds(1))).outcome())
                    .isEqualTo(Delivery.Outcome.DELIVERED);
            assertThat(gradebook.grade(quiz, "42")).hasValueSatisfying(g -> assertThat(g.value()).isEqualTo(9.0));
        }

        @Test
        void aScoreThatIsNotFullyGradedEmptiesTheMoodleGrade() throws Exception {
            post(quiz, Score.graded("42", 8, 10, DONE));

            post(quiz, new Score("42", null, null, DONE.plusSeconds(5), Score.ActivityProgress.SUBMITTED,
                    Score.GradingProgress.PENDING_MANUAL));

            assertThat(gradebook.grade(quiz, "42")).hasValueSatisfying(g -> assertThat(g.value()).isNull());
        }

        @Test
        void aUserWhoCannotBeGradedIsRefusedWithThePlatformsAnswer() throws Exception {
            gradebook.ungradeable("7");

            Delivery delivery = post(quiz, Score.graded("7", 8, 10, DONE));

            assertThat(delivery.status()).isEqualTo(400);
            assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.REFUSED);
            assertThat(delivery.answer()).contains("Incorrect score received");
        }

        @Test
        void aServerErrorIsWorthRetryingAndIsNotRetriedHere() throws Exception {
            gradebook.failNextScorePosts(1);

            Delivery delivery = post(quiz, Score.graded("42", 8, 10, DONE));

            assertThat(delivery.status()).isEqualTo(500);
            assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.RETRYABLE);
            assertThat(gradebook.scorePosts()).hasSize(1);
        }

        @Test
        void aPlatformThatIsDownIsWorthRetrying() throws Exception {
            gradebook.down(true);

            assertThat(post(quiz, Score.graded("42", 8, 10, DONE)).outcome()).isEqualTo(Delivery.Outcome.RETRYABLE);
        }

        @Test
        void aPlatformThatDoesNotAnswerInTimeThrowsUnavailable() {
            gradebook.delay(Duration.ofMillis(1500));
            GradeService impatient = new GradeService(fixture.http, fixture.tokens, Duration.ofMillis(300));

            ServiceUnavailable unavailable = catchThrowableOfType(ServiceUnavailable.class,
                    () -> impatient.postScore(fixture.registration, quiz, Score.graded("42", 8, 10, DONE)));

            assertThat(unavailable.status()).isZero();
            assertThat(unavailable.retryable()).isTrue();
        }

        @Test
        void reusesTheTokenForLaterScores() throws Exception {
            post(quiz, Score.graded("1", 8, 10, DONE));
            post(quiz, Score.graded("2", 8, 10, DONE));

            assertThat(fixture.platform.tokens().tokenRequests()).isEqualTo(1);
        }

        @Test
        void aRejectedTokenIsReplacedOnceAndTheScoreDelivered() throws Exception {
            post(quiz, Score.graded("1", 8, 10, DONE));
            fixture.platform.tokens().expireAllTokens();

            Delivery delivery = post(quiz, Score.graded("2", 8, 10, DONE));

            assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.DELIVERED);
            assertThat(gradebook.scorePosts()).extracting(ScorePost::status).containsExactly(200, 401, 200);
            assertThat(fixture.platform.tokens().tokenRequests()).isEqualTo(2);
        }

        @Test
        void aSecondRejectionIsTheAnswerAndNotALoop() throws Exception {
            fixture.platform.tokens().tokenLifetime(Duration.ZERO); // every token is dead on arrival

            Delivery delivery = post(quiz, Score.graded("42", 8, 10, DONE));

            assertThat(delivery.status()).isEqualTo(401);
            assertThat(delivery.outcome()).as("the platform refuses the tool, not the score")
                    .isEqualTo(Delivery.Outcome.TOOL_REFUSED);
            assertThat(gradebook.scorePosts()).hasSize(2);
            assertThat(fixture.platform.tokens().tokenRequests()).isEqualTo(2);
        }

        @Test
        void aScoreScopeThePlatformDoesNotGrantIsRefusedForGood() {
            fixture.platform.tokens().supportedScopes(Set.of(GradeService.SCOPE_LINE_ITEM));

            ServiceRefused refused = catchThrowableOfType(ServiceRefused.class,
                    () -> post(quiz, Score.graded("42", 8, 10, DONE)));

            assertThat(refused.answer()).contains("invalid_scope");
            assertThat(gradebook.scorePosts()).isEmpty();
        }
    }

    @Nested
    class FindingOrCreatingLineItems {

        static final LineItemSpec QUIZ = new LineItemSpec("link-2", "quiz-7", "readiness", "Readiness quiz", 10);

        private URI findOrCreate(LineItemSpec spec) throws ServiceFailure {
            return grades.findOrCreateLineItem(fixture.registration, gradebook.lineItemsUrl(), spec);
        }

        @Test
        void findsTheLineItemOfTheResourceLink() throws Exception {
            gradebook.addLineItem("Other", 10, "link-1", "quiz-7", "readiness");
            URI mine = gradebook.addLineItem("Readiness quiz", 10, "link-2", "quiz-7", "readiness");

            assertThat(findOrCreate(QUIZ)).isEqualTo(mine);
            assertThat(gradebook.lineItems()).hasSize(2);
        }

        @Test
        void doesNotTakeALineItemWithAnotherTag() throws Exception {
            gradebook.filtersIgnored(true);
            URI journal = gradebook.addLineItem("Journal", 10, "link-2", "quiz-7", "journal");

            assertThat(findOrCreate(QUIZ)).isNotEqualTo(journal);
            assertThat(gradebook.lineItems()).hasSize(2);
        }

        @Test
        void followsNextLinksWithTypographicQuotesThroughEveryPage() throws Exception {
            gradebook.filtersIgnored(true);
            gradebook.pageSize(2);
            gradebook.typographicQuotes(true);
            for (int i = 1; i <= 6; i++) {
                gradebook.addLineItem("Other " + i, 10, "link-other-" + i, null, null);
            }
            URI mine = gradebook.addLineItem("Readiness quiz", 10, "link-2", "quiz-7", "readiness");

            assertThat(findOrCreate(QUIZ)).isEqualTo(mine);
            assertThat(gradebook.containerReads()).isEqualTo(4);
            assertThat(gradebook.lineItems()).hasSize(7);
        }

        @Test
        void asksThePlatformToFilterByResourceLinkResourceAndTag() throws Exception {
            gradebook.pageSize(1);
            for (int i = 1; i <= 5; i++) {
                gradebook.addLineItem("Other " + i, 10, "link-other-" + i, null, null);
            }
            URI mine = gradebook.addLineItem("Readiness quiz", 10, "link-2", "quiz-7", "readiness");

            assertThat(findOrCreate(QUIZ)).isEqualTo(mine);
            assertThat(gradebook.containerReads()).as("the filtered list is one page").isEqualTo(1);
        }

        @Test
        void createsTheLineItemWhenNoneMatches() throws Exception {
            gradebook.addLineItem("Other", 10, "link-1", null, null);

            URI created = findOrCreate(QUIZ);

            LineItem item = gradebook.lineItem(created).orElseThrow();
            assertThat(item.label()).isEqualTo("Readiness quiz");
            assertThat(item.scoreMaximum()).isEqualTo(10.0);
            assertThat(item.resourceLinkId()).isEqualTo("link-2");
            assertThat(item.resourceId()).isEqualTo("quiz-7");
            assertThat(item.tag()).isEqualTo("readiness");
        }

        @Test
        void aCreatedLineItemTakesScores() throws Exception {
            URI created = findOrCreate(QUIZ);

            assertThat(post(created, Score.graded("42", 8, 10, DONE)).outcome()).isEqualTo(Delivery.Outcome.DELIVERED);
        }

        @Test
        void findsTheLineItemItCreatedTheNextTime() throws Exception {
            URI created = findOrCreate(QUIZ);

            assertThat(findOrCreate(QUIZ)).isEqualTo(created);
            assertThat(gradebook.lineItems()).hasSize(1);
        }

        @Test
        void keepsTheQueryOfTheContainerUrl() throws Exception {
            // Moodle's container URL carries ?type_id=1; without it the platform finds no tool type (404).
            assertThat(findOrCreate(QUIZ).getQuery()).isEqualTo("type_id=1");
        }

        @Test
        void aRejectedTokenIsReplacedOnce() throws Exception {
            findOrCreate(QUIZ);
            fixture.platform.tokens().expireAllTokens();

            assertThat(findOrCreate(QUIZ)).isNotNull();
            assertThat(fixture.platform.tokens().tokenRequests()).isEqualTo(2);
        }

        @Test
        void stopsPagingAfterFiftyPages() {
            gradebook.filtersIgnored(true);
            gradebook.pageSize(1);
            for (int i = 1; i <= 60; i++) {
                gradebook.addLineItem("Other " + i, 10, "link-other-" + i, null, null);
            }

            ServiceRefused refused = catchThrowableOfType(ServiceRefused.class, () -> findOrCreate(QUIZ));

            assertThat(refused.getMessage()).contains("50 pages");
            assertThat(gradebook.containerReads()).isEqualTo(50);
            assertThat(gradebook.lineItems()).as("nothing created on a guess").hasSize(60);
        }

        @Test
        void aPlatformThatIsDownIsWorthRetrying() {
            gradebook.down(true);

            ServiceUnavailable unavailable = catchThrowableOfType(ServiceUnavailable.class, () -> findOrCreate(QUIZ));

            assertThat(unavailable.status()).isEqualTo(503);
        }

        @Test
        void aLineItemWithoutScoresScopeIsRefusedForGood() {
            fixture.platform.tokens().supportedScopes(Set.of(GradeService.SCOPE_SCORE));

            assertThat(catchThrowableOfType(ServiceRefused.class, () -> findOrCreate(QUIZ)).answer())
                    .contains("invalid_scope");
        }
    }

    /** Issue 13 §1.5: the token goes only where the registration allows, never on along a link or a redirect. */
    @Nested
    class SendingTheTokenOnlyWhereTheRegistrationAllows {

        /** Another server on the platform's host (127.0.0.1), on a port of its own: same host, other origin. */
        com.sun.net.httpserver.HttpServer elsewhere;
        final java.util.List<String> elsewhereSaw = new java.util.concurrent.CopyOnWriteArrayList<>();

        @BeforeEach
        void anotherServer() throws Exception {
            elsewhere = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            elsewhere.createContext("/", exchange -> {
                elsewhereSaw.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                        + exchange.getRequestHeaders().getFirst("Authorization"));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            elsewhere.start();
        }

        @AfterEach
        void stop() {
            elsewhere.stop(0);
        }

        private String elsewhere(String path) {
            return "http://127.0.0.1:" + elsewhere.getAddress().getPort() + path;
        }

        /** A server on the platform's host that answers every request with {@code status} and these headers. */
        private URI answering(int status, Map<String, String> headers) throws Exception {
            com.sun.net.httpserver.HttpServer server =
                    com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                byte[] body = "[]".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            servers.add(server);
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/lineitems?type_id=1");
        }

        final java.util.List<com.sun.net.httpserver.HttpServer> servers = new java.util.ArrayList<>();

        @AfterEach
        void stopServers() {
            servers.forEach(server -> server.stop(0));
        }

        @Test
        void aLineItemOnAHostTheRegistrationDoesNotNameGetsNoTokenAndNoRequest() {
            URI foreign = URI.create("http://localhost:" + elsewhere.getAddress().getPort() + "/lineitem");

            ServiceRefused refused = catchThrowableOfType(ServiceRefused.class,
                    () -> post(foreign, Score.graded("42", 8, 10, DONE)));

            assertThat(refused.retryable()).isFalse();
            assertThat(refused.answer()).contains("was refused").contains("localhost");
            assertThat(elsewhereSaw).isEmpty();
            assertThat(fixture.platform.tokens().tokenRequests()).as("not even a token is asked for").isZero();
        }

        @Test
        void aLineItemsContainerOnAnotherHostIsRefusedBeforeAnyRequest() {
            ServiceRefused refused = catchThrowableOfType(ServiceRefused.class, () -> grades.findOrCreateLineItem(
                    fixture.registration, URI.create("https://attacker.example/lineitems"),
                    new LineItemSpec("link-1", null, null, "Quiz", 10)));

            assertThat(refused.answer()).contains("attacker.example");
            assertThat(fixture.platform.tokens().tokenRequests()).isZero();
        }

        @Test
        void aNextPageOnAnotherOriginIsNotFollowed() throws Exception {
            URI container = answering(200, Map.of("Link", "<" + elsewhere("/steal") + ">; rel=\"next\""));

            ServiceRefused refused = catchThrowableOfType(ServiceRefused.class, () -> grades.findOrCreateLineItem(
                    fixture.registration, container, new LineItemSpec("link-1", null, null, "Quiz", 10)));

            assertThat(refused.getMessage()).contains("leaves its origin");
            assertThat(elsewhereSaw).isEmpty();
        }

        @Test
        void aRedirectIsNotFollowedAndParksWithItsReason() throws Exception {
            URI lineItem = answering(302, Map.of("Location", elsewhere("/collect")));

            ServiceRefused refused = catchThrowableOfType(ServiceRefused.class,
                    () -> post(lineItem, Score.graded("42", 8, 10, DONE)));

            assertThat(refused.status()).isEqualTo(302);
            assertThat(refused.retryable()).isFalse();
            assertThat(refused.answer()).contains("redirect").contains(elsewhere("/collect"))
                    .contains("does not follow redirects");
            assertThat(elsewhereSaw).isEmpty();
        }
    }
}
