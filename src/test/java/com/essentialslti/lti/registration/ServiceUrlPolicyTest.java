package com.essentialslti.lti.registration;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a registration lets the tool send its access token (issue 13 §1.5): the platform's hosts and its
 * service_hosts, over https, never the tool's own network unless the platform itself is there.
 */
class ServiceUrlPolicyTest {

    private static Registration registration(String issuer, String otherUrlsBase, List<String> serviceHosts)
            throws Exception {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", "Platform");
        json.put("issuer", issuer);
        json.put("client_id", "client-1");
        json.put("auth_login_url", otherUrlsBase + "/auth");
        json.put("auth_token_url", otherUrlsBase + "/token");
        json.put("key_set_url", otherUrlsBase + "/jwks");
        json.put("deployment_ids", List.of("1"));
        if (!serviceHosts.isEmpty()) {
            json.put("service_hosts", serviceHosts);
        }
        return new Registration(RegistrationFile.parse("test", JSONObjectUtils.toJSONString(json)), Instant.now());
    }

    private static final String CANVAS = "https://canvas.instructure.com";

    private static Registration moodle() throws Exception {
        return registration("https://moodle.example.org", "https://moodle.example.org/mod/lti", List.of());
    }

    private static boolean accepts(Registration registration, String url) {
        return registration.serviceUrlRefusal(URI.create(url)).isEmpty();
    }

    @Test
    void theServicesOfThePlatformsOwnHostAreCalled() throws Exception {
        assertThat(accepts(moodle(), "https://moodle.example.org/mod/lti/services.php/2/lineitems?type_id=1"))
                .isTrue();
        assertThat(accepts(moodle(), "https://MOODLE.example.org./mod/lti/services.php/2/lineitems")).isTrue();
    }

    @Test
    void theHostsOfTheRegistrationsEndpointsArePlatformHostsToo() throws Exception {
        Registration brightspace = registration("https://school.brightspace.com", "https://auth.brightspace.com",
                List.of());

        assertThat(accepts(brightspace, "https://auth.brightspace.com/x")).isTrue();
    }

    @Test
    void anotherHostIsRefusedWithItsReason() throws Exception {
        assertThat(moodle().serviceUrlRefusal(URI.create("https://attacker.example/collect")))
                .hasValueSatisfying(reason -> assertThat(reason).contains("attacker.example")
                        .contains("service_hosts"));
        assertThat(accepts(moodle(), "https://moodle.example.org.attacker.example/lineitems")).isFalse();
    }

    @Test
    void canvasServesItsServicesFromTheSchoolsHostListedInServiceHosts() throws Exception {
        Registration canvas = registration(CANVAS, "https://sso.canvaslms.com", List.of("school.instructure.com"));

        assertThat(accepts(canvas, "https://school.instructure.com/api/lti/courses/1/line_items")).isTrue();
        assertThat(accepts(canvas, "https://other-school.instructure.com/api/lti/courses/1/line_items")).isFalse();
    }

    @Test
    void plainHttpIsRefusedForAnHttpsPlatform() throws Exception {
        assertThat(moodle().serviceUrlRefusal(URI.create("http://moodle.example.org/mod/lti/services.php")))
                .hasValueSatisfying(reason -> assertThat(reason).contains("https"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://moodle.example.org/x", "file:///etc/passwd", "/relative/lineitems",
            "https://user:pw@moodle.example.org/x", "https:///nohost"})
    void urlsThatAreNotPlainHttpsServiceUrlsAreRefused(String url) throws Exception {
        assertThat(accepts(moodle(), url)).isFalse();
    }

    @Test
    void aTestPlatformOnLocalhostOverHttpMayBeCalledThere() throws Exception {
        Registration simulator = registration("https://lms.simulator.test", "http://127.0.0.1:9001", List.of());

        assertThat(accepts(simulator, "http://127.0.0.1:9001/lineitems?type_id=1")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
            "0.0.0.0", "localhost", "api.localhost", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "999.1.1.1"})
    void internalAddressesAreInternal(String host) {
        assertThat(ServiceUrlPolicy.internal(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"moodle.example.org", "8.8.8.8", "2001:db8::1", "school.instructure.com"})
    void publicAddressesAndNamesAreNot(String host) {
        assertThat(ServiceUrlPolicy.internal(host)).isFalse();
    }

    @Test
    void aPublicPlatformCannotListAnInternalServiceHost() {
        assertThat(RegistrationFileTest.problemsWithServiceHosts(List.of("169.254.169.254")))
                .anySatisfy(p -> assertThat(p).contains("service_hosts").contains("169.254.169.254")
                        .contains("private"));
    }
}
