package com.essentialslti.lti.claims;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
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
        Optional<String> platformName,
        Optional<GradeServiceClaim> gradeService,
        Map<String, String> custom) {

    public record ResourceLink(String id, Optional<String> title, Optional<String> description) {
    }

    public record Context(String id, Optional<String> label, Optional<String> title) {
    }

    /**
     * The Assignment and Grade Services endpoint claim (AGS 2.0 §3.1): the scopes granted for this link, the line
     * items container, and the link's own line item when the platform made exactly one.
     */
    public record GradeServiceClaim(List<String> scopes, Optional<URI> lineItems, Optional<URI> lineItem) {

        public static final String SCOPE_LINEITEM = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";
        public static final String SCOPE_LINEITEM_READONLY =
                "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly";
        public static final String SCOPE_SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";

        public GradeServiceClaim {
            scopes = List.copyOf(scopes);
        }

        /** Scores can be sent: the score scope, and a line item or the right to find or create one. */
        public boolean canSendScores() {
            return scopes.contains(SCOPE_SCORE) && (lineItem.isPresent()
                    || (lineItems.isPresent() && scopes.contains(SCOPE_LINEITEM)));
        }
    }

    /** The same launch as if the platform had offered no grade service. */
    public LaunchClaims withoutGradeService() {
        return new LaunchClaims(messageType, deploymentId, targetLinkUri, subject, resourceLink, context, roles, name,
                email, platformName, Optional.empty(), custom);
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
