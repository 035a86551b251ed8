package com.essentialslti.lti.registration;

import com.essentialslti.infra.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The sites that may frame the tool (issue 13 §1.6): the origins of the registered platforms, kept in memory. */
class PlatformOriginsTest {

    Database database;
    Registrations registrations;

    @BeforeEach
    void setUp() {
        database = Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        registrations = new Registrations(database, Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    private void register(String issuer, String login) {
        registrations.save(new RegistrationFile("test", "LMS", issuer, "client-" + UUID.randomUUID(),
                URI.create(login), URI.create(issuer + "/token"), URI.create(issuer + "/jwks"), Set.of("1")));
    }

    @Test
    void theIssuerAndLoginOriginsOfEveryRegistration() {
        register("https://canvas.instructure.com", "https://sso.canvaslms.com/api/lti/authorize_redirect");
        register("https://Moodle.example.org/moodle", "https://moodle.example.org:443/mod/lti/auth.php");
        register("https://lms.simulator.test", "http://localhost:28181/auth");

        assertThat(registrations.platformOrigins()).containsExactly("http://localhost:28181",
                "https://canvas.instructure.com", "https://lms.simulator.test", "https://moodle.example.org",
                "https://sso.canvaslms.com");
    }

    @Test
    void theSameListUntilTheRegistrationsChange() {
        register("https://moodle.example.org", "https://moodle.example.org/mod/lti/auth.php");
        var before = registrations.platformOrigins();

        assertThat(registrations.platformOrigins()).isSameAs(before);
        register("https://canvas.instructure.com", "https://sso.canvaslms.com/api/lti/authorize_redirect");
        assertThat(registrations.platformOrigins()).isNotSameAs(before).contains("https://canvas.instructure.com");
    }

    @Test
    void theHostsAPlatformServesItsCoursesFromFrameTheToolToo() {
        registrations.save(new RegistrationFile("test", "Canvas", "https://canvas.instructure.com", "10000000001",
                URI.create("https://sso.canvaslms.com/api/lti/authorize_redirect"),
                URI.create("https://sso.canvaslms.com/login/oauth2/token"),
                URI.create("https://sso.canvaslms.com/api/lti/security/jwks"), Set.of("1"), java.util.Optional.empty(),
                Set.of("school.instructure.com")));

        assertThat(registrations.platformOrigins()).contains("https://school.instructure.com");
    }

    @Test
    void aRetiredPlatformNoLongerFramesTheTool(@org.junit.jupiter.api.io.TempDir java.nio.file.Path config)
            throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createDirectories(config.resolve("platforms"))
                .resolve("simulator.json");
        java.nio.file.Files.writeString(file, com.essentialslti.testing.PlatformSimulator.registrationFile("Gone", 39999));
        registrations.loadFiles(config);
        assertThat(registrations.platformOrigins()).contains("http://127.0.0.1:39999");

        java.nio.file.Files.delete(file);
        registrations.loadFiles(config);

        assertThat(registrations.platformOrigins()).isEmpty();
    }

    @Test
    void noRegistrationNoOrigin() {
        assertThat(registrations.platformOrigins()).isEmpty();
    }
}
