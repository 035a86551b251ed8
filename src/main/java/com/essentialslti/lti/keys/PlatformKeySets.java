package com.essentialslti.lti.keys;

import com.essentialslti.infra.LogValues;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The platforms' public key sets, fetched from each registration's key set URL and cached. A token that names a
 * kid the cache does not hold makes one refetch, so key rotation on the platform just works; refetches of one URL
 * are at least {@code minRefetchInterval} apart, so a flood of bogus kids cannot make the tool hammer the platform.
 */
public final class PlatformKeySets {

    private static final Logger LOG = Logger.getLogger(PlatformKeySets.class.getName());
    static final int MAX_KEY_SET_BYTES = 256 * 1024;

    /** The platform's key set could not be fetched or read. */
    public static final class Unavailable extends Exception {
        public Unavailable(String message) {
            super(message);
        }
    }

    private record Cached(JWKSet keys, Instant fetchedAt) {
    }

    private final HttpClient http;
    private final Clock clock;
    private final Duration maxAge;
    private final Duration minRefetchInterval;
    private final Map<URI, Cached> cache = new ConcurrentHashMap<>();
    private final Map<URI, Instant> lastAttempt = new ConcurrentHashMap<>();
    private final Map<URI, Object> locks = new ConcurrentHashMap<>();

    public PlatformKeySets(HttpClient http, Clock clock, Duration maxAge, Duration minRefetchInterval) {
        this.http = http;
        this.clock = clock;
        this.maxAge = maxAge;
        this.minRefetchInterval = minRefetchInterval;
    }

    /** The platform key with this kid, refetching the key set once (rate-limited) when the cache lacks it. */
    public Optional<JWK> key(URI keySetUrl, String kid) throws Unavailable {
        Cached cached = cache.get(keySetUrl);
        if (cached != null) {
            JWK key = cached.keys().getKeyByKeyId(kid);
            if (key != null && fresh(cached, clock.instant())) {
                return Optional.of(key); // the hot path: no lock
            }
        }
        synchronized (locks.computeIfAbsent(keySetUrl, url -> new Object())) {
            Instant now = clock.instant();
            Cached current = cache.get(keySetUrl); // another request may have fetched while this one waited
            JWK known = current == null ? null : current.keys().getKeyByKeyId(kid);
            if (known != null && fresh(current, now)) {
                return Optional.of(known);
            }
            if (!mayFetch(keySetUrl, now)) {
                if (current == null) {
                    throw new Unavailable("the key set URL " + keySetUrl + " failed moments ago; not asking again yet");
                }
                return Optional.ofNullable(known);
            }
            try {
                Cached fetched = new Cached(fetch(keySetUrl), now);
                cache.put(keySetUrl, fetched);
                return Optional.ofNullable(fetched.keys().getKeyByKeyId(kid));
            } catch (Unavailable e) {
                if (current != null) { // keep serving the keys we have while the platform is unreachable
                    LOG.warning("event=keyset.refetch.failed url=" + LogValues.quote(keySetUrl) + " reason="
                            + LogValues.quote(e.getMessage()));
                    return Optional.ofNullable(known);
                }
                throw e;
            }
        }
    }

    private boolean fresh(Cached cached, Instant now) {
        return cached.fetchedAt().plus(maxAge).isAfter(now);
    }

    private boolean mayFetch(URI url, Instant now) {
        Instant last = lastAttempt.get(url);
        return last == null || !last.plus(minRefetchInterval).isAfter(now);
    }

    private JWKSet fetch(URI url) throws Unavailable {
        lastAttempt.put(url, clock.instant());
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(url)
                            .timeout(Duration.ofSeconds(5))
                            .header("Accept", "application/json")
                            .GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw new Unavailable("the key set URL " + url + " answered HTTP " + response.statusCode());
                }
                body = atMost(in, MAX_KEY_SET_BYTES, url);
            }
            JWKSet set = JWKSet.parse(new String(body, java.nio.charset.StandardCharsets.UTF_8));
            LOG.info("event=keyset.fetched url=" + LogValues.quote(url) + " keys=" + set.getKeys().size());
            return set;
        } catch (java.text.ParseException e) {
            throw new Unavailable("the key set at " + url + " is not a JSON Web Key Set");
        } catch (IOException e) {
            throw new Unavailable("the key set URL " + url + " could not be reached (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while fetching " + url);
        }
    }

    /**
     * The body, read only up to {@code max} bytes: a key set that goes on (a huge or endless body) is refused as
     * soon as it passes the cap, and closing the stream drops the connection, so it never fills the memory.
     */
    private static byte[] atMost(InputStream in, int max, URI url) throws IOException, Unavailable {
        byte[] body = in.readNBytes(max + 1);
        if (body.length > max) {
            throw new Unavailable("the key set at " + url + " is larger than " + max / 1024 + " KiB");
        }
        return body;
    }
}
