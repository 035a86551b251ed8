package com.essentialslti.system;

import com.essentialslti.testing.Browser.Page;
import com.essentialslti.testing.Browser;
import com.essentialslti.testing.LoginFlood;
import com.essentialslti.testing.PlatformSimulator;
import com.essentialslti.testing.ToolProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What anyone on the internet can send before a platform vouches for them: anonymous logins. The uber jar behind a
 * trusted proxy (this test, on loopback, with X-Forwarded-For) and a low rate limit: a flood of logins from many
 * addresses writes nothing, one address over its limit gets the tool's 429 page, and a real launch still works.
 */
class AnonymousTrafficIT {

    static final int TOOL_PORT = 38380;
    static final int PLATFORM_PORT = 38381;
    static final String TOOL = "http://localhost:" + TOOL_PORT;

    @TempDir
    static Path work;
    static PlatformSimulator platform;
    static ToolProcess tool;

    @BeforeAll
    static void start() throws Exception {
        Path platforms = Files.createDirectories(work.resolve("config/platforms"));
        Files.writeString(platforms.resolve("simulator.json"),
                PlatformSimulator.registrationFile("Flood test platform", PLATFORM_PORT));
        platform = new PlatformSimulator(PLATFORM_PORT, TOOL);
        Path jar = Path.of(System.getProperty("essentials.jar", "target/essentials-lti-microbundle.jar"));
        tool = ToolProcess.start(jar, TOOL_PORT, work.resolve("data"), work.resolve("config"),
                work.resolve("tool.log"), Map.of("SANDBOX", "off", "RATE_LIMIT_PER_SECOND", "20",
                        "TRUSTED_PROXIES", "127.0.0.1,::1"));
    }

    @AfterAll
    static void stop() throws Exception {
        tool.close();
        platform.close();
    }

    @Test
    void aFloodOfAnonymousLoginsWritesNothingAndARealLaunchStillWorks() throws Exception {
        Path database = work.resolve("data/essentials.mv.db");
        assertThat(launch("before-the-flood", "203.0.113.1").status()).isEqualTo(200);
        long before = Files.size(database);

        Map<Integer, Integer> statuses = LoginFlood.send(TOOL, 2_000, 2048, 4, LoginFlood::distinctClient);

        assertThat(statuses).as("every login got its redirect to the platform").containsExactly(Map.entry(302, 2_000));
        Thread.sleep(1500); // past H2's write delay: anything written would be in the file now
        assertThat(Files.size(database) - before).as("bytes the flood added to the database").isLessThan(256 * 1024);
        assertThat(launch("after-the-flood", "203.0.113.2").status()).isEqualTo(200);
    }

    @Test
    void oneAddressOverItsLimitGetsThe429PageAndOthersAreNotHeldUp() throws Exception {
        Map<Integer, Integer> statuses = LoginFlood.send(TOOL, 120, 16, 2, i -> "203.0.113.50");

        assertThat(statuses.getOrDefault(302, 0)).as("the burst of twice the rate passes").isBetween(40, 80);
        assertThat(statuses.getOrDefault(429, 0)).isPositive();

        Browser limited = new Browser();
        Page refused = null;
        for (int i = 0; i < 100 && (refused == null || refused.status() != 429); i++) { // the bucket refills meanwhile
            refused = limited.send(HttpRequest.newBuilder(URI.create(TOOL + "/lti/login"))
                    .header("X-Forwarded-For", "203.0.113.50").header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(Browser.encode(platform.loginFor("limited")))));
        }
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.text()).contains("Too many requests").contains("RATE_LIMIT_PER_SECOND")
                .contains(refused.headers().firstValue("X-Correlation-Id").orElseThrow());
        int trailingSlashRefused = 0;
        for (int i = 0; i < 100 && trailingSlashRefused == 0; i++) {
            Page otherPath = limited.send(HttpRequest.newBuilder(URI.create(TOOL + "/lti/login/"))
                    .header("X-Forwarded-For", "203.0.113.50").header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(Browser.encode(platform.loginFor("limited")))));
            trailingSlashRefused += otherPath.status() == 429 ? 1 : 0;
        }
        assertThat(trailingSlashRefused).as("a trailing slash reaches the same limit").isEqualTo(1);

        assertThat(launch("another-address", "203.0.113.51").status()).isEqualTo(200);
    }

    /** A complete launch through the tool's trusted proxy from one client address. */
    private static Page launch(String user, String client) {
        Browser browser = new Browser();
        Page redirect = browser.send(HttpRequest.newBuilder(URI.create(TOOL + "/lti/login"))
                .header("X-Forwarded-For", client).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Browser.encode(platform.loginFor(user)))));
        assertThat(redirect.status()).as(redirect.body()).isEqualTo(302);
        Browser.Form form = browser.get(redirect.location().orElseThrow()).form();
        return browser.send(HttpRequest.newBuilder(URI.create(form.action()))
                .header("X-Forwarded-For", client).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Browser.encode(form.fields()))));
    }
}
