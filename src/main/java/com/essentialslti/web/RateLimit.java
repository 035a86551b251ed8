package com.essentialslti.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * A token bucket per client address and endpoint: {@code perSecond} requests a second on average, bursts of twice
 * that. Generous enough for a whole school behind one NAT address starting a lesson at once; what it stops is one
 * address flooding the endpoints that anyone may call. Buckets of addresses that have gone quiet are dropped, and
 * the number kept is bounded.
 */
public final class RateLimit {

    private final long perSecond;
    private final Cache<String, Bucket> buckets;

    public RateLimit(long perSecond) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("RATE_LIMIT_PER_SECOND must be at least 1, not " + perSecond);
        }
        this.perSecond = perSecond;
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofMinutes(1))
                .maximumSize(100_000)
                .build();
    }

    /** Takes one request from the client's bucket: empty when allowed, else the seconds to wait before retrying. */
    public OptionalLong take(String endpoint, String client) {
        Bucket bucket = buckets.get(endpoint + " " + client, key -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(2 * perSecond).refillGreedy(perSecond, Duration.ofSeconds(1))
                        .build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1));
    }
}
