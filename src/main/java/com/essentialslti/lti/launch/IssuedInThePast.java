package com.essentialslti.lti.launch;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;

/** The token was not issued in the future (beyond the clock-skew leeway). */
final class IssuedInThePast implements LaunchCheck {

    private final Clock clock;
    private final Duration leeway;

    IssuedInThePast(Clock clock, Duration leeway) {
        this.clock = clock;
        this.leeway = leeway;
    }

    @Override
    public String clause() {
        return "1EdTech Security Framework 1.0 §5.1.3 step 8 (iat may be used to reject tokens issued too far from now)";
    }

    @Override
    public void check(LaunchAttempt attempt) throws LaunchRejected {
        Date iat = attempt.claims.getIssueTime();
        if (iat == null) {
            throw LaunchRejected.invalid("id_token.iat.missing", "The id_token has no issue time (iat).", "no iat");
        }
        if (iat.toInstant().isAfter(clock.instant().plus(leeway))) {
            throw LaunchRejected.untrusted("id_token.iat.future",
                    "The id_token says it was issued in the future.",
                    "The clocks of the LMS server and the tool's server disagree: ask both administrators to "
                            + "synchronise them (NTP).", "iat " + iat.toInstant());
        }
    }
}
