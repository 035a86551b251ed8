package com.essentialslti.lti.session;

import com.essentialslti.infra.Database;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
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

    private final SecretKeySpec key;
    private final Clock clock;
    private final Duration lifetime;

    public LaunchTokens(Database database, Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
        AppSecret secret = database.transaction(em -> {
            AppSecret stored = em.find(AppSecret.class, SECRET_NAME);
            if (stored == null) {
                stored = AppSecret.generate(SECRET_NAME, clock.instant());
                em.persist(stored);
            }
            return stored;
        });
        this.key = new SecretKeySpec(secret.bytes(), "HmacSHA256");
    }

    public String issue(String registrationId, String deploymentId, String subject, String resourceLinkId) {
        long expires = clock.instant().plus(lifetime).getEpochSecond();
        String payload = String.join(".", encode(registrationId), encode(deploymentId), encode(subject),
                encode(resourceLinkId), Long.toString(expires));
        return payload + "." + ENCODER.encodeToString(mac(payload));
    }

    /** The session a token stands for, or empty when it is forged, malformed or expired. */
    public Optional<LaunchSession> verify(String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        int lastDot = token.lastIndexOf('.');
        if (lastDot <= 0) {
            return Optional.empty();
        }
        String payload = token.substring(0, lastDot);
        try {
            byte[] expected = ENCODER.encodeToString(mac(payload)).getBytes(StandardCharsets.US_ASCII);
            if (!MessageDigest.isEqual(expected, token.substring(lastDot + 1).getBytes(StandardCharsets.US_ASCII))) {
                return Optional.empty();
            }
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

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
