package com.essentialslti.testing;

/**
 * A learner taking the readiness quiz over plain HTTP after a launch: start (or resume), every question answered
 * with the option shown at one position, review, submit. Each step must answer with a redirect; anything else
 * stops the learner with an {@link IllegalStateException} naming the step.
 */
public final class QuizTaker {

    static final String FORM = "application/x-www-form-urlencoded";

    private QuizTaker() {
    }

    /** The launch token of a landing page (from its forms). */
    public static String session(Browser.Page landing) {
        return landing.document().selectFirst("input[name=s]").val();
    }

    /** Starts or resumes the attempt and answers each question; returns the review page. */
    public static Browser.Page answerEverything(Browser browser, String tool, String session, int choice) {
        Browser.Page page = follow(browser, browser.postRaw(tool + "/quiz/start", FORM, "s=" + session), "start");
        while (page.uri().getPath().contains("/question/")) {
            page = follow(browser, browser.postRaw(tool + page.uri().getPath(), FORM,
                    "s=" + session + "&choice=" + choice + "&go=next"), "answer");
        }
        return page;
    }

    /** Submits the attempt of this review page; returns the submit's own answer (a redirect to the result). */
    public static Browser.Page submit(Browser browser, String tool, String session, Browser.Page review) {
        return browser.postRaw(tool + review.uri().getPath().replace("/review", "/submit"), FORM, "s=" + session);
    }

    /** Answers every question with the first option shown and submits; returns the result page. */
    public static Browser.Page takeTheQuiz(Browser browser, String tool, String session) {
        Browser.Page review = answerEverything(browser, tool, session, 0);
        return follow(browser, submit(browser, tool, session, review), "submit");
    }

    private static Browser.Page follow(Browser browser, Browser.Page redirect, String step) {
        if (redirect.status() != 303) {
            throw new IllegalStateException(step + " answered " + redirect.status() + ": " + redirect.text());
        }
        return browser.follow(redirect);
    }
}
