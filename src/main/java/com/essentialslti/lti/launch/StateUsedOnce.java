package com.essentialslti.lti.launch;

import com.essentialslti.lti.session.LoginStates;

/** Marks the login state used; a concurrent or later launch with the same state (or nonce) fails here. */
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
        if (!states.consume(attempt.state)) {
            throw LaunchRejected.untrusted("state.used",
                    "This launch was already used once; a launch can be used only once.",
                    "Launch the activity again from the course page.", "state consumed concurrently");
        }
    }
}
