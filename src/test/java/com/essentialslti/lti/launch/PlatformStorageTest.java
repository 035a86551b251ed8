package com.essentialslti.lti.launch;

import com.essentialslti.infra.Settings;
import jakarta.ws.rs.core.HttpHeaders;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Which re-posts of a platform-storage launch count as the tool's own page (issue 13 §1.1). */
class PlatformStorageTest {

    private static final Settings TOOL = new Settings(URI.create("https://lti.example.edu"), Path.of("data"),
            Path.of("lti-config"), "jdbc:h2:mem:x", "sa", "", Settings.SandboxMode.OFF, Duration.ofDays(7),
            Duration.ofMinutes(120), 10, Duration.ofSeconds(10), Optional.empty(), true, List.of(), 100);

    private static boolean fromOwnPage(Map<String, String> headers) {
        HttpHeaders http = (HttpHeaders) Proxy.newProxyInstance(HttpHeaders.class.getClassLoader(),
                new Class<?>[]{HttpHeaders.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getHeaderString")) {
                        return headers.get((String) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return PlatformStorage.postedByTheToolsOwnPage(http, TOOL);
    }

    @Test
    void theToolsOwnOriginCounts() {
        assertThat(fromOwnPage(Map.of("Origin", "https://lti.example.edu"))).isTrue();
        assertThat(fromOwnPage(Map.of("Origin", "HTTPS://LTI.EXAMPLE.EDU"))).isTrue();
    }

    @Test
    void anotherOriginDoesNotEvenWithASameOriginFetchSite() {
        assertThat(fromOwnPage(Map.of("Origin", "https://attacker.example"))).isFalse();
        assertThat(fromOwnPage(Map.of("Origin", "https://lti.example.edu:8443"))).isFalse();
        assertThat(fromOwnPage(Map.of("Origin", "http://lti.example.edu", "Sec-Fetch-Site", "same-origin"))).isFalse();
    }

    @Test
    void aNullOrMissingOriginIsSettledBySecFetchSite() {
        assertThat(fromOwnPage(Map.of("Origin", "null", "Sec-Fetch-Site", "same-origin"))).isTrue();
        assertThat(fromOwnPage(Map.of("Sec-Fetch-Site", "same-origin"))).isTrue();
        assertThat(fromOwnPage(Map.of("Origin", "null", "Sec-Fetch-Site", "cross-site"))).isFalse();
        assertThat(fromOwnPage(Map.of("Origin", "null"))).isFalse();
        assertThat(fromOwnPage(Map.of())).isFalse();
    }
}
