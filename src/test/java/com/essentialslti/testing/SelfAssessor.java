package com.essentialslti.testing;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * A learner doing the competency self-assessment over plain HTTP after a launch: start (or resume), each area's
 * competencies rated, review, submit. Each step must answer with a redirect; anything else stops the learner with an
 * {@link IllegalStateException} naming the step.
 */
public final class SelfAssessor {

    static final String FORM = "application/x-www-form-urlencoded";

    private final Browser browser;
    private final String tool;
    private final String session;
    private Duration reading = Duration.ZERO;

    /** A learner at the tool {@code tool} with the launch token {@code session}. */
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
        Browser.Page page = start(browser, tool, session);
        while (page.uri().getPath().contains("/area/")) {
            pause();
            page = rateAndGoOn(browser, tool, session, page, level);
        }
        return page;
    }

    /** Rates everything at the levels given and submits; returns the result page. */
    public Browser.Page takeIt(ToIntFunction<String> level) {
        return follow(browser, submit(browser, tool, session, rateEverything(level)), "submit");
    }

    /** Rates everything at one level and submits; returns the result page. */
    public Browser.Page takeIt(int everywhere) {
        return takeIt(key -> everywhere);
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

    /** Starts or resumes the self-assessment; returns the area page it lands on. */
    public static Browser.Page start(Browser browser, String tool, String session) {
        return follow(browser, browser.postRaw(tool + "/self-assessment/start", FORM, "s=" + session), "start");
    }

    /** The competency keys an area page asks about, in page order. */
    public static Set<String> competencies(Browser.Page area) {
        return area.document().select("input[type=radio][name^=level.]").stream()
                .map(radio -> radio.attr("name").substring("level.".length()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The form fields that rate every competency of an area page at the level {@code level} gives it. */
    public static String ratings(Browser.Page area, ToIntFunction<String> level) {
        return competencies(area).stream().map(key -> "level." + key + "=" + level.applyAsInt(key))
                .collect(Collectors.joining("&"));
    }

    /** Rates the area shown and presses "next"; returns the page that follows (the next area, or the review). */
    public static Browser.Page rateAndGoOn(Browser browser, String tool, String session, Browser.Page area,
                                           ToIntFunction<String> level) {
        return follow(browser, browser.postRaw(tool + area.uri().getPath(), FORM, "s=" + session + "&"
                + ratings(area, level) + "&go=next"), "rate " + area.uri().getPath());
    }

    /** From the page shown, rates every area up to the review at the levels given; returns the review page. */
    public static Browser.Page rateTheRest(Browser browser, String tool, String session, Browser.Page page,
                                           ToIntFunction<String> level) {
        while (page.uri().getPath().contains("/area/")) {
            page = rateAndGoOn(browser, tool, session, page, level);
        }
        return page;
    }

    /** Starts or resumes and rates every competency at the levels given; returns the review page. */
    public static Browser.Page rateEverything(Browser browser, String tool, String session,
                                              ToIntFunction<String> level) {
        return rateTheRest(browser, tool, session, start(browser, tool, session), level);
    }

    /** Submits the assessment of this review page; returns the submit's own answer (a redirect to the result). */
    public static Browser.Page submit(Browser browser, String tool, String session, Browser.Page review) {
        return browser.postRaw(tool + review.uri().getPath().replace("/review", "/submit"), FORM, "s=" + session);
    }

    /** Rates every competency at one level and submits; returns the result page. */
    public static Browser.Page assess(Browser browser, String tool, String session, int level) {
        Browser.Page review = rateEverything(browser, tool, session, key -> level);
        return follow(browser, submit(browser, tool, session, review), "submit");
    }

    private static Browser.Page follow(Browser browser, Browser.Page redirect, String step) {
        if (redirect.status() != 303) {
            throw new IllegalStateException(step + " answered " + redirect.status() + ": " + redirect.text());
        }
        return browser.follow(redirect);
    }
}
