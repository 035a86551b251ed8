package com.essentialslti.lti.services;

/**
 * The platform could not be reached or could not answer now: a network error, a timeout, a 5xx or a 429. Trying
 * again later (with backoff) may succeed.
 */
public final class ServiceUnavailable extends ServiceFailure {

    public ServiceUnavailable(String message, int status, String answer) {
        super(message, status, answer, null);
    }

    public ServiceUnavailable(String message, Throwable cause) {
        super(message + " (" + cause.getClass().getSimpleName() + ")", 0, "", cause);
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
