package com.essentialslti.course;

import java.util.Optional;

/**
 * Asks the activity a link is used for to render the link's page for one member: fired when a launch lands and
 * when the landing address is opened again. The activity that owns the link {@linkplain #show shows} its page;
 * when none does, the course's own page explains that the link is not set up yet.
 */
public final class LinkPage {

    private final Membership membership;
    private final String sessionToken;
    private final String pageAddress;
    private String html;

    LinkPage(Membership membership, String sessionToken, String pageAddress) {
        this.membership = membership;
        this.sessionToken = sessionToken;
        this.pageAddress = pageAddress;
    }

    /**
     * The page's own address when it is shown in answer to the launch POST (the layout's {@code pageAddress});
     * null when the browser asked for the address itself.
     */
    public String pageAddress() {
        return pageAddress;
    }

    public Membership membership() {
        return membership;
    }

    public String sessionToken() {
        return sessionToken;
    }

    public void show(String page) {
        html = page;
    }

    Optional<String> html() {
        return Optional.ofNullable(html);
    }
}
