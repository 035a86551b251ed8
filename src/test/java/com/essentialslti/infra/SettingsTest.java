package com.essentialslti.infra;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {

    private static Settings settings(String baseUrl, Settings.SandboxMode sandbox) {
        return withOperatorToken(baseUrl, sandbox, Optional.empty());
    }

    private static Settings withOperatorToken(String baseUrl, Settings.SandboxMode sandbox, Optional<String> token) {
        return new Settings(URI.create(baseUrl), Path.of("data"), Path.of("lti-config"), "jdbc:h2:mem:x", "sa", "",
                sandbox, Duration.ofDays(7), Duration.ofMinutes(120), 10,
                Duration.ofSeconds(10), token, true, java.util.List.of(), 100);
    }

    private static Settings withOperatorToken(String token) {
        return withOperatorToken("https://lti.example.edu", Settings.SandboxMode.OFF, Optional.of(token));
    }

    @Test
    void anOperatorTokenShorterThan32CharactersStopsTheStartSayingWhy() {
        assertThatThrownBy(() -> withOperatorToken("x".repeat(31)).requireStrongOperatorToken())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("OPERATOR_TOKEN must be at least 32 characters (it has 31)")
                .hasMessageNotContaining("xxxx");
        assertThat(withOperatorToken("it-operator-token").operatorApiEnabled()).isFalse();
    }

    @Test
    void anOperatorTokenOf32CharactersOrNoneAtAllStarts() {
        assertThatCode(() -> withOperatorToken("x".repeat(32)).requireStrongOperatorToken())
                .doesNotThrowAnyException();
        assertThat(withOperatorToken("x".repeat(32)).operatorApiEnabled()).isTrue();
        assertThatCode(() -> settings("https://lti.example.edu", Settings.SandboxMode.OFF)
                .requireStrongOperatorToken()).doesNotThrowAnyException();
    }

    @Test
    void theSandboxIsOnByDefaultForALocalhostTool() {
        assertThat(settings("http://localhost:8080", Settings.SandboxMode.AUTO).sandboxEnabled()).isTrue();
        assertThat(settings("http://127.0.0.1:8080", Settings.SandboxMode.AUTO).sandboxEnabled()).isTrue();
    }

    @Test
    void theSandboxIsOffByDefaultForAPublicTool() {
        assertThat(settings("https://lti.example.edu", Settings.SandboxMode.AUTO).sandboxEnabled()).isFalse();
    }

    @Test
    void forcingTheSandboxOnAPublicToolIsAllowedAndMarked() {
        Settings forced = settings("https://lti.example.edu", Settings.SandboxMode.ON);
        assertThat(forced.sandboxEnabled()).isTrue();
        assertThat(forced.sandboxForced()).isTrue();
        assertThat(settings("http://localhost:8080", Settings.SandboxMode.ON).sandboxForced()).isFalse();
    }

    @Test
    void theSandboxCanBeTurnedOffEvenOnLocalhost() {
        assertThat(settings("http://localhost:8080", Settings.SandboxMode.OFF).sandboxEnabled()).isFalse();
    }

    @Test
    void urlsDeriveFromTheBaseUrlWithoutADoubleSlash() {
        Settings s = settings("https://lti.example.edu/", Settings.SandboxMode.AUTO);
        assertThat(s.url("/lti/launch")).isEqualTo(URI.create("https://lti.example.edu/lti/launch"));
        assertThat(s.baseUrlIsHttps()).isTrue();
    }

    @Test
    void theEmbeddedDatabaseIsAFileInTheDataDirectory() {
        assertThat(Settings.embeddedDbUrl(Path.of("/var/lib/essentials")))
                .startsWith("jdbc:h2:file:/var/lib/essentials/essentials");
    }
}
