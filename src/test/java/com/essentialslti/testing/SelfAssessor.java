package com.essentialslti.testing;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * A learner taking the competency self-assessment over plain HTTP after a launch: start (or resume), each area's
 * page shown and its competencies rated (the levels read from the page's own radio buttons), review, submit.
 * Each step that must answer with a redirect and does not stops the learner with an
 * {@link IllegalStateException} naming the step.
 */
public final class SelfAssessor {

    static final String FORM = "application/x-www-form-urlencoded";

    private final Browser browser;
    private final String tool;
    private final String session;
    private Duration reading = Duration.ZERO;

    public SelfAssessor(Browser browser, String tool, String session) {
        this.browser = browser;
        this.tool = tool;
        this.session = session;
    }

    /** How long the learner reads each area's page before saving it (0: at once). */
    public SelfAssessor reading(Duration perPage) {
        reading = perPage;
        return this;
    }

    /** Rates every competency, area by area, at the level {@code level} gives its key; returns the review page. */
    public Browser.Page rateEverything(ToIntFunction<String> level) {
        Browser.Page page = follow(post("/self-assessment/start", ""), "start");
        while (page.uri().getPath().contains("/area/")) {
            Set<String> keys = new LinkedHashSet<>();
            page.document().select("input[type=radio][name^=level.]").forEach(i -> keys.add(i.attr("name")));
            StringBuilder form = new StringBuilder();
            for (String field : keys) {
                form.append(field).append('=').append(level.applyAsInt(field.substring(6))).append('&');
            }
            pause();
            page = follow(post(page.uri().getPath(), form + "go=next"), "rate");
        }
        return page;
    }

    /** Submits the assessment of this review page; returns the result page. */
    public Browser.Page submit(Browser.Page review) {
        return follow(post(review.uri().getPath().replace("/review", "/submit"), ""), "submit");
    }

    /** Rates everything at one level and submits; returns the result page. */
    public Browser.Page takeIt(int everywhere) {
        return submit(rateEverything(key -> everywhere));
    }

    private Browser.Page post(String path, String body) {
        return browser.postRaw(tool + path, FORM, "s=" + session + (body.isEmpty() ? "" : "&" + body));
    }

    private void pause() {
        if (reading.isZero()) {
            return;
        }
        try {
            Thread.sleep(reading.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Browser.Page follow(Browser.Page redirect, String step) {
        if (redirect.status() != 303) {
            throw new IllegalStateException(step + " answered " + redirect.status() + ": " + redirect.text());
        }
        return browser.follow(redirect);
    }
}
