package com.essentialslti.lti.launch;

import com.essentialslti.infra.Settings;
import com.essentialslti.lti.registration.Registration;
import com.essentialslti.lti.session.LoginState;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * LTI Client Side postMessages 1.0, platform storage: where the browser blocks the tool's state cookie inside the
 * LMS iframe, the login page stores the state's id in the platform's window ({@code lti.put_data}) and the launch
 * page reads it back ({@code lti.get_data}) and posts the launch again with it. The messages go to, and are
 * accepted from, the platform's origin only (its authorization endpoint's), so no other window can answer them.
 */
final class PlatformStorage {

    /** The re-post's field with the value read back from the platform. */
    static final String STORED_STATE = "platform_state";
    /** The re-post's field with the value only the tool's launch page knows (LoginStates.storageCheck). */
    static final String CHECK = "storage_check";

    private PlatformStorage() {
    }

    static String key(LoginState state) {
        return "state_" + state.id();
    }

    /** The origin the platform's storage answers from: its OIDC authorization endpoint's. */
    static String origin(Registration registration) {
        return Settings.origin(registration.authLoginUrl());
    }

    /**
     * True when the re-post comes from a page of the tool itself: the browser says so in {@code Origin} (every
     * current browser sends it with a form POST) or, without it, in {@code Sec-Fetch-Site}. Both are forbidden
     * headers a page on another site cannot set, so a cross-site page cannot pass the platform-storage proof off
     * as its own (login CSRF, 1EdTech Security Framework 1.0 §5.1.1.2).
     */
    static boolean postedByTheToolsOwnPage(HttpHeaders headers, Settings settings) {
        String origin = headers.getHeaderString("Origin");
        if (origin != null) {
            return origin.equalsIgnoreCase(settings.baseOrigin());
        }
        return "same-origin".equals(headers.getHeaderString("Sec-Fetch-Site"));
    }
}
