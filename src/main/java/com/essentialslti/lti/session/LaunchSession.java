package com.essentialslti.lti.session;

import java.time.Instant;

/**
 * What a page request may act as after a launch: one platform user at one resource link of one deployment, until
 * the session expires. Protocol-level identities only; the activities look up their own records from them.
 */
public record LaunchSession(String registrationId, String deploymentId, String subject, String resourceLinkId,
                            Instant expiresAt) {
}
