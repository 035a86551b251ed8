package com.essentialslti.lti.launch;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;

/** The token has not expired, with a small leeway for clock skew (Moodle's tokens live only 60 s). */
final class NotExpired implements LaunchCheck {

    private final Clock clock;
    private final Duration leeway;

    NotExpired(Clock clock, Duration leeway) {
        this.clock = clock;
        this.leeway = leeway;
    }

    @Override
    public String clause() {
        return "1EdTech Security Framework 1.0 §5.1.3 step 7 (the current time is before exp)";
    }

    @Override
    public void check(LaunchAttempt attempt) throws LaunchRejected {
        Date exp = attempt.claims.getExpirationTime();
        if (exp == null) {
            throw LaunchRejected.invalid("id_token.exp.missing", "The id_token has no expiry time (exp).", "no exp");
        }
        if (!exp.toInstant().plus(leeway).isAfter(clock.instant())) {
            throw LaunchRejected.untrusted("id_token.expired",
                    "The id_token has expired.",
                    "Launch again. If it keeps happening, the clocks of the LMS server and the tool's server "
                            + "disagree: ask both administrators to synchronise them (NTP).", "exp " + exp.toInstant());
        }
    }
}
