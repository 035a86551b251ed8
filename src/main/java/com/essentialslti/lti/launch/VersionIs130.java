package com.essentialslti.lti.launch;

import com.essentialslti.lti.claims.LtiClaim;

/** The LTI version claim is present and is 1.3.0. */
final class VersionIs130 implements LaunchCheck {

    @Override
    public String clause() {
        return "LTI 1.3 Core §5.3.2 (version claim: 1.3.0)";
    }

    @Override
    public void check(LaunchAttempt attempt) throws LaunchRejected {
        Object version = attempt.claims.getClaim(LtiClaim.VERSION);
        if (version == null) {
            throw LaunchRejected.invalid("lti.version.missing",
                    "The launch does not say which LTI version it uses.", "no version claim");
        }
        if (!LtiClaim.LTI_VERSION.equals(version)) {
            throw LaunchRejected.invalid("lti.version.wrong",
                    "The launch uses LTI version '" + version + "'; this tool speaks LTI 1.3.0.", "version " + version);
        }
    }
}
