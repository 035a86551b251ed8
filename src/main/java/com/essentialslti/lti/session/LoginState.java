package com.essentialslti.lti.session;

import java.time.Instant;
import java.util.Optional;

/**
 * What the tool issued at one login initiation: the OIDC {@code state} and {@code nonce}, and the login's
 * parameters. Nothing of it is stored: the state is the login sealed by the tool, and the nonce derives from it,
 * so that anonymous logins cost the tool no write. A launch may use it once, before it expires (the use is what
 * the tool records, see {@link LoginStates#consume}).
 *
 * @param id    a random identifier, unique per login: what the cookie, the platform storage and the record of its
 *              single use name
 * @param state the sealed value sent to the platform as {@code state}
 * @param nonce the nonce sent with it, derived from the state by the tool's secret
 */
public record LoginState(String id, String state, String nonce, LoginRequest login, Instant expiresAt) {

    public String registrationId() {
        return login.registrationId();
    }

    public Optional<String> storageTarget() {
        return Optional.ofNullable(login.storageTarget());
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
