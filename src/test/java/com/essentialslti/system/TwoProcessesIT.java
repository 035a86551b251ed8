package com.essentialslti.system;

import com.essentialslti.ToolStartup;
import com.essentialslti.testing.Browser.Page;
import com.essentialslti.testing.Browser;
import com.essentialslti.testing.PlatformSimulator;
import com.essentialslti.testing.ToolProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two tool processes on one PostgreSQL, as behind a load balancer: a login served by one process is launched at
 * the other (the state is sealed, not kept in a process), and a key rotation made through one process is signed
 * with and published by the other within the refresh bound.
 */
class TwoProcessesIT {

    static final int PORT_A = 38480;
    static final int PORT_B = 38482;
    static final int PLATFORM_PORT = 38481;

    @TempDir
    Path work;

    @Test
    void twoProcessesOnOneDatabaseActAsOneTool() throws Exception {
        Path platforms = Files.createDirectories(work.resolve("config/platforms"));
        Files.writeString(platforms.resolve("simulator.json"),
                PlatformSimulator.registrationFile("Two processes platform", PLATFORM_PORT));
        Path jar = Path.of(System.getProperty("essentials.jar", "target/essentials-lti-microbundle.jar"));
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            Map<String, String> env = Map.of("SANDBOX", "off", "OPERATOR_TOKEN", "two-processes-operator-token-0123456789",
                    "DB_URL", postgres.getJdbcUrl("postgres", "postgres"), "DB_USER", "postgres",
                    // One public address for both, as behind the balancer: what the platform knows.
                    "LTI_BASE_URL", "http://localhost:" + PORT_A);
            try (PlatformSimulator platform = new PlatformSimulator(PLATFORM_PORT, "http://localhost:" + PORT_A);
                 ToolProcess a = ToolProcess.start(jar, PORT_A, work.resolve("data-a"), work.resolve("config"),
                         work.resolve("a.log"), env);
                 ToolProcess b = ToolProcess.start(jar, PORT_B, work.resolve("data-b"), work.resolve("config"),
                         work.resolve("b.log"), env)) {

                Browser browser = new Browser();
                Page redirect = browser.post("http://localhost:" + PORT_A + "/lti/login", platform.loginFor("two-a"));
                Browser.Form form = browser.get(redirect.location().orElseThrow()).form();
                String atB = form.action().replace(":" + PORT_A + "/", ":" + PORT_B + "/");
                Page launched = browser.post(atB, form.fields());
                assertThat(launched.status()).as("a login at A launched at B: " + launched.body()).isEqualTo(200);

                Page rotated = new Browser().send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT_A
                                + "/admin/keys/rotate")).header("Authorization", "Bearer " + env.get("OPERATOR_TOKEN"))
                        .POST(HttpRequest.BodyPublishers.noBody()));
                assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
                String newKid = rotated.body().replaceAll(".*\"active_kid\"\\s*:\\s*\"([^\"]+)\".*", "$1");

                String jwksA = jwks(PORT_A);
                assertThat(jwksA).contains(newKid);
                Instant deadline = Instant.now().plus(ToolStartup.KEY_REFRESH).plusSeconds(5);
                while (!jwks(PORT_B).equals(jwksA) && Instant.now().isBefore(deadline)) {
                    Thread.sleep(250);
                }
                assertThat(jwks(PORT_B)).as("B publishes A's rotated key set within the bound").isEqualTo(jwksA);
                assertThat(Files.readString(work.resolve("b.log"))).contains("event=keys.reloaded active_kid=" + newKid);
            }
        }
    }

    private static String jwks(int port) {
        return new Browser().get("http://localhost:" + port + "/.well-known/jwks.json").body();
    }
}
