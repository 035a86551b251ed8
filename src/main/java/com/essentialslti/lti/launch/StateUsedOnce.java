package com.essentialslti.lti.launch;

import com.essentialslti.lti.session.LoginStates;

/**
 * Records the login state's use; a concurrent or later launch with the same state (or its nonce) fails here. Last in
 * the chain, so the one write a launch makes for its state follows a verified platform signature.
 */
final class StateUsedOnce implements LaunchCheck {

    private final LoginStates states;

    StateUsedOnce(LoginStates states) {
        this.states = states;
    }

    @Override
    public String clause() {
        return "1EdTech Security Framework 1.0 §5.1.3 step 9 and OpenID Connect Core §15.5.2 (nonce and state used once)";
    }

    @Override
    public void check(LaunchAttempt attempt) throws LaunchRejected {
        if (!states.consume(attempt.loginState)) {
            throw LaunchRejected.untrusted("state.used",
                    "This launch was already used once; a launch can be used only once.",
                    "Launch the activity again from the course page.", "state used before");
        }
    }
}
