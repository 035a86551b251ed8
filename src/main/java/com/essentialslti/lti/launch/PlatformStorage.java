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
     * True when the re-post comes from a page of the tool itself: the browser says so in {@code Origin} or in
     * {@code Sec-Fetch-Site}, headers a page cannot set, so a page on another site cannot pass the platform-storage
     * proof off as its own (login CSRF, 1EdTech Security Framework 1.0 §5.1.1.2). The tool's pages send no referrer,
     * and a browser then writes {@code Origin: null} even on a same-origin POST: a null or missing Origin is settled
     * by {@code Sec-Fetch-Site: same-origin} alone (a cross-site page, sandboxed or not, gets {@code cross-site}).
     */
    static boolean postedByTheToolsOwnPage(HttpHeaders headers, Settings settings) {
        String origin = headers.getHeaderString("Origin");
        if (origin != null && !"null".equals(origin)) {
            return origin.equalsIgnoreCase(settings.baseOrigin());
        }
        return "same-origin".equals(headers.getHeaderString("Sec-Fetch-Site"));
    }
}
