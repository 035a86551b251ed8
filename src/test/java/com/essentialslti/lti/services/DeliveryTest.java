package com.essentialslti.lti.services;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A platform's Retry-After, in either of its forms (RFC 9110 §10.2.3). */
class DeliveryTest {

    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void readsSeconds() {
        assertThat(Delivery.retryAfter(Optional.of(" 120 "), NOW)).hasValue(Duration.ofSeconds(120));
    }

    @Test
    void readsAnHttpDate() {
        assertThat(Delivery.retryAfter(Optional.of("Thu, 26 Nov 2026 10:05:00 GMT"), NOW))
                .hasValue(Duration.ofMinutes(5));
    }

    @Test
    void aDatePastOrUnreadableAsksForNothing() {
        assertThat(Delivery.retryAfter(Optional.of("Thu, 26 Nov 2026 09:00:00 GMT"), NOW)).isEmpty();
        assertThat(Delivery.retryAfter(Optional.of("soon"), NOW)).isEmpty();
        assertThat(Delivery.retryAfter(Optional.empty(), NOW)).isEmpty();
    }
}
