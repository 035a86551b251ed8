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

    static final String TOKEN = "k9Vq2sLx7Hd0Rw4Tz8Bn3Mf6Pc1Gy5Ja";

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
        OperatorAccess access = withToken(Optional.of(TOKEN));
        for (String authorization : new String[] {null, "", TOKEN, "Bearer s3cre", "Bearer " + TOKEN + "2",
                "bearer " + TOKEN}) {
            assertThat(access.refusal(authorization)).as(String.valueOf(authorization)).hasValueSatisfying(r -> {
                assertThat(r.status()).isEqualTo(401);
                assertThat(r.code()).isEqualTo("unauthorized");
            });
        }
    }

    @Test
    void aTokenShorterThan32CharactersLeavesTheApiOff() {
        OperatorAccess access = withToken(Optional.of(TOKEN.substring(1)));

        assertThat(access.refusal("Bearer " + TOKEN.substring(1))).hasValueSatisfying(r -> {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.message()).contains("at least 32 characters");
        });
    }

    @Test
    void theOperatorsTokenPasses() {
        assertThat(withToken(Optional.of(TOKEN)).refusal("Bearer " + TOKEN)).isEmpty();
    }
}
