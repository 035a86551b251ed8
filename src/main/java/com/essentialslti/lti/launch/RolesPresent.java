package com.essentialslti.lti.launch;

import com.essentialslti.lti.claims.LtiClaim;

import java.util.List;

/** The roles claim is present and is an array (it may be empty). */
final class RolesPresent implements LaunchCheck {

    @Override
    public String clause() {
        return "LTI 1.3 Core §5.3.7 (roles claim required; an empty array means no role)";
    }

    @Override
    public void check(LaunchAttempt attempt) throws LaunchRejected {
        Object roles = attempt.claims.getClaim(LtiClaim.ROLES);
        if (roles == null) {
            throw LaunchRejected.invalid("lti.roles.missing",
                    "The launch does not carry the user's roles (no roles claim).", "no roles claim");
        }
        if (!(roles instanceof List<?> list) || list.stream().anyMatch(r -> !(r instanceof String))) {
            throw LaunchRejected.invalid("lti.roles.malformed",
                    "The launch's roles claim is not a list of role names.", "roles not an array of strings");
        }
    }
}
