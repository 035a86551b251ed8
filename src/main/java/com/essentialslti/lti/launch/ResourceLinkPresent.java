package com.essentialslti.lti.launch;

import com.essentialslti.lti.claims.LtiClaim;

import java.util.Map;

/** A resource link launch names its resource link, with a non-empty id. */
final class ResourceLinkPresent implements LaunchCheck {

    @Override
    public String clause() {
        return "LTI 1.3 Core §5.3.5 (resource_link claim with id, required in LtiResourceLinkRequest)";
    }

    @Override
    public void check(LaunchAttempt attempt) throws LaunchRejected {
        if (!LtiClaim.RESOURCE_LINK_REQUEST.equals(attempt.claims.getClaim(LtiClaim.MESSAGE_TYPE))) {
            return;
        }
        Object link = attempt.claims.getClaim(LtiClaim.RESOURCE_LINK);
        if (!(link instanceof Map<?, ?> map) || !(map.get("id") instanceof String id) || id.isBlank()) {
            throw LaunchRejected.invalid("lti.resource_link.missing",
                    "The launch does not say which activity link was opened (no resource_link id).",
                    "no resource_link.id");
        }
        if (id.length() > 255) {
            throw LaunchRejected.invalid("lti.resource_link.too_long",
                    "The launch's resource link id is longer than 255 characters.", "resource_link.id length");
        }
    }
}
