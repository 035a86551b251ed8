package com.essentialslti.web;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may frame the tool's pages (issue 13 §1.6): the registered platforms and the tool itself, nobody else. */
class RequestFilterTest {

    @Test
    void theRegisteredPlatformsAndTheToolItselfMayFrameIt() {
        String csp = RequestFilter.csp(List.of("https://moodle.example.org", "https://sso.canvaslms.com"));

        assertThat(csp).endsWith("; frame-ancestors 'self' https://moodle.example.org https://sso.canvaslms.com")
                .doesNotContain("*");
    }

    @Test
    void withoutRegistrationsOnlyTheToolItself() {
        assertThat(RequestFilter.csp(List.of())).endsWith("; frame-ancestors 'self'")
                .contains("script-src 'self'").contains("object-src 'none'");
    }
}
