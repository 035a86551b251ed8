package com.essentialslti.lti.registration;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Reading one operator-written registration file: every problem is reported with the field it is about. */
class RegistrationFileTest {

    private static final String SOURCE = "platforms/moodle.json";

    /** A valid Moodle registration; each test spoils what it is about. */
    static Map<String, Object> moodle() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", "Moodle");
        json.put("issuer", "https://moodle.example.org");
        json.put("client_id", "Gx7kP2qLm");
        json.put("auth_login_url", "https://moodle.example.org/mod/lti/auth.php");
        json.put("auth_token_url", "https://moodle.example.org/mod/lti/token.php");
        json.put("key_set_url", "https://moodle.example.org/mod/lti/certs.php");
        json.put("deployment_ids", List.of("1", "2"));
        return json;
    }

    private static RegistrationFile parse(Map<String, Object> json) throws RegistrationFile.Invalid {
        return RegistrationFile.parse(SOURCE, JSONObjectUtils.toJSONString(json));
    }

    private static List<String> problems(Map<String, Object> json) {
        return problems(JSONObjectUtils.toJSONString(json));
    }

    private static List<String> problems(String text) {
        RegistrationFile.Invalid invalid = catchThrowableOfType(RegistrationFile.Invalid.class,
                () -> RegistrationFile.parse(SOURCE, text));
        assertThat(invalid).as("the file is refused").isNotNull();
        return invalid.problems();
    }

    @Test
    void aCompleteFileGivesEveryValue() throws Exception {
        RegistrationFile file = parse(moodle());

        assertThat(file.source()).isEqualTo(SOURCE);
        assertThat(file.name()).isEqualTo("Moodle");
        assertThat(file.issuer()).isEqualTo("https://moodle.example.org");
        assertThat(file.clientId()).isEqualTo("Gx7kP2qLm");
        assertThat(file.authLoginUrl()).isEqualTo(URI.create("https://moodle.example.org/mod/lti/auth.php"));
        assertThat(file.authTokenUrl()).isEqualTo(URI.create("https://moodle.example.org/mod/lti/token.php"));
        assertThat(file.keySetUrl()).isEqualTo(URI.create("https://moodle.example.org/mod/lti/certs.php"));
        assertThat(file.deploymentIds()).containsExactly("1", "2");
        assertThat(file.authAudience()).as("Moodle takes its token URL").isEmpty();
    }

    @Test
    void anAuthorizationServerNamedApartFromTheTokenUrlIsKept() throws Exception {
        Map<String, Object> json = moodle();
        json.put("auth_audience", "https://api.brightspace.com/auth/token");

        assertThat(parse(json).authAudience()).hasValue("https://api.brightspace.com/auth/token");
    }

    @Test
    void aBlankAuthorizationServerIsNamed() {
        Map<String, Object> json = moodle();
        json.put("auth_audience", " ");

        assertThat(problems(json)).containsExactly("field 'auth_audience' must be a non-empty string");
    }

    @Test
    void surroundingWhitespaceIsIgnored() throws Exception {
        Map<String, Object> json = moodle();
        json.put("client_id", "  Gx7kP2qLm\n");
        json.put("deployment_ids", List.of(" 1 "));

        RegistrationFile file = parse(json);

        assertThat(file.clientId()).isEqualTo("Gx7kP2qLm");
        assertThat(file.deploymentIds()).containsExactly("1");
    }

    @Test
    void aLocalHttpPlatformIsAccepted() throws Exception {
        Map<String, Object> json = moodle();
        json.put("issuer", "http://localhost:8000");
        json.put("auth_login_url", "http://localhost:8000/mod/lti/auth.php");

        assertThat(parse(json).issuer()).isEqualTo("http://localhost:8000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "issuer", "client_id", "auth_login_url", "auth_token_url", "key_set_url"})
    void aMissingFieldIsNamed(String field) {
        Map<String, Object> json = moodle();
        json.remove(field);

        assertThat(problems(json)).containsExactly("field '" + field + "' is missing");
    }

    @Test
    void missingDeploymentIdsAreNamedWithWhereMoodleShowsThem() {
        Map<String, Object> json = moodle();
        json.remove("deployment_ids");

        assertThat(problems(json)).singleElement().asString()
                .startsWith("field 'deployment_ids' is missing")
                .contains("Deployment ID");
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "issuer", "client_id", "auth_login_url", "auth_token_url", "key_set_url"})
    void aFieldThatIsNotAStringIsNamed(String field) {
        Map<String, Object> json = moodle();
        json.put(field, 42);

        assertThat(problems(json)).containsExactly("field '" + field + "' must be a non-empty string");
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "issuer", "client_id", "auth_login_url", "auth_token_url", "key_set_url"})
    void aBlankFieldIsNamed(String field) {
        Map<String, Object> json = moodle();
        json.put(field, "   ");

        assertThat(problems(json)).containsExactly("field '" + field + "' must be a non-empty string");
    }

    @ParameterizedTest
    @ValueSource(strings = {"auth_login_url", "auth_token_url", "key_set_url"})
    void anEndpointThatIsNotAnAbsoluteHttpUrlIsNamedWithTheValue(String field) {
        for (String bad : List.of("/mod/lti/auth.php", "ftp://moodle.example.org/auth", "moodle.example.org/auth",
                "https://exa mple.org/auth")) {
            Map<String, Object> json = moodle();
            json.put(field, bad);

            assertThat(problems(json)).as(bad)
                    .containsExactly("field '" + field + "' must be an absolute http(s) URL, got '" + bad + "'");
        }
    }

    @Test
    void anIssuerThatIsNotAUrlIsNamedWithTheValue() {
        Map<String, Object> json = moodle();
        json.put("issuer", "moodle.example.org");

        assertThat(problems(json)).singleElement().asString()
                .startsWith("field 'issuer' must be the platform's https URL")
                .endsWith("got 'moodle.example.org'");
    }

    @Test
    void anUnknownFieldIsNamed() {
        Map<String, Object> json = moodle();
        json.put("redirect_uri", "https://tool.example.org/lti/launch");

        assertThat(problems(json)).containsExactly("unknown field 'redirect_uri'");
    }

    @Test
    void deploymentIdsGivenAsNumbersAreRefusedWithTheFix() {
        assertThat(problems("""
                {"name": "Moodle", "issuer": "https://moodle.example.org", "client_id": "Gx7kP2qLm",
                 "auth_login_url": "https://moodle.example.org/mod/lti/auth.php",
                 "auth_token_url": "https://moodle.example.org/mod/lti/token.php",
                 "key_set_url": "https://moodle.example.org/mod/lti/certs.php",
                 "deployment_ids": [1]}
                """))
                .containsExactly("field 'deployment_ids' must hold only non-empty strings (write \"1\", not 1)");
    }

    @Test
    void aBlankDeploymentIdIsRefused() {
        Map<String, Object> json = moodle();
        json.put("deployment_ids", List.of("1", " "));

        assertThat(problems(json)).singleElement().asString().startsWith("field 'deployment_ids' must hold only");
    }

    @Test
    void deploymentIdsThatAreNotAListAreRefusedWithAnExample() {
        Map<String, Object> json = moodle();
        json.put("deployment_ids", "1");

        assertThat(problems(json)).containsExactly("field 'deployment_ids' must be a list of strings such as [\"1\"]");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Map<String, Object> json = moodle();
        json.remove("name");
        json.put("client_id", 7);
        json.put("key_set_url", "certs.php");
        json.put("deployment_ids", List.of(1));
        json.put("jwks", "https://moodle.example.org/mod/lti/certs.php");

        assertThat(problems(json)).hasSize(5)
                .anySatisfy(p -> assertThat(p).contains("'name'"))
                .anySatisfy(p -> assertThat(p).contains("'client_id'"))
                .anySatisfy(p -> assertThat(p).contains("'key_set_url'"))
                .anySatisfy(p -> assertThat(p).contains("'deployment_ids'"))
                .anySatisfy(p -> assertThat(p).contains("'jwks'"));
    }

    @Test
    void theRefusalNamesTheFileAndEveryProblem() {
        Map<String, Object> json = moodle();
        json.remove("name");
        json.remove("client_id");

        RegistrationFile.Invalid invalid = catchThrowableOfType(RegistrationFile.Invalid.class, () -> parse(json));

        assertThat(invalid).hasMessage(SOURCE + ": field 'name' is missing; field 'client_id' is missing");
    }

    @Test
    void textThatIsNotAJsonObjectIsRefused() {
        for (String text : List.of("", "{\"name\": ", "[\"1\"]", "deployment_ids: [\"1\"]")) {
            assertThat(problems(text)).as(text).singleElement().asString().startsWith("not a JSON object");
        }
    }

    /** The problems of a valid Moodle file with these service_hosts. */
    static List<String> problemsWithServiceHosts(Object serviceHosts) {
        Map<String, Object> json = moodle();
        json.put("service_hosts", serviceHosts);
        return problems(json);
    }

    @Test
    void serviceHostsAreOptionalAndEmptyWhenAbsent() throws Exception {
        assertThat(parse(moodle()).serviceHosts()).isEmpty();
    }

    @Test
    void serviceHostsAreReadAsLowerCaseHostNames() throws Exception {
        Map<String, Object> json = moodle();
        json.put("service_hosts", List.of("School.Instructure.com", " other.example.org "));

        assertThat(parse(json).serviceHosts()).containsExactlyInAnyOrder("school.instructure.com",
                "other.example.org");
    }

    @Test
    void serviceHostsMustBeAList() {
        assertThat(problemsWithServiceHosts("school.instructure.com"))
                .containsExactly("field 'service_hosts' must be a list of host names such as "
                        + "[\"school.instructure.com\"]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://school.instructure.com", "school.instructure.com:443",
            "school.instructure.com/api", "", "-bad.example", "a b"})
    void aServiceHostIsAHostNameOnly(String host) {
        assertThat(problemsWithServiceHosts(List.of(host))).singleElement().asString()
                .startsWith("field 'service_hosts' must hold host names only").contains("'" + host + "'");
    }

    @Test
    void aServiceHostThatIsNotAStringIsReported() {
        assertThat(problemsWithServiceHosts(List.of(42))).singleElement().asString()
                .startsWith("field 'service_hosts' must hold host names only").endsWith("got 42");
    }

    @Test
    void atMostSixteenServiceHosts() {
        assertThat(problemsWithServiceHosts(java.util.stream.IntStream.range(0, 17).mapToObj(i -> "h" + i + ".example")
                .toList())).containsExactly("field 'service_hosts' lists more than 16 hosts");
    }

    @Test
    void aLocalPlatformMayListALocalServiceHost() throws Exception {
        Map<String, Object> json = moodle();
        json.put("auth_token_url", "http://127.0.0.1:8081/token");
        json.put("service_hosts", List.of("localhost"));

        assertThat(parse(json).serviceHosts()).containsExactly("localhost");
    }
}
