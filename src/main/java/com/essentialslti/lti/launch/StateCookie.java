package com.essentialslti.lti.launch;

import com.essentialslti.infra.Settings;
import jakarta.ws.rs.core.Cookie;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The cookie that binds a login's state to the browser. One cookie per state, so parallel launches in several tabs
 * do not overwrite each other. Over https it is {@code SameSite=None; Secure; Partitioned} so that it comes back
 * to the tool inside a cross-site LMS iframe (CHIPS); over plain http (local development) it is {@code SameSite=Lax},
 * because browsers refuse {@code SameSite=None} without {@code Secure}.
 */
final class StateCookie {

    static final String PREFIX = "lti_state_";
    static final int MAX_AGE_SECONDS = 300;

    private final Settings settings;

    StateCookie(Settings settings) {
        this.settings = settings;
    }

    String set(String state) {
        return header(state, state, MAX_AGE_SECONDS);
    }

    String clear(String state) {
        return header(state, "", 0);
    }

    private String header(String state, String value, int maxAge) {
        String attributes = settings.baseUrlIsHttps() ? "; SameSite=None; Secure; Partitioned" : "; SameSite=Lax";
        return PREFIX + state + "=" + value + "; Path=/lti/; Max-Age=" + maxAge + "; HttpOnly" + attributes;
    }

    /** True when the browser returned any state cookie: cookies work, so a missing one is a mismatch. */
    static boolean anyReturned(Map<String, Cookie> cookies) {
        return cookies.keySet().stream().anyMatch(name -> name.startsWith(PREFIX));
    }

    /** True when the browser returned the cookie for this state. */
    static boolean returned(Map<String, Cookie> cookies, String state) {
        if (state == null) {
            return false;
        }
        Cookie cookie = cookies.get(PREFIX + state);
        return cookie != null && MessageDigest.isEqual(cookie.getValue().getBytes(StandardCharsets.UTF_8),
                state.getBytes(StandardCharsets.UTF_8));
    }
}
