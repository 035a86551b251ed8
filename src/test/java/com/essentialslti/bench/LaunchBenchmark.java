package com.essentialslti.bench;

import com.essentialslti.testing.Browser;
import com.essentialslti.testing.PlatformSimulator;
import com.essentialslti.testing.ToolProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The launch benchmark: starts the uber jar (cold start measured to /health/ready), then drives complete LTI 1.3
 * launches (login initiation, the simulator's authorization endpoint, the id_token POST, the first page) from a
 * simulated platform over real HTTP at a chosen concurrency. Prints launches/s, p50/p95/p99 latency, the tool's CPU
 * time per launch (from /proc, the tool's process only) and the errors.
 *
 * <p>The default warm-up is long on purpose: on two cores the JIT's one C2 thread is still compiling Payara's large
 * code base after 25,000 launches (0.4 to 0.7 ms of compiler CPU per launch then), and settles by about 80,000.
 *
 * <pre>mvn -q -DskipTests package && mvn -q exec:java@launch-benchmark -Dbench.launches=5000 -Dbench.concurrency=8</pre>
 */
public final class LaunchBenchmark {

    public static void main(String[] args) throws Exception {
        int launches = Integer.getInteger("bench.launches", 5000);
        int concurrency = Integer.getInteger("bench.concurrency", 8);
        int warmup = Integer.getInteger("bench.warmup", 80_000);
        int users = Integer.getInteger("bench.users", 1000);
        int toolPort = Integer.getInteger("bench.port", 38080);
        int platformPort = Integer.getInteger("bench.platformPort", 38181);
        Path jar = Path.of(System.getProperty("bench.jar", "target/essentials-lti-microbundle.jar"));

        BenchmarkDirectory workDirectory = BenchmarkDirectory.create("launch-benchmark");
        Path work = workDirectory.path;
        Path config = work.resolve("config/platforms");
        Files.createDirectories(config);
        Files.writeString(config.resolve("simulator.json"),
                PlatformSimulator.registrationFile("Benchmark platform", platformPort));

        try (workDirectory;
             PlatformSimulator platform = new PlatformSimulator(platformPort, "http://localhost:" + toolPort);
             ToolProcess tool = ToolProcess.startAsReadme(jar, extraJvmOptions(), toolPort, work.resolve("data"),
                     work.resolve("config"), work.resolve("tool.log"))) {
            System.out.printf("cold start to ready: %d ms (log: %s)%n", tool.readyMillis, work.resolve("tool.log"));

            run(tool, platform, warmup, concurrency, users, "warm-up");
            long cpuBefore = tool.cpuNanos();
            Map<String, Long> threadsBefore = tool.cpuTicksByThread();
            long started = System.nanoTime();
            Result result = run(tool, platform, launches, concurrency, users, "measured");
            double seconds = (System.nanoTime() - started) / 1e9;
            long cpu = tool.cpuNanos() - cpuBefore;

            long[] sorted = result.latenciesNanos.clone();
            Arrays.sort(sorted);
            System.out.printf("launches: %d at concurrency %d, errors: %d%n", launches, concurrency, result.errors);
            System.out.printf("throughput: %.1f launches/s%n", launches / seconds);
            System.out.printf("latency per complete launch: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted[sorted.length - 1] / 1e6);
            System.out.printf("tool CPU per launch: %.3f ms (%.1f s CPU over %.1f s)%n",
                    cpu / 1e6 / launches, cpu / 1e9, seconds);
            if (Boolean.getBoolean("bench.threads")) {
                Map<String, Long> threadsAfter = tool.cpuTicksByThread();
                threadsAfter.entrySet().stream()
                        .map(e -> Map.entry(e.getKey(), e.getValue() - threadsBefore.getOrDefault(e.getKey(), 0L)))
                        .filter(e -> e.getValue() > 0)
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                        .limit(15)
                        .forEach(e -> System.out.printf("  %6d ms CPU  %s%n", e.getValue() * 10, e.getKey()));
            }
            if (!result.firstErrors.isEmpty()) {
                System.out.println("first errors: " + result.firstErrors);
            }
        }
        System.exit(0); // HTTP client threads would keep exec:java waiting
    }

    record Result(long[] latenciesNanos, int errors, List<String> firstErrors) {
    }

    static Result run(ToolProcess tool, PlatformSimulator platform, int launches, int concurrency, int users,
                      String phase) throws Exception {
        long[] latencies = new long[launches];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        List<String> firstErrors = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                Browser browser = new Browser(); // one browser per worker, as on a shared computer: it keeps its connections
                int i;
                while ((i = next.getAndIncrement()) < launches) {
                    long t0 = System.nanoTime();
                    try {
                        String failure = launchOnce(browser, tool.baseUrl, platform, "bench-user-" + (i % users));
                        if (failure != null) {
                            errors.incrementAndGet();
                            if (firstErrors.size() < 5) {
                                firstErrors.add(failure);
                            }
                        }
                    } catch (RuntimeException e) {
                        errors.incrementAndGet();
                        if (firstErrors.size() < 5) {
                            firstErrors.add(e.toString());
                        }
                    }
                    latencies[i] = System.nanoTime() - t0;
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        System.out.printf("%s: %d launches, %d errors%s%n", phase, launches, errors.get(),
                firstErrors.isEmpty() ? "" : " (first: " + firstErrors.get(0) + ")");
        return new Result(latencies, errors.get(), firstErrors);
    }

    /** One complete launch; null when the learner reached the first page. */
    static String launchOnce(Browser browser, String tool, PlatformSimulator platform, String user) {
        Browser.Page redirect = browser.post(tool + "/lti/login", platform.loginFor(user));
        if (redirect.status() != 302) {
            return "login " + redirect.status();
        }
        Browser.Page authorization = browser.get(redirect.location().orElseThrow());
        if (authorization.status() != 200) {
            return "authorization " + authorization.status();
        }
        Browser.Page firstPage = browser.submit(authorization.form()); // the launch answers with the first page
        if (firstPage.status() != 200 || !firstPage.body().contains("<h1>")) {
            return "launch " + firstPage.status() + " " + firstPage.text();
        }
        return null;
    }

    /** bench.jvmArgs: extra JVM options for the tool, e.g. a JFR recording. */
    private static List<String> extraJvmOptions() {
        String extra = System.getProperty("bench.jvmArgs", "");
        return extra.isBlank() ? List.of() : List.of(extra.trim().split("\\s+"));
    }

    private static double pct(long[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
