package com.essentialslti.lti.launch;

import com.essentialslti.lti.claims.LtiClaim;

import java.util.Set;

/** The message type is present and one the tool handles. */
final class MessageTypeSupported implements LaunchCheck {

    static final Set<String> SUPPORTED = Set.of(LtiClaim.RESOURCE_LINK_REQUEST, LtiClaim.DEEP_LINKING_REQUEST);

    @Override
    public String clause() {
        return "LTI 1.3 Core §5.3.1 (message_type claim)";
    }

    @Override
    public void check(LaunchAttempt attempt) throws LaunchRejected {
        Object type = attempt.claims.getClaim(LtiClaim.MESSAGE_TYPE);
        if (type == null) {
            throw LaunchRejected.invalid("lti.message_type.missing",
                    "The launch does not say what kind of LTI message it is (no message_type).", "no message_type");
        }
        if (!SUPPORTED.contains(type)) {
            throw LaunchRejected.invalid("lti.message_type.unsupported",
                    "This tool does not handle LTI messages of type '" + type + "'.", "message_type " + type);
        }
    }
}
