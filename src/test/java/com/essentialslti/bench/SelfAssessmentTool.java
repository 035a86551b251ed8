package com.essentialslti.bench;

import com.essentialslti.lti.claims.LtiClaim;
import com.essentialslti.testing.Browser;
import com.essentialslti.testing.IdTokenBuilder;
import com.essentialslti.testing.PlatformSimulator;
import com.essentialslti.testing.ToolProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/**
 * The uber jar (started with the README's options, its GC logged) and the platform simulator, with every launch
 * going to one self-assessment link of one course: what the self-assessment benchmarks share.
 */
final class SelfAssessmentTool implements AutoCloseable {

    static final String LINK = "bench-self-assessment";

    /** A member after a launch: their browser and launch token. */
    record Member(Browser browser, String session) {
    }

    final BenchmarkDirectory directory;
    final PlatformSimulator platform;
    final ToolProcess tool;
    final Path log;
    final Path gcLog;

    private SelfAssessmentTool(BenchmarkDirectory directory, PlatformSimulator platform, ToolProcess tool, Path log,
                               Path gcLog) {
        this.directory = directory;
        this.platform = platform;
        this.tool = tool;
        this.log = log;
        this.gcLog = gcLog;
    }

    static SelfAssessmentTool start(String name) throws Exception {
        int toolPort = Integer.getInteger("bench.port", 38480);
        int platformPort = Integer.getInteger("bench.platformPort", 38481);
        Path jar = Path.of(System.getProperty("bench.jar", "target/essentials-lti-microbundle.jar"));
        BenchmarkDirectory directory = BenchmarkDirectory.create(name);
        Path config = Files.createDirectories(directory.resolve("config/platforms"));
        Files.writeString(config.resolve("simulator.json"),
                PlatformSimulator.registrationFile("Benchmark platform", platformPort));
        Path log = directory.resolve("tool.log");
        Path gcLog = directory.resolve("gc.log");
        System.out.println("tool log: " + log + " (deleted at the end; -Dbench.keep=true keeps it)");
        List<String> jvm = new ArrayList<>(List.of(GcPauses.logOption(gcLog)));
        String extra = System.getProperty("bench.jvmArgs", "").strip();
        if (!extra.isEmpty()) {
            jvm.addAll(List.of(extra.split("\\s+")));
        }
        PlatformSimulator platform = new PlatformSimulator(platformPort, "http://localhost:" + toolPort);
        ToolProcess tool = ToolProcess.startAsReadme(jar, jvm, toolPort, directory.resolve("data"),
                directory.resolve("config"), log);
        platform.everyLaunch(t -> t.roles(IdTokenBuilder.LEARNER)
                .with(LtiClaim.RESOURCE_LINK, Map.of("id", LINK, "title", "Competency self-assessment"))
                .with(LtiClaim.CONTEXT, Map.of("id", "bench-course", "title", "Essentials (benchmark)"))
                .with(LtiClaim.CUSTOM, Map.of("activity", "self-assessment")));
        return new SelfAssessmentTool(directory, platform, tool, log, gcLog);
    }

    /** Launches a learner at the link (concurrent launches are safe); returns their launch token. */
    Member learner(String user) {
        return launch(user);
    }

    /** Launches a trainer at the link: not while learners launch (the platform changes the next launch only). */
    Member trainer(String user) {
        platform.nextLaunch(t -> t.roles(IdTokenBuilder.INSTRUCTOR).with("name", "Trainer " + user));
        return launch(user);
    }

    private Member launch(String user) {
        Browser browser = new Browser();
        Browser.Page redirect = browser.post(tool.baseUrl + "/lti/login", platform.loginFor(user));
        Browser.Page landing = browser.submit(browser.get(redirect.location().orElseThrow()).form());
        if (landing.status() != 200) {
            throw new IllegalStateException("the launch of " + user + " answered " + landing.status());
        }
        return new Member(browser, landing.document().selectFirst("input[name=s]").val());
    }

    /** Runs {@code work} for 0 to count-1 on {@code concurrency} threads; prints the phase and its errors. */
    static void concurrently(String phase, int count, int concurrency, IntPredicate work) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> workers = new ArrayList<>();
        long started = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < count) {
                    try {
                        if (!work.test(i)) {
                            errors.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        errors.incrementAndGet();
                        System.out.println("error: " + phase + " " + i + ": " + e);
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        System.out.printf("%s: %d in %.1f s, %d errors%n", phase, count, (System.nanoTime() - started) / 1e9,
                errors.get());
    }

    @Override
    public void close() throws Exception {
        try (directory; platform; tool) {
            // closes the tool, then the platform, then deletes the directory
        }
    }
}
