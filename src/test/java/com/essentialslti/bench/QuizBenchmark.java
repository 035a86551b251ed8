package com.essentialslti.bench;

import com.essentialslti.lti.claims.LtiClaim;
import com.essentialslti.testing.Browser;
import com.essentialslti.testing.PlatformSimulator;
import com.essentialslti.testing.QuizTaker;
import com.essentialslti.testing.SimulatedGradebook;
import com.essentialslti.testing.ToolProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Learners taking the readiness quiz against the uber jar (started with the README's options) at a chosen
 * concurrency, each from launch to result (overview, start, every question shown and answered, review, submit,
 * result), with the platform simulator's gradebook receiving the grades. Prints the quiz pages' server time
 * (p50/p95/p99, read from the tool's access log) and how long each submitted attempt's score took to reach the
 * platform (p50/p95).
 *
 * <pre>mvn -q -DskipTests package && mvn -q exec:java@quiz-benchmark -Dbench.quizzes=1500 -Dbench.concurrency=8</pre>
 */
public final class QuizBenchmark {

    static final Pattern USER_ID = Pattern.compile("\"userId\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        int quizzes = Integer.getInteger("bench.quizzes", 2000);
        // On two cores the JIT's C2 thread is still compiling after 1,500 quizzes (a fifth to two fifths of a core,
        // and the p99 follows it); by 6,000 it has settled.
        int warmup = Integer.getInteger("bench.warmup", 6000);
        int concurrency = Integer.getInteger("bench.concurrency", 8);
        // How long each learner reads a page before answering; 0 (the default) clicks as fast as the tool answers.
        Duration reading = Duration.ofMillis(Long.getLong("bench.readingMillis", 0));
        int toolPort = Integer.getInteger("bench.port", 38480);
        int platformPort = Integer.getInteger("bench.platformPort", 38481);
        Path jar = Path.of(System.getProperty("bench.jar", "target/essentials-lti-microbundle.jar"));
        BenchmarkDirectory workDirectory = BenchmarkDirectory.create("quiz-benchmark");
        Path work = workDirectory.path;
        Path config = Files.createDirectories(work.resolve("config/platforms"));
        Files.writeString(config.resolve("simulator.json"),
                PlatformSimulator.registrationFile("Benchmark platform", platformPort));
        Path log = work.resolve("tool.log");
        Path gcLog = work.resolve("gc.log");
        System.out.println("tool log: " + log + " (deleted at the end; -Dbench.keep=true keeps it)");
        // bench.postgres=true: the tool on a PostgreSQL server (embedded binaries) that writes every commit to disk
        // before answering it, instead of the embedded H2 database.
        try (workDirectory;
             EmbeddedPostgres postgres = Boolean.getBoolean("bench.postgres") ? EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setServerConfig("log_min_duration_statement", System.getProperty("bench.pgSlowMillis", "-1")).start() : null;
             PlatformSimulator platform = new PlatformSimulator(platformPort, "http://localhost:" + toolPort);
             ToolProcess tool = ToolProcess.startAsReadme(jar, jvmArgs(postgres, gcLog), toolPort, work.resolve("data"),
                     work.resolve("config"), log)) {
            URI lineItem = platform.gradebook().addLineItem("Readiness quiz", 100, "bench-quiz", null, null);
            platform.everyLaunch(t -> platform.withAgs(lineItem).apply(t
                    .with(LtiClaim.RESOURCE_LINK, Map.of("id", "bench-quiz", "title", "Readiness quiz"))
                    .with(LtiClaim.CUSTOM, Map.of("activity", "quiz"))));

            run(tool.baseUrl, platform, "warm-up", 0, warmup, concurrency, Duration.ZERO, new ConcurrentHashMap<>());
            long logFrom = Files.size(log);
            Map<String, Instant> submitted = new ConcurrentHashMap<>();
            long started = System.nanoTime();
            run(tool.baseUrl, platform, "measured", warmup, quizzes, concurrency, reading, submitted);
            double seconds = (System.nanoTime() - started) / 1e9;
            Thread.sleep(2000); // the last scores
            System.out.printf("quizzes: %d at concurrency %d in %.1f s (%.1f quizzes/s)%n", quizzes, concurrency,
                    seconds, quizzes / seconds);
            ServerTimes.read(log, logFrom, "/quiz", (method, path) -> method + " " + kind(path))
                    .print(GcPauses.read(gcLog));
            scoreLatencies(platform.gradebook(), submitted);
        }
    }

    private static void run(String tool, PlatformSimulator platform, String phase, int first, int count,
                            int concurrency, Duration reading, Map<String, Instant> submitted) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                Browser browser = new Browser().reading(reading);
                int i;
                while ((i = next.getAndIncrement()) < count) {
                    String user = "bench-learner-" + (first + i);
                    try {
                        if (!takeTheQuiz(browser, tool, platform, user, submitted)) {
                            errors.incrementAndGet();
                            System.out.println("error: " + user + " did not reach the result page");
                        }
                    } catch (RuntimeException e) {
                        errors.incrementAndGet();
                        System.out.println("error: " + user + ": " + e);
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        System.out.printf("%s: %d quizzes, %d errors%n", phase, count, errors.get());
    }

    private static boolean takeTheQuiz(Browser browser, String tool, PlatformSimulator platform, String user,
                                       Map<String, Instant> submitted) {
        Browser.Page redirect = browser.post(tool + "/lti/login", platform.loginFor(user));
        Browser.Page landing = browser.submit(browser.get(redirect.location().orElseThrow()).form());
        if (landing.status() != 200) {
            return false;
        }
        String session = QuizTaker.session(landing);
        Browser.Page review = QuizTaker.answerEverything(browser, tool, session, 1);
        Browser.Page done = QuizTaker.submit(browser, tool, session, review);
        submitted.put(user, Instant.now());
        return done.status() == 303 && browser.follow(done).status() == 200;
    }

    /**
     * The tool's JVM options: its GC log; extra options (bench.jvmArgs, space-separated), e.g. a JFR recording; the
     * database's.
     */
    private static List<String> jvmArgs(EmbeddedPostgres postgres, Path gcLog) {
        List<String> options = new ArrayList<>(List.of(GcPauses.logOption(gcLog)));
        String extra = System.getProperty("bench.jvmArgs", "").strip();
        if (!extra.isEmpty()) {
            options.addAll(List.of(extra.split("\\s+")));
        }
        if (postgres != null) {
            options.add("-DDB_URL=" + postgres.getJdbcUrl("postgres", "postgres"));
            options.add("-DDB_USER=postgres");
        }
        return options;
    }

    /** The page a quiz path belongs to: overview, start, question, review, submit or result. */
    static String kind(String path) {
        return ServerTimes.page(path);
    }

    private static void scoreLatencies(SimulatedGradebook gradebook, Map<String, Instant> submitted) {
        List<Long> latencies = new ArrayList<>();
        for (SimulatedGradebook.ScorePost post : gradebook.scorePosts()) {
            Matcher user = USER_ID.matcher(post.body());
            if (post.status() < 300 && user.find() && submitted.containsKey(user.group(1))) {
                latencies.add(Math.max(0, post.receivedAt().toEpochMilli()
                        - submitted.get(user.group(1)).toEpochMilli()) * 1000);
            }
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("scores delivered: %d of %d; submit to platform: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                sorted.length, submitted.size(), ServerTimes.pct(sorted, 50), ServerTimes.pct(sorted, 95),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e3);
    }

    private QuizBenchmark() {
    }

}
