package com.essentialslti.lti.services;

import com.essentialslti.infra.LogValues;
import com.essentialslti.lti.registration.Registration;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Gets the OAuth 2 access tokens that LTI Advantage services require (1EdTech Security Framework 1.0 §4.1): the
 * client credentials grant, the tool authenticating with a JWT it signs with its own key (RFC 7523 §2.2, the
 * "private_key_jwt" method). Tokens are cached per registration, client_id and scope set until shortly before they
 * expire, so a burst of scores costs one token request (platforms rate-limit the token endpoint); callers that
 * wait for the same token share one request, and its failure.
 */
public final class AccessTokens {

    private static final Logger LOG = Logger.getLogger(AccessTokens.class.getName());

    static final String CLIENT_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    /** Security Framework §4.1.1: the assertion is short-lived; five minutes covers any clock skew in practice. */
    static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** A token is not reused in its last minute, so that it does not expire between the cache and the platform. */
    static final long SAFETY_MARGIN_SECONDS = 60;
    /** RFC 6749 §5.1 only recommends {@code expires_in}; without it, reuse the token briefly (a 401 refreshes it). */
    static final long LIFETIME_WHEN_UNSTATED_SECONDS = 300;
    static final long LONGEST_REUSE_SECONDS = 86_400;

    private record Key(String registrationId, String clientId, String scope) {
    }

    private record Token(String value, Instant reuseUntil) {
    }

    /** One token request and, when it failed, how. */
    private record Attempt(long number, ServiceFailure failure) {
    }

    private final HttpClient http;
    private final Clock clock;
    private final Supplier<RSAKey> signingKey;
    private final Map<Key, Token> cache = new ConcurrentHashMap<>();
    private final Map<Key, Object> locks = new ConcurrentHashMap<>();
    private final Map<Key, Attempt> lastAttempts = new ConcurrentHashMap<>();
    private final AtomicLong attempts = new AtomicLong();

    /** {@code signingKey} gives the tool's current key pair (the one its JWKS publishes as active). */
    public AccessTokens(HttpClient http, Clock clock, Supplier<RSAKey> signingKey) {
        this.http = http;
        this.clock = clock;
        this.signingKey = signingKey;
    }

    /**
     * An access token for these scopes at this registration's platform: the cached one while it lasts, else a fresh
     * one. Concurrent callers for the same key wait for one request rather than each sending their own.
     */
    public String token(Registration registration, Set<String> scopes) throws ServiceFailure {
        Key key = key(registration, scopes);
        Token cached = cache.get(key);
        if (usable(cached)) {
            return cached.value(); // the hot path: no lock
        }
        Attempt before = lastAttempts.get(key);
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            Token current = cache.get(key); // another caller may have fetched while this one waited
            if (usable(current)) {
                return current.value();
            }
            Attempt last = lastAttempts.get(key);
            if (last != null && !last.equals(before) && last.failure() != null) {
                // The request this caller waited for has just failed: share its answer rather than queue another
                // request behind it (ten callers and a platform timing out would otherwise wait ten timeouts).
                throw last.failure();
            }
            try {
                Token fresh = fetch(registration, key);
                cache.put(key, fresh);
                lastAttempts.put(key, new Attempt(attempts.incrementAndGet(), null));
                return fresh.value();
            } catch (ServiceFailure failure) {
                lastAttempts.put(key, new Attempt(attempts.incrementAndGet(), failure));
                throw failure;
            }
        }
    }

    /** Forgets the cached token for these scopes, so that the next call fetches a new one (after a 401). */
    public void invalidate(Registration registration, Set<String> scopes) {
        cache.remove(key(registration, scopes));
    }

    /**
     * Forgets the cached token only while it is still {@code rejected}: when several calls meet the same 401, the
     * first refreshes the token and the others reuse that fresh one instead of each fetching another.
     */
    public void invalidate(Registration registration, Set<String> scopes, String rejected) {
        cache.computeIfPresent(key(registration, scopes), (k, token) -> token.value().equals(rejected) ? null : token);
    }

    private static Key key(Registration registration, Set<String> scopes) {
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("an access token needs at least one scope");
        }
        // The client_id is part of the key: two registrations must never share a token, even by a mistaken id.
        return new Key(registration.id(), registration.clientId(), String.join(" ", new TreeSet<>(scopes)));
    }

    private boolean usable(Token token) {
        return token != null && clock.instant().isBefore(token.reuseUntil());
    }

    private Token fetch(Registration registration, Key key) throws ServiceFailure {
        URI tokenUrl = registration.authTokenUrl();
        Instant now = clock.instant(); // before sending: the token's lifetime counts from no earlier than this
        String assertion = assertion(registration.clientId(), registration.tokenAudience(), now);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_assertion_type", CLIENT_ASSERTION_TYPE);
        form.put("client_assertion", assertion);
        form.put("scope", key.scope());
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(tokenUrl)
                            .timeout(REQUEST_TIMEOUT)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Accept", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ServiceUnavailable("the token endpoint " + tokenUrl + " could not be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailable("interrupted while asking " + tokenUrl + " for a token", e);
        }
        // A platform may echo the request in its error page; the assertion must not reach a log even so.
        String answer = response.body() == null ? "" : response.body().replace(assertion, "[client assertion]");
        if (response.statusCode() != 200) {
            // RFC 6749 §5.2: invalid_client, invalid_scope and the like come as 400 (or 401); they stay until the
            // registration changes, and they refuse the tool, whatever it wanted the token for.
            String message = "the token endpoint " + tokenUrl + " refused a token for scopes '" + key.scope() + "'";
            if (ServiceFailure.isTransient(response.statusCode())) {
                throw new ServiceUnavailable(message, response.statusCode(), answer);
            }
            throw new ServiceRefused(message, response.statusCode(), answer, true);
        }
        Token token = parse(answer, tokenUrl, now);
        LOG.info("event=token.fetched registration=" + registration.id() + " client_id="
                + LogValues.quote(registration.clientId()) + " scopes=" + LogValues.quote(key.scope()) + " reuse_until="
                + token.reuseUntil());
        return token;
    }

    private String assertion(String clientId, String audience, Instant now) {
        RSAKey key = signingKey.get();
        // Security Framework §4.1.1: iss and sub are the client_id, aud the authorization server (the token
        // endpoint unless the registration names another), jti unique per assertion.
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(clientId)
                .subject(clientId)
                .audience(audience)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ASSERTION_LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(key.getKeyID())
                .build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the client assertion with key " + key.getKeyID(), e);
        }
        return jwt.serialize();
    }

    /** RFC 6749 §5.1: access_token and token_type are required, expires_in recommended. */
    private static Token parse(String body, URI tokenUrl, Instant fetchedAt) throws ServiceFailure {
        Map<String, Object> json;
        String value;
        String type;
        try {
            json = JSONObjectUtils.parse(body);
            value = JSONObjectUtils.getString(json, "access_token");
            type = JSONObjectUtils.getString(json, "token_type");
        } catch (ParseException e) {
            // A proxy's error page or a platform in the middle of an upgrade: worth another try later.
            throw new ServiceUnavailable("the token endpoint " + tokenUrl + " answered 200 without a token response",
                    200, body);
        }
        if (value == null || value.isBlank()) {
            throw new ServiceUnavailable("the token endpoint " + tokenUrl + " answered without an access_token",
                    200, body);
        }
        if (type != null && !"bearer".equalsIgnoreCase(type)) {
            throw new ServiceRefused("the token endpoint " + tokenUrl + " issued a '" + type
                    + "' token; LTI services take Bearer tokens", 200, "");
        }
        return new Token(value, reusableUntil(fetchedAt, lifetimeSeconds(json.get("expires_in"))));
    }

    /**
     * Until when a token fetched at {@code fetchedAt} is reused: up to a minute before it expires, and for half its
     * life at most (a 60 s token is reused for 30 s). A lifetime over a day counts as a day: a platform's
     * {@code expires_in} of 2^63 would otherwise overflow the instant and lose the score's delivery with it.
     */
    static Instant reusableUntil(Instant fetchedAt, long lifetimeSeconds) {
        long lifetime = Math.min(lifetimeSeconds, LONGEST_REUSE_SECONDS);
        long margin = Math.min(SAFETY_MARGIN_SECONDS, lifetime / 2);
        return fetchedAt.plusSeconds(Math.max(0, lifetime - margin));
    }

    private static long lifetimeSeconds(Object expiresIn) {
        if (expiresIn instanceof Number number) {
            return number.longValue();
        }
        if (expiresIn instanceof String text) { // some platforms send the number as a string
            try {
                return Long.parseLong(text.strip());
            } catch (NumberFormatException e) {
                return LIFETIME_WHEN_UNSTATED_SECONDS;
            }
        }
        return LIFETIME_WHEN_UNSTATED_SECONDS;
    }

    private static String encode(Map<String, String> form) {
        StringJoiner body = new StringJoiner("&");
        form.forEach((name, value) -> body.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return body.toString();
    }
}
