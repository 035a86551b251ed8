package com.essentialslti.lti.launch;

import com.essentialslti.lti.registration.Registration;

/**
 * The platform's registration is still in service: its operator has not removed its file. A retired registration
 * is kept (its learners and courses refer to it), so without this check its launches would go on working silently.
 */
public final class RegistrationInService implements LaunchCheck {

    /** The refusal, naming the platform so that whoever sees it inside the LMS knows which registration ended. */
    static LaunchRejected retired(Registration registration) {
        return new LaunchRejected("registration.retired", 403,
                "This tool is no longer registered with " + registration.name(),
                "The tool's operator has removed the registration of " + registration.name() + " ("
                        + registration.issuer() + ", client ID " + registration.clientId()
                        + "), so the tool no longer accepts launches from it.",
                "If this platform should still use the tool, ask the tool's operator to put its registration file "
                        + "back in lti-config/platforms and restart the tool.",
                "registration retired, its file " + registration.source() + " is gone");
    }

    /** The page for anything a retired platform still sends: a login, a launch, a page of an earlier session. */
    public static jakarta.ws.rs.core.Response page(Registration registration) {
        return retired(registration).page();
    }

    @Override
    public String clause() {
        return "1EdTech Security Framework 1.0 §5.1.3 step 2 (iss is a platform the tool is registered with)";
    }

    @Override
    public void check(LaunchAttempt attempt) throws LaunchRejected {
        if (attempt.registration.retired()) {
            throw retired(attempt.registration);
        }
    }
}
