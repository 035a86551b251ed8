package com.essentialslti.lti.services;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How the platform answered one score POST: its status, the start of its body (at most 2000 characters) and when it
 * asked to be tried again, for the caller to decide what happens to the score next.
 */
public record Delivery(int status, String answer, Optional<Duration> retryAfter) {

    /**
     * A {@code Retry-After} header (RFC 9110 §10.2.3): seconds, or an HTTP date; empty when absent, unreadable or
     * already past. A platform that limits its rate says when it takes requests again.
     */
    public static Optional<Duration> retryAfter(Optional<String> header, Instant now) {
        return header.map(String::strip).flatMap(value -> {
            if (value.matches("\\d{1,9}")) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            }
            try {
                Instant at = java.time.ZonedDateTime.parse(value,
                        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return at.isAfter(now) ? Optional.of(Duration.between(now, at)) : Optional.empty();
            } catch (java.time.format.DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

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
