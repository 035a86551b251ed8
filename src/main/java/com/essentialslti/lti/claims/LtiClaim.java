package com.essentialslti.lti.claims;

/** Claim names of LTI 1.3 Core (§5) and LTI Advantage messages. */
public final class LtiClaim {

    private static final String BASE = "https://purl.imsglobal.org/spec/lti/claim/";

    public static final String MESSAGE_TYPE = BASE + "message_type";
    public static final String VERSION = BASE + "version";
    public static final String DEPLOYMENT_ID = BASE + "deployment_id";
    public static final String TARGET_LINK_URI = BASE + "target_link_uri";
    public static final String RESOURCE_LINK = BASE + "resource_link";
    public static final String ROLES = BASE + "roles";
    public static final String CONTEXT = BASE + "context";
    public static final String TOOL_PLATFORM = BASE + "tool_platform";
    public static final String LAUNCH_PRESENTATION = BASE + "launch_presentation";
    public static final String CUSTOM = BASE + "custom";
    public static final String AGS_ENDPOINT = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
    public static final String NRPS = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";
    public static final String DEEP_LINKING_SETTINGS = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings";

    public static final String RESOURCE_LINK_REQUEST = "LtiResourceLinkRequest";
    public static final String DEEP_LINKING_REQUEST = "LtiDeepLinkingRequest";
    public static final String LTI_VERSION = "1.3.0";

    private LtiClaim() {
    }
}
