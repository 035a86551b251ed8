package com.essentialslti.lti.launch;

import com.essentialslti.lti.keys.PlatformKeySets;
import com.nimbusds.jose.jwk.JWK;

/**
 * The header names a kid, and the platform's key set holds that key (refetched once, rate-limited, when the cache
 * does not: platforms rotate keys).
 */
final class KidKnown implements LaunchCheck {

    private final PlatformKeySets keySets;

    KidKnown(PlatformKeySets keySets) {
        this.keySets = keySets;
    }

    @Override
    public String clause() {
        return "1EdTech Security Framework 1.0 §6.3 (kid identifies the key in the platform's JWKS)";
    }

    @Override
    public void check(LaunchAttempt attempt) throws LaunchRejected {
        String kid = attempt.jwt.getHeader().getKeyID();
        if (kid == null || kid.isBlank()) {
            throw LaunchRejected.untrusted("id_token.kid.missing",
                    "The id_token does not say which platform key signed it (no 'kid').",
                    "Ask the LMS administrator to check the platform's signing keys.", "no kid");
        }
        JWK key;
        try {
            key = keySets.key(attempt.registration.keySetUrl(), kid).orElse(null);
        } catch (PlatformKeySets.Unavailable e) {
            throw LaunchRejected.untrusted("keyset.unavailable",
                    "The tool could not read the platform's public keys.",
                    "Check that key_set_url in the registration of " + attempt.registration.issuer()
                            + " is right and reachable from the tool's server.", e.getMessage());
        }
        if (key == null) {
            throw LaunchRejected.untrusted("id_token.kid.unknown",
                    "The id_token is signed with a key that the platform does not publish.",
                    "Check that key_set_url in the registration of " + attempt.registration.issuer()
                            + " is the platform's key set (Moodle: /mod/lti/certs.php).", "unknown kid " + kid);
        }
        attempt.verificationKey = key;
    }
}
