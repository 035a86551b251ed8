package com.essentialslti.lti.services;

/**
 * How the platform answered one score POST: its status and the start of its body (at most 2000 characters), for the
 * caller to decide what happens to the score next.
 */
public record Delivery(int status, String answer) {

    public enum Outcome {
        /** 2xx: the platform took the score. */
        DELIVERED,
        /** 409: the platform holds a score with the same or a later timestamp (Moodle: at one-second resolution). */
        CONFLICT,
        /** 5xx, 429, 408: the platform may take it later. */
        RETRYABLE,
        /** 401 after a fresh token: the platform refuses the tool, not this score (see ServiceRefused.toolRefused). */
        TOOL_REFUSED,
        /** Any other status (400, 403, 404, 415 ...): sending it again will not help. */
        REFUSED
    }

    public Outcome outcome() {
        if (status >= 200 && status < 300) {
            return Outcome.DELIVERED;
        }
        if (status == 409) {
            return Outcome.CONFLICT;
        }
        if (status == 401) {
            return Outcome.TOOL_REFUSED;
        }
        return ServiceFailure.isTransient(status) ? Outcome.RETRYABLE : Outcome.REFUSED;
    }
}
