package com.essentialslti.web;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Adding query parameters to the platform's URLs without breaking what is already there. */
class UrlsTest {

    private static final URI AUTH = URI.create("https://moodle.example.org/mod/lti/auth.php");

    private static Map<String, String> params(String... namesAndValues) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return params;
    }

    @Test
    void parametersStartTheQueryInTheirOrder() {
        URI url = Urls.withQuery(AUTH, params("scope", "openid", "response_type", "id_token"));

        assertThat(url).hasToString("https://moodle.example.org/mod/lti/auth.php?scope=openid&response_type=id_token");
    }

    @Test
    void parametersFollowAnExistingQuery() {
        URI url = Urls.withQuery(URI.create("https://lms.example.org/auth?tenant=7"), params("state", "abc"));

        assertThat(url).hasToString("https://lms.example.org/auth?tenant=7&state=abc");
    }

    @Test
    void aQueryEndingInAnAmpersandOrQuestionMarkGetsNoExtraSeparator() {
        assertThat(Urls.withQuery(URI.create("https://lms.example.org/auth?"), params("state", "abc")))
                .hasToString("https://lms.example.org/auth?state=abc");
        assertThat(Urls.withQuery(URI.create("https://lms.example.org/auth?tenant=7&"), params("state", "abc")))
                .hasToString("https://lms.example.org/auth?tenant=7&state=abc");
    }

    @Test
    void jsonWithBracesIsEncodedExactlyOnce() {
        String hint = "{\"cmid\":7,\"launchid\":\"ltilaunch1_1\"}";

        URI url = Urls.withQuery(AUTH, params("lti_message_hint", hint));

        assertThat(url.getRawQuery())
                .isEqualTo("lti_message_hint=%7B%22cmid%22%3A7%2C%22launchid%22%3A%22ltilaunch1_1%22%7D")
                .doesNotContain("%25");
        assertThat(URLDecoder.decode(url.getRawQuery().substring("lti_message_hint=".length()),
                StandardCharsets.UTF_8)).isEqualTo(hint);
    }

    @Test
    void reservedCharactersInValuesAreEncoded() {
        URI url = Urls.withQuery(AUTH, params("redirect_uri", "https://tool.example.org/lti/launch?a=1&b=2#x",
                "login_hint", "jörg müller"));

        assertThat(url.getRawQuery()).isEqualTo(
                "redirect_uri=https%3A%2F%2Ftool.example.org%2Flti%2Flaunch%3Fa%3D1%26b%3D2%23x"
                        + "&login_hint=j%C3%B6rg+m%C3%BCller");
        assertThat(url.getRawFragment()).isNull();
    }

    @Test
    void nullValuesAreLeftOut() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("state", "abc");
        params.put("lti_message_hint", null);
        params.put("nonce", "xyz");

        assertThat(Urls.withQuery(AUTH, params)).hasToString(AUTH + "?state=abc&nonce=xyz");
    }

    @Test
    void theFragmentStaysAtTheEnd() {
        URI url = Urls.withQuery(URI.create("https://lms.example.org/auth?tenant=7#main"), params("state", "abc"));

        assertThat(url).hasToString("https://lms.example.org/auth?tenant=7&state=abc#main");
        assertThat(url.getRawFragment()).isEqualTo("main");
    }

    @Test
    void theFragmentStaysAtTheEndWithoutAnExistingQuery() {
        URI url = Urls.withQuery(URI.create("https://lms.example.org/auth#main"), params("state", "abc"));

        assertThat(url).hasToString("https://lms.example.org/auth?state=abc#main");
    }

    @Test
    void anAlreadyEncodedBaseUrlIsLeftAsItIs() {
        URI url = Urls.withQuery(URI.create("https://lms.example.org/a%20b/auth?q=%7B%7D"), new HashMap<>(
                Map.of("state", "abc")));

        assertThat(url).hasToString("https://lms.example.org/a%20b/auth?q=%7B%7D&state=abc");
    }
}
