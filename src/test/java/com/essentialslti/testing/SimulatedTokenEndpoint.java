package com.essentialslti.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A platform's OAuth 2 token endpoint as Moodle's {@code mod/lti/token.php} behaves: the client credentials grant
 * with a client assertion (1EdTech Security Framework §4.1), checked against the tool's key set fetched over HTTP
 * during the request (as Moodle does); only supported scopes are granted, none left is {@code invalid_scope};
 * tokens live 3600 s. Also checks the bearer tokens of the simulated services.
 */
public final class SimulatedTokenEndpoint implements HttpHandler {

    public static final String CLIENT_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    public static final Set<String> MOODLE_SCOPES = Set.of(
            "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
            "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
            "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
            "https://purl.imsglobal.org/spec/lti-ags/scope/score",
            "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly");

    /** A token the endpoint issued. */
    public record Issued(String token, String clientId, Set<String> scopes, Instant expiresAt) {
    }

    private final URI tokenUrl;
    private final Set<String> clientIds;
    private volatile URI toolKeySetUrl;
    private volatile Clock clock = Clock.systemUTC();
    private volatile Set<String> supportedScopes = MOODLE_SCOPES;
    private volatile Duration tokenLifetime = Duration.ofSeconds(3600);
    private volatile String audience; // null: the token URL, as Moodle
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Issued> issued = new ConcurrentHashMap<>();
    private final Set<String> usedJtis = ConcurrentHashMap.newKeySet();
    private final AtomicInteger requests = new AtomicInteger();
    private final List<JWTClaimsSet> acceptedAssertions = new CopyOnWriteArrayList<>();
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private final List<String> requestedScopes = new CopyOnWriteArrayList<>();
    private final AtomicInteger failing = new AtomicInteger();
    private volatile int failingStatus = 500;
    private volatile Duration delay = Duration.ZERO;

    public SimulatedTokenEndpoint(URI tokenUrl, URI toolKeySetUrl, Set<String> clientIds) {
        this.tokenUrl = tokenUrl;
        this.toolKeySetUrl = toolKeySetUrl;
        this.clientIds = Set.copyOf(clientIds);
    }

    public URI url() {
        return tokenUrl;
    }

    /** Where the tool's public keys are fetched from at each token request. */
    public void toolKeySetUrl(URI url) {
        this.toolKeySetUrl = url;
    }

    /** The clock for assertion times and token lifetimes (a test's MutableClock, to move time). */
    public void clock(Clock clock) {
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    /** The scopes granted from now on (Moodle: which services the tool type has switched on). */
    public void supportedScopes(Set<String> scopes) {
        this.supportedScopes = Set.copyOf(scopes);
    }

    /** Takes only assertions for this audience, as Brightspace takes its authorization server's name. */
    public void audience(String audience) {
        this.audience = audience;
    }

    public void tokenLifetime(Duration lifetime) {
        this.tokenLifetime = lifetime;
    }

    /** The next {@code count} token requests answer {@code status} (a platform in trouble: 500, 503, 429). */
    public void failNext(int count, int status) {
        this.failingStatus = status;
        this.failing.set(count);
    }

    /** Every token request waits this long first (so that concurrent callers overlap). */
    public void delay(Duration delay) {
        this.delay = delay;
    }

    /** Every token issued so far stops working: the next use of any answers 401. */
    public void expireAllTokens() {
        Instant past = clock.instant().minusSeconds(1);
        issued.replaceAll((token, t) -> new Issued(t.token(), t.clientId(), t.scopes(), past));
    }

    /** Token requests received, accepted or not. */
    public int tokenRequests() {
        return requests.get();
    }

    /** The claims of the client assertions accepted, in order. */
    public List<JWTClaimsSet> acceptedAssertions() {
        return List.copyOf(acceptedAssertions);
    }

    /** The {@code scope} parameter of each token request, as sent. */
    public List<String> requestedScopes() {
        return List.copyOf(requestedScopes);
    }

    /** Why requests were refused, in order. */
    public List<String> refusals() {
        return List.copyOf(refusals);
    }

    /**
     * The token of a service request, when its {@code Authorization: Bearer} token was issued here, has not
     * expired and carries one of {@code anyOfScopes}.
     */
    public Optional<Issued> authorize(HttpExchange exchange, String... anyOfScopes) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        Issued token = issued.get(header.substring(7).strip());
        if (token == null || !clock.instant().isBefore(token.expiresAt())) {
            return Optional.empty();
        }
        return Arrays.stream(anyOfScopes).anyMatch(token.scopes()::contains) ? Optional.of(token) : Optional.empty();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failing.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            refuse(exchange, failingStatus, "server_error", "injected failure");
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            refuse(exchange, 405, "invalid_request", "token requests are POSTed");
            return;
        }
        Map<String, String> form = PlatformSimulator.parse(
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        requestedScopes.add(form.get("scope"));
        if (!"client_credentials".equals(form.get("grant_type"))) {
            refuse(exchange, 400, "unsupported_grant_type", "grant_type was " + form.get("grant_type"));
            return;
        }
        if (!CLIENT_ASSERTION_TYPE.equals(form.get("client_assertion_type"))) {
            refuse(exchange, 400, "invalid_request", "client_assertion_type was " + form.get("client_assertion_type"));
            return;
        }
        JWTClaimsSet assertion;
        try {
            assertion = verifiedAssertion(form.get("client_assertion"));
        } catch (Refusal refusal) {
            refuse(exchange, 401, "invalid_client", refusal.getMessage());
            return;
        }
        Set<String> granted = new LinkedHashSet<>();
        for (String scope : form.getOrDefault("scope", "").split(" ")) {
            if (supportedScopes.contains(scope)) {
                granted.add(scope); // Moodle drops the scopes it does not grant and says nothing
            }
        }
        if (granted.isEmpty()) {
            refuse(exchange, 400, "invalid_scope", "none of '" + form.get("scope") + "' is granted");
            return;
        }
        String clientId = assertion.getIssuer();
        String token = UUID.randomUUID().toString();
        issued.put(token, new Issued(token, clientId, Set.copyOf(granted), clock.instant().plus(tokenLifetime)));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", token);
        answer.put("token_type", "Bearer");
        answer.put("expires_in", tokenLifetime.toSeconds());
        answer.put("scope", String.join(" ", granted));
        PlatformSimulator.send(exchange, 200, "application/json", JSONObjectUtils.toJSONString(answer));
    }

    /** A client assertion refused, with why. */
    private static final class Refusal extends Exception {
        Refusal(String why) {
            super(why, null, false, false);
        }
    }

    /** The claims of the client assertion, checked as Security Framework §4.1.1 asks. */
    private JWTClaimsSet verifiedAssertion(String assertion) throws Refusal {
        if (assertion == null || assertion.isBlank()) {
            throw new Refusal("client_assertion missing");
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(assertion);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new Refusal("client_assertion is not a signed JWT");
        }
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            throw new Refusal("client_assertion alg is " + jwt.getHeader().getAlgorithm() + ", not RS256");
        }
        JWK key;
        try {
            key = toolKeySet().getKeyByKeyId(jwt.getHeader().getKeyID());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refusal("interrupted while fetching the tool's key set");
        } catch (IOException | ParseException e) {
            throw new Refusal("the tool's key set at " + toolKeySetUrl + " could not be read (" + e + ")");
        }
        if (!(key instanceof RSAKey rsa)) {
            throw new Refusal("kid " + jwt.getHeader().getKeyID() + " is not in the tool's key set");
        }
        try {
            if (!jwt.verify(new RSASSAVerifier(rsa))) {
                throw new Refusal("client_assertion signature does not verify");
            }
        } catch (JOSEException e) {
            throw new Refusal("client_assertion signature cannot be checked: " + e.getMessage());
        }
        Instant now = clock.instant();
        if (claims.getIssuer() == null || !clientIds.contains(claims.getIssuer())) {
            throw new Refusal("iss '" + claims.getIssuer() + "' is not a known client_id");
        }
        if (!claims.getIssuer().equals(claims.getSubject())) {
            throw new Refusal("sub '" + claims.getSubject() + "' is not the client_id");
        }
        if (!List.of(audience == null ? tokenUrl.toString() : audience).equals(claims.getAudience())) {
            throw new Refusal("aud " + claims.getAudience() + " is not " + (audience == null ? "the token URL "
                    + tokenUrl : "the authorization server " + audience));
        }
        if (claims.getExpirationTime() == null || !claims.getExpirationTime().toInstant().isAfter(now)) {
            throw new Refusal("client_assertion expired (exp " + claims.getExpirationTime() + ")");
        }
        if (claims.getIssueTime() != null && claims.getIssueTime().toInstant().isAfter(now.plusSeconds(60))) {
            throw new Refusal("client_assertion issued in the future (iat " + claims.getIssueTime() + ")");
        }
        if (claims.getJWTID() == null || !usedJtis.add(claims.getJWTID())) {
            throw new Refusal("jti '" + claims.getJWTID() + "' missing or used before");
        }
        acceptedAssertions.add(claims);
        return claims;
    }

    private JWKSet toolKeySet() throws IOException, InterruptedException, ParseException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(toolKeySetUrl)
                .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode());
        }
        return JWKSet.parse(response.body());
    }

    private void refuse(HttpExchange exchange, int status, String error, String why) throws IOException {
        refusals.add(error + ": " + why);
        PlatformSimulator.send(exchange, status, "application/json",
                JSONObjectUtils.toJSONString(Map.of("error", error, "error_description", why)));
    }
}
