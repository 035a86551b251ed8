package com.essentialslti.lti.services;

/**
 * The platform answered and said no: a client it does not know, a scope it does not grant, a request it will not
 * take. Trying again gives the same answer until the registration or the platform's configuration changes.
 */
public final class ServiceRefused extends ServiceFailure {

    public ServiceRefused(String message, int status, String answer) {
        super(message, status, answer, null);
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
