package com.essentialslti.infra;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

/** Values a request controls, as they appear in the log: one quoted field, never a second line. */
class LogValuesTest {

    @Test
    void aPlainValueIsQuotedAsItIs() {
        assertThat(LogValues.quote("https://moodle.example.org")).isEqualTo("\"https://moodle.example.org\"");
    }

    @Test
    void aForgedLogLineStaysOnTheSameLine() {
        String hint = "42\r\nevent=launch.accepted issuer=https://evil.example";

        assertThat(LogValues.quote(hint))
                .isEqualTo("\"42\\r\\nevent=launch.accepted issuer=https://evil.example\"")
                .doesNotContain("\r").doesNotContain("\n");
    }

    @Test
    void quotesAndBackslashesCannotEndTheField() {
        assertThat(LogValues.quote("a\" admin=\"yes\\")).isEqualTo("\"a\\\" admin=\\\"yes\\\\\"");
    }

    @Test
    void otherControlCharactersAreEscapedByTheirCode() {
        assertThat(LogValues.quote("a\u0000b\u001bc\u007fd\u0085e\u2028f"))
                .isEqualTo("\"a\\u0000b\\u001bc\\u007fd\\u0085e\\u2028f\"");
    }

    @Test
    void aHugeValueIsCutAndSaysHowLongItWas() {
        String quoted = LogValues.quote("x".repeat(3_000_000));

        assertThat(quoted).hasSizeLessThan(LogValues.MAX_CHARS + 30).endsWith("…(3000000 chars)\"");
    }

    @Test
    void nullIsTheBareWord() {
        assertThat(LogValues.quote(null)).isEqualTo("null");
    }

    @Test
    void noValueEverYieldsAControlCharacterOrAnUnescapedQuote() {
        qt().withExamples(5000).forAll(strings().allPossible().ofLengthBetween(0, 400))
                .check(value -> {
                    String quoted = LogValues.quote(value);
                    String inner = quoted.substring(1, quoted.length() - 1).replace("\\\\", "").replace("\\\"", "");
                    return quoted.chars().noneMatch(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028
                            || c == 0x2029) && !inner.contains("\"");
                });
    }
}
