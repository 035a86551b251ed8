package com.essentialslti.bench;

import com.essentialslti.testing.Browser;
import com.essentialslti.testing.LoginFlood;
import com.essentialslti.testing.PlatformSimulator;
import com.essentialslti.testing.ToolProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The flood benchmark (issue 13): anonymous logins with long hints, half naming unknown deployments, against the
 * uber jar on its embedded database, from many client addresses behind the tool's trusted proxy (so the rate limit
 * does not hide what the logins themselves cost). Prints how much the database file grew, the statuses, and
 * whether a complete launch right after the flood is accepted. Target: at most 16 MB for 20,000 logins with 2 KB
 * hints.
 *
 * <pre>mvn -q -DskipTests package && mvn -q exec:java@flood-benchmark -Dbench.logins=20000</pre>
 */
public final class LoginFloodBenchmark {

    public static void main(String[] args) throws Exception {
        int logins = Integer.getInteger("bench.logins", 20_000);
        int hintLength = Integer.getInteger("bench.hintLength", 2048);
        int concurrency = Integer.getInteger("bench.concurrency", 8);
        int toolPort = Integer.getInteger("bench.port", 38080);
        int platformPort = Integer.getInteger("bench.platformPort", 38181);
        Path jar = Path.of(System.getProperty("bench.jar", "target/essentials-lti-microbundle.jar"));
        String toolUrl = "http://localhost:" + toolPort;

        BenchmarkDirectory workDirectory = BenchmarkDirectory.create("flood-benchmark");
        Path work = workDirectory.path;
        Path config = Files.createDirectories(work.resolve("config/platforms"));
        Files.writeString(config.resolve("simulator.json"),
                PlatformSimulator.registrationFile("Benchmark platform", platformPort));

        try (workDirectory;
             PlatformSimulator platform = new PlatformSimulator(platformPort, toolUrl);
             ToolProcess tool = ToolProcess.start(jar, toolPort, work.resolve("data"), work.resolve("config"),
                     work.resolve("tool.log"), Map.of("SANDBOX", "off", "TRUSTED_PROXIES", "127.0.0.1,::1"))) {
            Path database = work.resolve("data/essentials.mv.db");
            Thread.sleep(2000); // the start's own writes settle
            long before = Files.size(database);
            long started = System.nanoTime();
            Map<Integer, Integer> statuses = LoginFlood.send(toolUrl, logins, hintLength, concurrency,
                    LoginFlood::distinctClient);
            double seconds = (System.nanoTime() - started) / 1e9;
            Thread.sleep(2000); // past H2's write delay
            long grown = Files.size(database) - before;

            Browser browser = new Browser();
            Browser.Page redirect = browser.post(toolUrl + "/lti/login", platform.loginFor("after-the-flood"));
            Browser.Page launched = browser.submit(browser.get(redirect.location().orElseThrow()).form());

            System.out.printf("logins: %d with %d-character hints in %.1f s (%.0f/s), statuses %s%n",
                    logins, hintLength, seconds, logins / seconds, statuses);
            System.out.printf("database growth: %.2f MB (target at most 16 MB)%n", grown / 1e6);
            System.out.printf("a launch right after the flood: %s%n",
                    launched.status() == 200 ? "accepted" : "refused with " + launched.status());
        }
        System.exit(0);
    }
}
