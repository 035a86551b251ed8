package com.essentialslti.system;

import com.essentialslti.testing.Browser;
import com.essentialslti.testing.Browser.Page;
import com.essentialslti.testing.PlatformSimulator;
import com.essentialslti.testing.ToolProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The uber jar, started as an operator starts it, stopped and started again on the same data directory: the
 * tool's keys, its registrations and the users it knows survive the restart.
 */
class RestartIT {

    static final int TOOL_PORT = 38280;
    static final int PLATFORM_PORT = 38281;

    @TempDir
    Path work;

    @Test
    void keysRegistrationsAndUsersSurviveARestart() throws Exception {
        Path jar = Path.of(System.getProperty("essentials.jar", "target/essentials-lti-microbundle.jar"));
        Path platforms = Files.createDirectories(work.resolve("config/platforms"));
        Path registration = platforms.resolve("simulator.json");
        Files.writeString(registration, """
                { "name": "Restart test platform", "issuer": "%s", "client_id": "%s",
                  "auth_login_url": "http://127.0.0.1:%d/auth", "auth_token_url": "http://127.0.0.1:%d/token",
                  "key_set_url": "http://127.0.0.1:%d/jwks", "deployment_ids": ["1"] }
                """.formatted(PlatformSimulator.ISSUER, PlatformSimulator.CLIENT_ID, PLATFORM_PORT, PLATFORM_PORT,
                PLATFORM_PORT));
        String toolUrl = "http://localhost:" + TOOL_PORT;

        try (PlatformSimulator platform = new PlatformSimulator(PLATFORM_PORT, toolUrl)) {
            String jwksBefore;
            try (ToolProcess tool = start(jar, "first.log")) {
                assertThat(new Browser().get(toolUrl + "/sandbox/launch?role=learner").status())
                        .as("SANDBOX=off: the sandbox platform is not there").isEqualTo(404);
                jwksBefore = new Browser().get(toolUrl + "/.well-known/jwks.json").body();
                assertThat(launchAsPat(platform, toolUrl).text()).contains("Pat Learner");
            }

            Files.delete(registration); // the registration now lives in the database alone

            try (ToolProcess tool = start(jar, "second.log")) {
                assertThat(new Browser().get(toolUrl + "/.well-known/jwks.json").body())
                        .as("the same key pair after the restart").isEqualTo(jwksBefore);
                Page home = launchAsPat(platform, toolUrl, b -> b.without("name", "given_name", "family_name", "email"));
                assertThat(home.status()).isEqualTo(200);
                assertThat(home.text()).as("a launch that shares nothing still finds the known user and link")
                        .contains("Learner").contains("Readiness quiz");
            }
        }
    }

    private ToolProcess start(Path jar, String log) throws Exception {
        return ToolProcess.start(jar, TOOL_PORT, work.resolve("data"), work.resolve("config"), work.resolve(log),
                Map.of("SANDBOX", "off"));
    }

    private static Page launchAsPat(PlatformSimulator platform, String toolUrl) {
        return launchAsPat(platform, toolUrl, b -> b);
    }

    private static Page launchAsPat(PlatformSimulator platform, String toolUrl,
                                    java.util.function.UnaryOperator<com.essentialslti.testing.IdTokenBuilder> change) {
        Browser browser = new Browser();
        Page redirect = browser.post(toolUrl + "/lti/login", platform.loginFor("pat-1001"));
        assertThat(redirect.status()).as(redirect.body()).isEqualTo(302);
        platform.nextLaunch(change);
        Page launched = browser.submit(browser.get(redirect.location().orElseThrow()).form());
        assertThat(launched.status()).as(launched.body()).isEqualTo(200);
        return launched;
    }
}
