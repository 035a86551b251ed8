package com.essentialslti.lti.session;

/** The parameters of a third-party initiated login that the tool keeps until the launch comes back. */
public record LoginRequest(
        String registrationId,
        String loginHint,
        String messageHint,
        String targetLinkUri,
        String deploymentHint,
        String storageTarget) {
}
