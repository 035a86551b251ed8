package com.essentialslti.lti.launch;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;

/** The signature verifies with the platform's key. */
final class SignatureValid implements LaunchCheck {

    @Override
    public String clause() {
        return "1EdTech Security Framework 1.0 §5.1.3 step 1 (validate the signature per JWS, RFC 7515)";
    }

    @Override
    public void check(LaunchAttempt attempt) throws LaunchRejected {
        boolean valid;
        try {
            valid = attempt.verificationKey instanceof RSAKey rsa
                    && attempt.jwt.verify(new RSASSAVerifier(rsa.toRSAPublicKey()));
        } catch (JOSEException | RuntimeException e) {
            valid = false;
        }
        if (!valid) {
            throw LaunchRejected.untrusted("id_token.signature",
                    "The id_token's signature is not valid.",
                    "Check that key_set_url in the registration of " + attempt.registration.issuer()
                            + " is the platform's key set.", "bad signature");
        }
    }
}
