package com.essentialslti.lti.launch;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

/**
 * The nonce is the one issued with this login's state. The state is single-use, so the nonce is too: a replayed
 * token or a token from another login cannot pass.
 */
final class NonceMatchesLogin implements LaunchCheck {

    @Override
    public String clause() {
        return "1EdTech Security Framework 1.0 §5.1.3 step 9 (nonce present and equal to the one sent; never reused)";
    }

    @Override
    public void check(LaunchAttempt attempt) throws LaunchRejected {
        Object nonce = attempt.claims.getClaim("nonce");
        if (!(nonce instanceof String value) || !MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8),
                attempt.loginState.nonce().getBytes(StandardCharsets.UTF_8))) {
            throw LaunchRejected.untrusted("id_token.nonce",
                    "The id_token does not belong to the login this browser started (nonce mismatch).",
                    "Launch again from the course page.", nonce == null ? "no nonce" : "nonce mismatch");
        }
    }
}
