package com.essentialslti.testing;

import com.essentialslti.lti.claims.LtiClaim;
import com.essentialslti.lti.registration.TestRegistrations;
import com.essentialslti.lti.services.AccessTokens;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulated gradebook keeps Moodle's rules, so that tests against it mean something. */
class SimulatedGradebookTest {

    static final String SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
    static final String LINE_ITEM_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";
    static final String GOOD_SCORE = """
            {"userId":"42","scoreGiven":8,"scoreMaximum":10,"timestamp":"2025-03-01T10:15:30.250Z",
             "activityProgress":"Completed","gradingProgress":"FullyGraded"}""";

    RSAKey toolKey = Keys.rsa("tool-key");
    KeySetServer toolKeySet;
    PlatformSimulator platform;
    AccessTokens tokens;
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    URI item;

    @BeforeEach
    void setUp() throws Exception {
        toolKeySet = new KeySetServer(toolKey.toPublicJWK());
        platform = new PlatformSimulator(0, "http://127.0.0.1:9", toolKeySet.url());
        tokens = new AccessTokens(http, Clock.systemUTC(), () -> toolKey);
        item = platform.gradebook().addLineItem("Quiz", 100, "link-1", null, null);
    }

    @AfterEach
    void tearDown() {
        platform.close();
        toolKeySet.close();
    }

    private String token(String scope) throws Exception {
        return tokens.token(TestRegistrations.unsaved(PlatformSimulator.ISSUER, PlatformSimulator.CLIENT_ID,
                platform.tokenUrl()), Set.of(scope));
    }

    private HttpResponse<String> post(String url, String token, String type, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String scores() {
        return item.toString().replace("/lineitem?", "/lineitem/scores?");
    }

    @Test
    void takesAGoodScore() throws Exception {
        assertThat(post(scores(), token(SCORE_SCOPE), SimulatedGradebook.SCORE_TYPE, GOOD_SCORE).statusCode())
                .isEqualTo(200);
        assertThat(platform.gradebook().grade(item, "42")).hasValueSatisfying(g -> assertThat(g.value()).isEqualTo(80.0));
    }

    @Test
    void aScoreWithoutATokenIsUnauthorized() throws Exception {
        assertThat(post(scores(), null, SimulatedGradebook.SCORE_TYPE, GOOD_SCORE).statusCode()).isEqualTo(401);
    }

    @Test
    void aScoreWithATokenForAnotherScopeIsUnauthorized() throws Exception {
        assertThat(post(scores(), token(LINE_ITEM_SCOPE), SimulatedGradebook.SCORE_TYPE, GOOD_SCORE).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aScoreAsPlainJsonIsAnUnsupportedMediaType() throws Exception {
        assertThat(post(scores(), token(SCORE_SCOPE), "application/json", GOOD_SCORE).statusCode()).isEqualTo(415);
    }

    @Test
    void aScoreWithoutTimestampIsIncorrect() throws Exception {
        HttpResponse<String> response = post(scores(), token(SCORE_SCOPE), SimulatedGradebook.SCORE_TYPE,
                GOOD_SCORE.replace("\"timestamp\":\"2025-03-01T10:15:30.250Z\",", ""));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("Incorrect score received");
    }

    @Test
    void scoresAppendedAfterTheQueryStringFindNoToolType() throws Exception {
        assertThat(post(item + "/scores", token(SCORE_SCOPE), SimulatedGradebook.SCORE_TYPE, GOOD_SCORE).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aLineItemWithoutLabelIsRefused() throws Exception {
        assertThat(post(platform.gradebook().lineItemsUrl().toString(), token(LINE_ITEM_SCOPE),
                SimulatedGradebook.LINE_ITEM_TYPE, "{\"scoreMaximum\":10}").statusCode()).isEqualTo(400);
    }

    @Test
    void aLineItemWithATextMaximumIsRefused() throws Exception {
        assertThat(post(platform.gradebook().lineItemsUrl().toString(), token(LINE_ITEM_SCOPE),
                SimulatedGradebook.LINE_ITEM_TYPE, "{\"label\":\"Quiz\",\"scoreMaximum\":\"10\"}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void expiredTokensAreUnauthorized() throws Exception {
        String token = token(SCORE_SCOPE);
        platform.tokens().expireAllTokens();

        assertThat(post(scores(), token, SimulatedGradebook.SCORE_TYPE, GOOD_SCORE).statusCode()).isEqualTo(401);
    }

    @Test
    void theLaunchCanCarryTheAgsEndpointClaim() throws Exception {
        String idToken = platform.withAgs(item).apply(IdTokenBuilder.resourceLinkLaunch(PlatformSimulator.ISSUER,
                PlatformSimulator.CLIENT_ID, PlatformSimulator.DEPLOYMENT_ID, "nonce", platform.signingKey())).build();

        Map<String, Object> endpoint = SignedJWT.parse(idToken).getJWTClaimsSet().getJSONObjectClaim(LtiClaim.AGS_ENDPOINT);
        assertThat(endpoint).containsEntry("lineitems", platform.gradebook().lineItemsUrl().toString())
                .containsEntry("lineitem", item.toString());
        assertThat(endpoint.get("scope")).asInstanceOf(InstanceOfAssertFactories.LIST).contains(SCORE_SCOPE, LINE_ITEM_SCOPE);
    }
}
