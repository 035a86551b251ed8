package com.essentialslti.lti.services;

import com.essentialslti.lti.registration.Registration;
import com.essentialslti.lti.registration.TestRegistrations;
import com.essentialslti.testing.Keys;
import com.essentialslti.testing.PlatformSimulator;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Access tokens from a Moodle-like token endpoint over real HTTP (1EdTech Security Framework 1.0 §4.1). */
class AccessTokensTest {

    static final String SCORE = GradeService.SCOPE_SCORE;
    static final String LINE_ITEM = GradeService.SCOPE_LINE_ITEM;

    ServicesFixture fixture;
    AccessTokens tokens;
    Registration registration;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new ServicesFixture();
        tokens = fixture.tokens;
        registration = fixture.registration;
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private int tokenRequests() {
        return fixture.platform.tokens().tokenRequests();
    }

    @Test
    void signsAnAssertionThePlatformVerifiesAgainstTheToolKeySet() throws Exception {
        assertThat(tokens.token(registration, Set.of(SCORE))).isNotBlank();

        assertThat(fixture.platform.tokens().refusals()).isEmpty();
        assertThat(fixture.platform.tokens().acceptedAssertions()).hasSize(1);
        assertThat(fixture.toolKeySet.fetches()).as("the platform read the tool's key set over HTTP").isEqualTo(1);
    }

    @Test
    void theAssertionIsIssuedBySubjectOfAndForTheClientAtTheTokenUrl() throws Exception {
        tokens.token(registration, Set.of(SCORE));

        JWTClaimsSet assertion = fixture.platform.tokens().acceptedAssertions().get(0);
        assertThat(assertion.getIssuer()).isEqualTo(PlatformSimulator.CLIENT_ID);
        assertThat(assertion.getSubject()).isEqualTo(PlatformSimulator.CLIENT_ID);
        assertThat(assertion.getAudience()).containsExactly(fixture.platform.tokenUrl().toString());
    }

    @Test
    void theAssertionIsForTheAuthorizationServerTheRegistrationNames() throws Exception {
        String brightspace = "https://api.brightspace.com/auth/token";
        fixture.platform.tokens().audience(brightspace);
        Registration named = TestRegistrations.unsaved(PlatformSimulator.ISSUER, PlatformSimulator.CLIENT_ID,
                fixture.platform.tokenUrl(), Optional.of(brightspace));

        tokens.token(named, Set.of(SCORE));

        assertThat(fixture.platform.tokens().acceptedAssertions().get(0).getAudience()).containsExactly(brightspace);
    }

    @Test
    void theAssertionLivesFiveMinutesFromTheToolsClock() throws Exception {
        tokens.token(registration, Set.of(SCORE));

        JWTClaimsSet assertion = fixture.platform.tokens().acceptedAssertions().get(0);
        assertThat(assertion.getIssueTime().toInstant().getEpochSecond()).isEqualTo(fixture.clock.instant().getEpochSecond());
        assertThat(Duration.between(assertion.getIssueTime().toInstant(), assertion.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void everyAssertionHasItsOwnJti() throws Exception {
        tokens.token(registration, Set.of(SCORE));
        tokens.token(registration, Set.of(LINE_ITEM));

        List<JWTClaimsSet> assertions = fixture.platform.tokens().acceptedAssertions();
        assertThat(assertions).hasSize(2);
        assertThat(assertions.get(0).getJWTID()).isNotBlank().isNotEqualTo(assertions.get(1).getJWTID());
    }

    @Test
    void asksForTheScopesSortedAndSpaceSeparated() throws Exception {
        tokens.token(registration, Set.of(SCORE, LINE_ITEM, GradeService.SCOPE_RESULT_READ_ONLY));

        assertThat(fixture.platform.tokens().requestedScopes()).containsExactly(
                LINE_ITEM + " " + GradeService.SCOPE_RESULT_READ_ONLY + " " + SCORE);
    }

    @Test
    void reusesTheTokenAcrossCallsForTheSameScopes() throws Exception {
        String first = tokens.token(registration, Set.of(SCORE, LINE_ITEM));
        String second = tokens.token(registration, Set.of(LINE_ITEM, SCORE));

        assertThat(second).isEqualTo(first);
        assertThat(tokenRequests()).isEqualTo(1);
    }

    @Test
    void keepsOneTokenPerScopeSet() throws Exception {
        String scoreToken = tokens.token(registration, Set.of(SCORE));
        String lineItemToken = tokens.token(registration, Set.of(LINE_ITEM));

        assertThat(lineItemToken).isNotEqualTo(scoreToken);
        assertThat(tokens.token(registration, Set.of(SCORE))).isEqualTo(scoreToken);
        assertThat(tokenRequests()).isEqualTo(2);
    }

    @Test
    void keepsOneTokenPerClientId() throws Exception {
        String first = tokens.token(registration, Set.of(SCORE));
        String second = tokens.token(fixture.registration(PlatformSimulator.SECOND_CLIENT_ID), Set.of(SCORE));

        assertThat(second).isNotEqualTo(first);
        assertThat(fixture.platform.tokens().acceptedAssertions()).extracting(JWTClaimsSet::getIssuer)
                .containsExactly(PlatformSimulator.CLIENT_ID, PlatformSimulator.SECOND_CLIENT_ID);
    }

    @Test
    void reusesAnHourLongTokenUntilAMinuteBeforeItExpires() throws Exception {
        String first = tokens.token(registration, Set.of(SCORE));

        fixture.clock.advance(Duration.ofSeconds(3539));
        assertThat(tokens.token(registration, Set.of(SCORE))).isEqualTo(first);

        fixture.clock.advance(Duration.ofSeconds(2));
        assertThat(tokens.token(registration, Set.of(SCORE))).isNotEqualTo(first);
        assertThat(tokenRequests()).isEqualTo(2);
    }

    @Test
    void reusesAShortLivedTokenForHalfItsLifeAtMost() throws Exception {
        fixture.platform.tokens().tokenLifetime(Duration.ofSeconds(60));
        String first = tokens.token(registration, Set.of(SCORE));

        fixture.clock.advance(Duration.ofSeconds(29));
        assertThat(tokens.token(registration, Set.of(SCORE))).isEqualTo(first);

        fixture.clock.advance(Duration.ofSeconds(2));
        assertThat(tokens.token(registration, Set.of(SCORE))).isNotEqualTo(first);
    }

    @Test
    void aLifetimeTooLongForTheClockCountsAsADay() {
        Instant fetched = Instant.parse("2026-11-26T10:00:00Z");
        assertThat(AccessTokens.reusableUntil(fetched, Long.MAX_VALUE))
                .isEqualTo(fetched.plus(Duration.ofDays(1)).minusSeconds(60));
    }

    @Test
    void fetchesAFreshTokenAfterInvalidation() throws Exception {
        String first = tokens.token(registration, Set.of(SCORE));

        tokens.invalidate(registration, Set.of(SCORE));

        assertThat(tokens.token(registration, Set.of(SCORE))).isNotEqualTo(first);
        assertThat(tokenRequests()).isEqualTo(2);
    }

    @Test
    void keepsAFresherTokenWhenAnOlderOneIsReportedRejected() throws Exception {
        String rejected = tokens.token(registration, Set.of(SCORE));
        tokens.invalidate(registration, Set.of(SCORE), rejected);
        String fresh = tokens.token(registration, Set.of(SCORE));

        tokens.invalidate(registration, Set.of(SCORE), rejected); // a second caller that met the same 401

        assertThat(tokens.token(registration, Set.of(SCORE))).isEqualTo(fresh);
        assertThat(tokenRequests()).isEqualTo(2);
    }

    @Test
    void concurrentCallersShareOneTokenRequest() throws Exception {
        fixture.platform.tokens().delay(Duration.ofMillis(300));
        ExecutorService callers = Executors.newFixedThreadPool(6);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Callable<String> call = () -> {
                start.await();
                return tokens.token(registration, Set.of(SCORE));
            };
            List<Future<String>> answers = List.of(callers.submit(call), callers.submit(call), callers.submit(call),
                    callers.submit(call), callers.submit(call), callers.submit(call));
            start.countDown();

            String first = answers.get(0).get();
            for (Future<String> answer : answers) {
                assertThat(answer.get()).isEqualTo(first);
            }
            assertThat(tokenRequests()).isEqualTo(1);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void concurrentCallersShareTheFailureOfTheRequestTheyWaitedFor() throws Exception {
        fixture.platform.tokens().delay(Duration.ofMillis(300));
        fixture.platform.tokens().failNext(1, 503);
        ExecutorService callers = Executors.newFixedThreadPool(3);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Callable<Throwable> call = () -> {
                start.await();
                try {
                    tokens.token(registration, Set.of(SCORE));
                    return null;
                } catch (ServiceFailure failure) {
                    return failure;
                }
            };
            List<Future<Throwable>> answers = List.of(callers.submit(call), callers.submit(call), callers.submit(call));
            start.countDown();

            for (Future<Throwable> answer : answers) {
                assertThat(answer.get()).isInstanceOf(ServiceUnavailable.class);
            }
            assertThat(tokenRequests()).isEqualTo(1);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aScopeThePlatformDoesNotGrantIsRefusedForGood() {
        ServiceRefused refused = catchThrowableOfType(ServiceRefused.class,
                () -> tokens.token(registration, Set.of("https://purl.imsglobal.org/spec/lti-ags/scope/unknown")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.answer()).contains("invalid_scope");
        assertThat(refused.retryable()).isFalse();
        assertThat(refused.toolRefused()).as("the registration, not one request, needs mending").isTrue();
    }

    @Test
    void scopesThePlatformDoesNotGrantAreDroppedWhenOthersAre() throws Exception {
        fixture.platform.tokens().supportedScopes(Set.of(SCORE));

        assertThat(tokens.token(registration, Set.of(SCORE, LINE_ITEM))).isNotBlank();
    }

    @Test
    void aKeyMissingFromTheToolKeySetRefusesTheToolWithoutTheAssertionInTheError() {
        fixture.signingKey.set(Keys.rsa("not-published"));

        ServiceRefused refused = catchThrowableOfType(ServiceRefused.class,
                () -> tokens.token(registration, Set.of(SCORE)));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.answer()).contains("invalid_client");
        assertThat(refused.toolRefused()).isTrue();
        assertThat(refused.getMessage()).doesNotContain("eyJ"); // no JWT (header starts {"... = eyJ)
    }

    @Test
    void aServerErrorAtTheTokenEndpointIsWorthRetrying() {
        fixture.platform.tokens().failNext(1, 503);

        ServiceUnavailable unavailable = catchThrowableOfType(ServiceUnavailable.class,
                () -> tokens.token(registration, Set.of(SCORE)));

        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.retryable()).isTrue();
    }

    @Test
    void tooManyRequestsAtTheTokenEndpointIsWorthRetrying() {
        fixture.platform.tokens().failNext(1, 429);

        assertThat(catchThrowableOfType(ServiceUnavailable.class, () -> tokens.token(registration, Set.of(SCORE)))
                .status()).isEqualTo(429);
    }

    @Test
    void anUnreachableTokenEndpointIsWorthRetrying() {
        Registration nowhere = TestRegistrations.unsaved(PlatformSimulator.ISSUER, PlatformSimulator.CLIENT_ID,
                URI.create("http://127.0.0.1:9/token"));

        ServiceUnavailable unavailable = catchThrowableOfType(ServiceUnavailable.class,
                () -> tokens.token(nowhere, Set.of(SCORE)));

        assertThat(unavailable.status()).isZero();
    }

    @Test
    void aFailedRequestIsNotCached() throws Exception {
        fixture.platform.tokens().failNext(1, 500);
        catchThrowableOfType(ServiceUnavailable.class, () -> tokens.token(registration, Set.of(SCORE)));

        assertThat(tokens.token(registration, Set.of(SCORE))).isNotBlank();
    }
}
