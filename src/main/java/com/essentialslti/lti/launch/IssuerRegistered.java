package com.essentialslti.lti.launch;

import com.essentialslti.lti.registration.Registrations;

/** The issuer is a registered platform, the same one whose login started this launch. */
final class IssuerRegistered implements LaunchCheck {

    private final Registrations registrations;

    IssuerRegistered(Registrations registrations) {
        this.registrations = registrations;
    }

    @Override
    public String clause() {
        return "1EdTech Security Framework 1.0 §5.1.3 step 2 (iss matches the platform's issuer identifier)";
    }

    @Override
    public void check(LaunchAttempt attempt) throws LaunchRejected {
        String issuer = attempt.claims.getIssuer();
        if (issuer == null) {
            throw LaunchRejected.invalid("id_token.iss", "The id_token has no issuer (iss).", "no iss");
        }
        attempt.registration = registrations.byId(attempt.loginState.registrationId())
                .orElseThrow(() -> LaunchRejected.untrusted("registration.gone",
                        "The platform registration this login used no longer exists.",
                        "Ask the tool's operator to check the registration files.", "registration removed"));
        if (!attempt.registration.issuer().equals(issuer)) {
            throw LaunchRejected.untrusted("id_token.iss",
                    "The id_token was issued by a different platform than the one that started the login.",
                    "Launch again from the course page.", "iss " + issuer + " != " + attempt.registration.issuer());
        }
    }
}
