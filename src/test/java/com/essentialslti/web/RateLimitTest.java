package com.essentialslti.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitTest {

    @Test
    void aBurstOfTwiceTheRatePassesThenTheNextIsToldWhenToRetry() {
        RateLimit limit = new RateLimit(50);

        for (int i = 0; i < 100; i++) {
            assertThat(limit.take("lti/launch", "203.0.113.7")).as("request %d", i).isEmpty();
        }

        assertThat(limit.take("lti/launch", "203.0.113.7").orElseThrow()).isBetween(1L, 2L);
    }

    @Test
    void eachAddressAndEndpointHasItsOwnBucket() {
        RateLimit limit = new RateLimit(1);
        limit.take("lti/launch", "203.0.113.7");
        limit.take("lti/launch", "203.0.113.7");

        assertThat(limit.take("lti/launch", "203.0.113.7")).isPresent();
        assertThat(limit.take("lti/login", "203.0.113.7")).isEmpty();
        assertThat(limit.take("lti/launch", "203.0.113.8")).isEmpty();
    }

    @Test
    void aRateBelowOneIsRefused() {
        assertThatThrownBy(() -> new RateLimit(0)).hasMessageContaining("RATE_LIMIT_PER_SECOND");
    }
}
