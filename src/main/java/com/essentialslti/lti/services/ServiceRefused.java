package com.essentialslti.lti.services;

/**
 * The platform answered and said no: a client it does not know, a scope it does not grant, a request it will not
 * take. Trying again gives the same answer until the registration or the platform's configuration changes.
 */
public final class ServiceRefused extends ServiceFailure {

    private final boolean toolRefused;

    public ServiceRefused(String message, int status, String answer) {
        this(message, status, answer, false);
    }

    /**
     * @param toolRefused the platform refused the tool itself (its token request, or a fresh token with 401), not
     *                    this one request
     */
    public ServiceRefused(String message, int status, String answer, boolean toolRefused) {
        super(message, status, answer, null);
        this.toolRefused = toolRefused;
    }

    /**
     * Whether the platform refused the tool rather than the request: its client assertion, key or registration.
     * Every request to that platform gets the same answer until an administrator mends the registration, or until
     * the platform can fetch the tool's key set (it cannot while the tool is still starting): work that can wait,
     * such as a score, is better tried again later than given up.
     */
    public boolean toolRefused() {
        return toolRefused;
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
