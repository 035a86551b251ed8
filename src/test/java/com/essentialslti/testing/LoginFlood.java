package com.essentialslti.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Anonymous login initiations, as anyone on the internet can send them: the registered issuer and client ID (both
 * public), long hints, and half of them naming a deployment the tool does not know. No platform is involved, no
 * launch follows. Each login comes through the tool's trusted proxy from an address chosen by {@code clientOf}.
 * Bounded in count and time; loopback only.
 */
public final class LoginFlood {

    private LoginFlood() {
    }

    /** Sends {@code logins} logins on {@code concurrency} connections; returns how many got each status. */
    public static Map<Integer, Integer> send(String toolUrl, int logins, int hintLength, int concurrency,
                                             IntFunction<String> clientOf) throws InterruptedException {
        String hint = "h".repeat(hintLength);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        for (int w = 0; w < concurrency; w++) {
            pool.submit(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
                int i;
                while ((i = next.getAndIncrement()) < logins) {
                    Map<String, String> form = new java.util.LinkedHashMap<>();
                    form.put("iss", PlatformSimulator.ISSUER);
                    form.put("client_id", PlatformSimulator.CLIENT_ID);
                    form.put("login_hint", i + hint);
                    form.put("lti_message_hint", hint + i);
                    form.put("target_link_uri", toolUrl + "/lti/launch");
                    form.put("lti_deployment_id", i % 2 == 0 ? PlatformSimulator.DEPLOYMENT_ID : "flood-" + i);
                    HttpRequest request = HttpRequest.newBuilder(URI.create(toolUrl + "/lti/login"))
                            .timeout(Duration.ofSeconds(20))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("X-Forwarded-For", clientOf.apply(i))
                            .POST(HttpRequest.BodyPublishers.ofString(Browser.encode(form))).build();
                    int status;
                    try {
                        status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                        status = -1;
                    }
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                }
                return null;
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
            pool.shutdownNow();
        }
        Map<Integer, Integer> counts = new TreeMap<>();
        statuses.forEach((status, count) -> counts.put(status, count.get()));
        return counts;
    }

    /** A distinct documentation-range address per login (198.18.0.0/15, for benchmarks), so no bucket fills. */
    public static String distinctClient(int i) {
        return "198.18." + ((i >> 8) & 0xff) + "." + (i & 0xff);
    }
}
