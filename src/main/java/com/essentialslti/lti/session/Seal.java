package com.essentialslti.lti.session;

import com.essentialslti.infra.Database;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Seals a few text fields with HMAC-SHA256 under a secret kept in the database, so that the tool can hand a value
 * to a browser or a platform and later trust what comes back without having stored it. Every process on one
 * database shares the secret, so a value sealed by one is opened by another.
 */
final class Seal {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    Seal(Database database, String secretName, java.time.Clock clock) {
        AppSecret secret = database.transaction(em -> {
            AppSecret stored = em.find(AppSecret.class, secretName);
            if (stored == null) {
                stored = AppSecret.generate(secretName, clock.instant());
                em.persist(stored);
            }
            return stored;
        });
        this.key = new SecretKeySpec(secret.bytes(), "HmacSHA256");
    }

    /** The fields, each base64url-encoded, joined by dots, followed by the MAC of all of them. */
    String seal(List<String> fields) {
        List<String> encoded = new ArrayList<>(fields.size());
        for (String field : fields) {
            encoded.add(ENCODER.encodeToString((field == null ? "" : field).getBytes(StandardCharsets.UTF_8)));
        }
        String payload = String.join(".", encoded);
        return payload + "." + mac(payload);
    }

    /** The fields of a value this seal made, or empty when it is forged, altered, malformed or too long. */
    Optional<List<String>> open(String sealed, int fieldCount, int maxLength) {
        return payload(sealed, maxLength).flatMap(payload -> {
            String[] parts = payload.split("\\.", -1);
            if (parts.length != fieldCount) {
                return Optional.empty();
            }
            try {
                List<String> fields = new ArrayList<>(fieldCount);
                for (String part : parts) {
                    fields.add(new String(DECODER.decode(part), StandardCharsets.UTF_8));
                }
                return Optional.of(fields);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    /** What precedes the MAC of a value ending in {@code .<mac>}, when the MAC is this seal's; else empty. */
    Optional<String> payload(String sealed, int maxLength) {
        if (sealed == null || sealed.length() > maxLength) {
            return Optional.empty();
        }
        int lastDot = sealed.lastIndexOf('.');
        if (lastDot <= 0) {
            return Optional.empty();
        }
        String payload = sealed.substring(0, lastDot);
        byte[] expected = mac(payload).getBytes(StandardCharsets.US_ASCII);
        boolean genuine = MessageDigest.isEqual(expected, sealed.substring(lastDot + 1).getBytes(StandardCharsets.UTF_8));
        return genuine ? Optional.of(payload) : Optional.empty();
    }

    /** A value derived from {@code input} that only the holder of the secret can compute (a nonce, say). */
    String derive(String purpose, String input) {
        return mac(purpose + "\n" + input);
    }

    /** The MAC of {@code payload}, base64url-encoded. */
    String mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return ENCODER.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
