package com.essentialslti.lti.claims;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The typed content of a validated launch message. Raw claim maps stay in {@code lti/launch}; everything after
 * the launch reads these records.
 */
public record LaunchClaims(
        String messageType,
        String deploymentId,
        String targetLinkUri,
        Optional<String> subject,
        Optional<ResourceLink> resourceLink,
        Optional<Context> context,
        List<String> roles,
        Optional<String> name,
        Optional<String> email,
        Optional<String> platformName) {

    public record ResourceLink(String id, Optional<String> title, Optional<String> description) {
    }

    public record Context(String id, Optional<String> label, Optional<String> title) {
    }

    /** The roles the tool recognises; unknown roles are dropped. */
    public Set<LisRole> lisRoles() {
        Set<LisRole> set = EnumSet.noneOf(LisRole.class);
        roles.forEach(r -> LisRole.parse(r).ifPresent(set::add));
        return set;
    }

    public boolean isDeepLinking() {
        return LtiClaim.DEEP_LINKING_REQUEST.equals(messageType);
    }
}
