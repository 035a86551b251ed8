package com.essentialslti.lti.launch;

import com.essentialslti.lti.session.LoginStates;

import java.time.Clock;

/**
 * The state is one this tool issued at a login initiation (its seal holds) and has not expired. Whether it was used
 * before is checked last, by {@link StateUsedOnce}, which records its use.
 */
final class StateIssued implements LaunchCheck {

    private final LoginStates states;
    private final Clock clock;

    StateIssued(LoginStates states, Clock clock) {
        this.states = states;
        this.clock = clock;
    }

    @Override
    public String clause() {
        return "1EdTech Security Framework 1.0 §5.1.1.2 and OpenID Connect Core §3.1.2.1 (state binds the response to the login)";
    }

    @Override
    public void check(LaunchAttempt attempt) throws LaunchRejected {
        String remedy = "Launch the activity again from the course page. If this keeps happening, make sure the LMS "
                + "sends launches to this tool's login URL first (Initiate login URL).";
        if (attempt.state == null || attempt.state.isBlank()) {
            throw LaunchRejected.untrusted("state.missing",
                    "The launch came without the state this tool issued at login.", remedy, "no state parameter");
        }
        if (attempt.loginState == null || !attempt.loginState.state().equals(attempt.state)) {
            attempt.loginState = states.find(attempt.state).orElseThrow(() -> LaunchRejected.untrusted("state.unknown",
                    "This launch does not belong to a login started by this tool.", remedy, "state not issued"));
        }
        if (!attempt.boundToBrowser && states.used(attempt.loginState)) {
            // Only a browser that lost its state cookie needs this read: a replay says so instead of "not bound".
            throw LaunchRejected.untrusted("state.used",
                    "This launch was already used once; a launch can be used only once.", remedy, "state reused");
        }
        if (attempt.loginState.expiredAt(clock.instant())) {
            throw LaunchRejected.untrusted("state.expired",
                    "The login took too long: it expired before the LMS answered.", remedy, "state expired");
        }
    }
}
