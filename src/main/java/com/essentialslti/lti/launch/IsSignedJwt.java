package com.essentialslti.lti.launch;

import com.nimbusds.jwt.SignedJWT;

import java.text.ParseException;

/** The id_token is a signed JWT (JWS compact serialisation) with a readable claims set. */
final class IsSignedJwt implements LaunchCheck {

    @Override
    public String clause() {
        return "1EdTech Security Framework 1.0 §5.1.3 (the id_token is a JWT, RFC 7519, signed per RFC 7515)";
    }

    @Override
    public void check(LaunchAttempt attempt) throws LaunchRejected {
        try {
            attempt.jwt = SignedJWT.parse(attempt.idToken);
            attempt.claims = attempt.jwt.getJWTClaimsSet();
        } catch (ParseException | RuntimeException e) {
            throw LaunchRejected.invalid("id_token.not_jwt",
                    "The id_token the LMS sent is not a signed JSON Web Token.", "parse: " + e.getMessage());
        }
    }
}
