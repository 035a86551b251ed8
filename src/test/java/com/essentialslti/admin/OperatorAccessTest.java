package com.essentialslti.admin;

import com.essentialslti.infra.Settings;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator API's gate: off without OPERATOR_TOKEN, the exact bearer token otherwise (JSON shape: system tests). */
class OperatorAccessTest {

    static OperatorAccess withToken(Optional<String> token) {
        OperatorAccess access = new OperatorAccess();
        access.settings = new Settings(URI.create("https://tool.example.org"), Path.of("data"), Path.of("lti-config"),
                "jdbc:h2:mem:x", "sa", "", Settings.SandboxMode.OFF, Duration.ofDays(7), Duration.ofMinutes(120), 10,
                Duration.ofSeconds(10), token, true, java.util.List.of(), 100);
        return access;
    }

    @Test
    void withoutAnOperatorTokenTheApiIsOff() {
        assertThat(withToken(Optional.empty()).refusal("Bearer anything")).hasValueSatisfying(r -> {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.code()).isEqualTo("operator_api_disabled");
        });
    }

    @Test
    void aMissingOrWrongTokenIsUnauthorized() {
        OperatorAccess access = withToken(Optional.of("s3cret"));
        for (String authorization : new String[] {null, "", "s3cret", "Bearer s3cre", "Bearer s3cret2",
                "bearer s3cret"}) {
            assertThat(access.refusal(authorization)).as(String.valueOf(authorization)).hasValueSatisfying(r -> {
                assertThat(r.status()).isEqualTo(401);
                assertThat(r.code()).isEqualTo("unauthorized");
            });
        }
    }

    @Test
    void theOperatorsTokenPasses() {
        assertThat(withToken(Optional.of("s3cret")).refusal("Bearer s3cret")).isEmpty();
    }
}
