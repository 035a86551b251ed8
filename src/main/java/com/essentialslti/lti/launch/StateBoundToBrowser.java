package com.essentialslti.lti.launch;

/**
 * The browser that posts the id_token is the one that started the login: it returned the state cookie, or the
 * platform's storage (LTI client-side postMessage storage) returned the state. Without it an attacker could post a
 * token into someone else's browser (login CSRF).
 */
final class StateBoundToBrowser implements LaunchCheck {

    @Override
    public String clause() {
        return "1EdTech Security Framework 1.0 §5.1.1.2 (state bound to the user agent); LTI Client Side postMessages 1.0 (platform storage)";
    }

    @Override
    public void check(LaunchAttempt attempt) throws LaunchRejected {
        if (!attempt.boundToBrowser) {
            throw LaunchRejected.untrusted("state.not_bound",
                    "The browser did not return the state this tool set when the login started.",
                    "Launch again from the course page.", "state cookie mismatch");
        }
    }
}
