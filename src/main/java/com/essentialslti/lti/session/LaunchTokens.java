package com.essentialslti.lti.session;

import com.essentialslti.infra.Database;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The signed, short-lived token that carries a launch into the pages that follow it, in links and forms, so that no
 * session cookie is needed inside an LMS iframe (browsers block or partition third-party cookies). HMAC-SHA256 with
 * a secret kept in the database, so tokens survive a restart.
 */
public final class LaunchTokens {

    static final String SECRET_NAME = "launch-token-hmac";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    static final int MAX_TOKEN_LENGTH = 4096;

    private final Seal seal;
    private final Clock clock;
    private final Duration lifetime;

    public LaunchTokens(Database database, Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
        this.seal = new Seal(database, SECRET_NAME, clock);
    }

    public String issue(String registrationId, String deploymentId, String subject, String resourceLinkId) {
        long expires = clock.instant().plus(lifetime).getEpochSecond();
        String payload = String.join(".", encode(registrationId), encode(deploymentId), encode(subject),
                encode(resourceLinkId), Long.toString(expires));
        return payload + "." + seal.mac(payload);
    }

    /** The session a token stands for, or empty when it is forged, malformed or expired. */
    public Optional<LaunchSession> verify(String token) {
        return seal.payload(token, MAX_TOKEN_LENGTH).flatMap(this::session);
    }

    private Optional<LaunchSession> session(String payload) {
        try {
            String[] parts = payload.split("\\.");
            if (parts.length != 5) {
                return Optional.empty();
            }
            Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[4]));
            if (!clock.instant().isBefore(expires)) {
                return Optional.empty();
            }
            return Optional.of(new LaunchSession(decode(parts[0]), decode(parts[1]), decode(parts[2]),
                    decode(parts[3]), expires));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String encode(String value) {
        return ENCODER.encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String value) {
        return new String(DECODER.decode(value), StandardCharsets.UTF_8);
    }
}
