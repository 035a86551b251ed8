package com.essentialslti.infra;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {

    private static Settings settings(String baseUrl, Settings.SandboxMode sandbox) {
        return settings(baseUrl, sandbox, true);
    }

    private static Settings settings(String baseUrl, Settings.SandboxMode sandbox, boolean baseUrlConfigured) {
        return new Settings(URI.create(baseUrl), Path.of("data"), Path.of("lti-config"), "jdbc:h2:mem:x", "sa", "",
                sandbox, Duration.ofDays(7), Duration.ofMinutes(120), 10,
                Duration.ofSeconds(10), Optional.empty(), baseUrlConfigured, java.util.List.of(), 100);
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
    void theSandboxIsOnByDefaultForAToolSetUpOnLocalhost() {
        assertThat(settings("http://localhost:8080", Settings.SandboxMode.AUTO).sandboxEnabled()).isTrue();
        assertThat(settings("http://127.0.0.1:8080", Settings.SandboxMode.AUTO).sandboxEnabled()).isTrue();
    }

    @Test
    void theSandboxStaysOffByDefaultWhenLtiBaseUrlWasNotSet() {
        // A bare "docker run" on a public host: the default base URL is localhost, but nobody said the tool is local.
        Settings unset = settings("http://localhost:8080", Settings.SandboxMode.AUTO, false);

        assertThat(unset.sandboxEnabled()).isFalse();
    }

    @Test
    void anOperatorCanStillForceTheSandboxWithoutSettingLtiBaseUrl() {
        assertThat(settings("http://localhost:8080", Settings.SandboxMode.ON, false).sandboxEnabled()).isTrue();
    }

    @Test
    void onlyAnExplicitLtiBaseUrlCountsAsConfigured() {
        Settings unset = SettingsProducer.fromConfig(config(Map.of()));
        Settings set = SettingsProducer.fromConfig(config(Map.of("LTI_BASE_URL", "http://localhost:8080")));

        assertThat(unset.baseUrlConfigured()).isFalse();
        assertThat(unset.sandboxEnabled()).isFalse();
        assertThat(set.baseUrlConfigured()).isTrue();
        assertThat(set.sandboxEnabled()).isTrue();
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
    void aRequestToTheBaseUrlsHostAndPortIsAtTheBaseAddress() {
        Settings s = settings("https://lti.example.edu", Settings.SandboxMode.OFF);

        assertThat(s.isBaseAddress(Optional.of("https"), "lti.example.edu")).isTrue();
        assertThat(s.isBaseAddress(Optional.of("https"), "LTI.example.edu:443")).isTrue();
        assertThat(s.isBaseAddress(Optional.empty(), "lti.example.edu")).as("scheme unknown behind a proxy").isTrue();
    }

    @Test
    void anotherHostPortOrSchemeIsNotTheBaseAddress() {
        Settings s = settings("https://lti.example.edu", Settings.SandboxMode.OFF);

        assertThat(s.isBaseAddress(Optional.of("https"), "10.0.0.5:8080")).isFalse();
        assertThat(s.isBaseAddress(Optional.of("https"), "lti.example.edu:8443")).isFalse();
        assertThat(s.isBaseAddress(Optional.of("http"), "lti.example.edu")).isFalse();
        assertThat(settings("http://localhost:8080", Settings.SandboxMode.OFF)
                .isBaseAddress(Optional.empty(), "localhost")).as("port 80, not 8080").isFalse();
        assertThat(s.isBaseAddress(Optional.empty(), "not a host")).isFalse();
    }

    @Test
    void theEmbeddedDatabaseIsAFileInTheDataDirectory() {
        assertThat(Settings.embeddedDbUrl(Path.of("/var/lib/essentials")))
                .startsWith("jdbc:h2:file:/var/lib/essentials/essentials");
    }

    /** The environment as MicroProfile Config shows it: only the names given, as strings. */
    private static org.eclipse.microprofile.config.Config config(Map<String, String> environment) {
        return new org.eclipse.microprofile.config.Config() {
            @Override
            public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
                return Optional.ofNullable(environment.get(name)).map(type::cast);
            }

            @Override
            public <T> T getValue(String name, Class<T> type) {
                return getOptionalValue(name, type).orElseThrow();
            }

            @Override
            public org.eclipse.microprofile.config.ConfigValue getConfigValue(String name) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Iterable<String> getPropertyNames() {
                return environment.keySet();
            }

            @Override
            public Iterable<org.eclipse.microprofile.config.spi.ConfigSource> getConfigSources() {
                return java.util.List.of();
            }

            @Override
            public <T> Optional<org.eclipse.microprofile.config.spi.Converter<T>> getConverter(Class<T> type) {
                return Optional.empty();
            }

            @Override
            public <T> T unwrap(Class<T> type) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
