package com.essentialslti.lti.services;

/**
 * A call to a platform's service that did not succeed. The two kinds say what a caller should do:
 * {@link ServiceUnavailable} may succeed later, {@link ServiceRefused} will not until someone changes something.
 */
public abstract sealed class ServiceFailure extends Exception permits ServiceUnavailable, ServiceRefused {

    /** The longest part of the platform's answer kept: enough to diagnose, too short to fill a log. */
    static final int MAX_ANSWER_CHARS = 500;

    private final int status;
    private final String answer;

    ServiceFailure(String message, int status, String answer, Throwable cause) {
        super(message + (status == 0 ? "" : " (HTTP " + status + ")")
                + (answer == null || answer.isEmpty() ? "" : ": " + truncate(answer, MAX_ANSWER_CHARS)), cause);
        this.status = status;
        this.answer = answer == null ? "" : truncate(answer, MAX_ANSWER_CHARS);
    }

    /** The HTTP status the platform answered with; 0 when no answer came (connection failed, timed out). */
    public int status() {
        return status;
    }

    /** The start of the platform's answer (at most 500 characters); empty when there was none. */
    public String answer() {
        return answer;
    }

    public abstract boolean retryable();

    /**
     * The failure an HTTP status means: 5xx, 429 (Too Many Requests) and 408 (Request Timeout) may pass, the other
     * statuses will not; 401 (with a fresh token) refuses the tool rather than the request.
     */
    static ServiceFailure forStatus(String message, int status, String answer) {
        return isTransient(status) ? new ServiceUnavailable(message, status, answer)
                : new ServiceRefused(message, status, answer, status == 401);
    }

    /** 5xx, 429 (Too Many Requests) and 408 (Request Timeout): the platform may answer otherwise later. */
    public static boolean isTransient(int status) {
        return status >= 500 || status == 429 || status == 408;
    }

    static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
