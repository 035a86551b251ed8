package com.essentialslti.lti.launch;

import java.net.URI;
import java.util.Optional;

/**
 * A validated launch on its way to the page it lands on. {@link LaunchResource} fires it as a CDI event; the
 * feature that owns the link records the launch and {@linkplain #show shows} its page, which the launch response
 * carries at once: one round trip fewer than a redirect, for the learner and for the server.
 *
 * <p>The page's own {@link #address()} (a GET with the launch token) is where a reload goes, so a reload never
 * posts the spent id_token again.
 */
public final class LaunchLanding {

    private final ValidatedLaunch launch;
    private final String sessionToken;
    private final URI address;
    private String page;

    LaunchLanding(ValidatedLaunch launch, String sessionToken, URI address) {
        this.launch = launch;
        this.sessionToken = sessionToken;
        this.address = address;
    }

    public ValidatedLaunch launch() {
        return launch;
    }

    /** The signed launch token that the page carries in its links and forms. */
    public String sessionToken() {
        return sessionToken;
    }

    /** Where the page lives: {@link LaunchResource#LANDING_PATH} with the launch token. */
    public URI address() {
        return address;
    }

    /** The page to show, as rendered HTML. */
    public void show(String html) {
        page = html;
    }

    Optional<String> page() {
        return Optional.ofNullable(page);
    }
}
