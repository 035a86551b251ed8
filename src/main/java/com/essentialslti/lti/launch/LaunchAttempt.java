package com.essentialslti.lti.launch;

import com.essentialslti.lti.registration.Registration;
import com.essentialslti.lti.session.LoginState;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.util.ArrayList;
import java.util.List;

/**
 * One id_token POST on its way through the checks: the raw request, and what each check established for the next
 * (the login state, the parsed token, the registration). Records the checks that passed.
 */
final class LaunchAttempt {

    final String idToken;
    final String state;
    /** The browser proved it started the login: it returned the state cookie, or the platform storage did. */
    final boolean boundToBrowser;
    final List<String> passed = new ArrayList<>();

    LoginState loginState;
    SignedJWT jwt;
    JWTClaimsSet claims;
    Registration registration;
    com.nimbusds.jose.jwk.JWK verificationKey;

    LaunchAttempt(String idToken, String state, boolean boundToBrowser) {
        this.idToken = idToken;
        this.state = state;
        this.boundToBrowser = boundToBrowser;
    }
}
