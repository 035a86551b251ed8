package com.essentialslti.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The correlation id comes from X-Request-Id only when it cannot forge a log line or a header. */
class CorrelationTest {

    @AfterEach
    void end() {
        Correlation.end();
    }

    @ParameterizedTest
    @ValueSource(strings = {"req-1234abcd", "9f3c1a2e.lb_01", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void aPlainRequestIdIsKept(String incoming) {
        assertThat(Correlation.begin(incoming)).isEqualTo(incoming);
        assertThat(Correlation.current()).isEqualTo(incoming);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcd1234\r\nevent=forged", "abcd1234\"x", "abcd 1234", "short", "ü-not-ascii-id",
            "abcd1234\u0000"})
    void anythingElseIsReplacedByAFreshId(String incoming) {
        String id = Correlation.begin(incoming);

        assertThat(id).isNotEqualTo(incoming).matches("[a-z2-9]{12}");
    }

    @Test
    void anOverlongIdIsReplaced() {
        assertThat(Correlation.begin("a".repeat(65))).hasSize(12);
    }

    @Test
    void noRequestIdGetsAFreshOne() {
        assertThat(Correlation.begin(null)).matches("[a-z2-9]{12}");
    }
}
