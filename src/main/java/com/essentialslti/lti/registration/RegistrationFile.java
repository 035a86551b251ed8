package com.essentialslti.lti.registration;

import com.nimbusds.jose.util.JSONObjectUtils;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One registration as the operator writes it in {@code LTI_CONFIG_DIR/platforms/*.json}. Parsing checks every field
 * and reports each problem with the field's name, so that the operator can fix the file without guessing.
 */
public record RegistrationFile(
        String source,
        String name,
        String issuer,
        String clientId,
        URI authLoginUrl,
        URI authTokenUrl,
        URI keySetUrl,
        Set<String> deploymentIds,
        Optional<String> authAudience,
        Set<String> serviceHosts) {

    public RegistrationFile {
        serviceHosts = Set.copyOf(serviceHosts);
    }

    /** A registration whose token endpoint takes its own URL as the client assertion's audience, as most do. */
    public RegistrationFile(String source, String name, String issuer, String clientId, URI authLoginUrl,
                            URI authTokenUrl, URI keySetUrl, Set<String> deploymentIds) {
        this(source, name, issuer, clientId, authLoginUrl, authTokenUrl, keySetUrl, deploymentIds, Optional.empty());
    }

    /** A registration whose services are on the platform's own hosts only (Moodle, Sakai, Blackboard). */
    public RegistrationFile(String source, String name, String issuer, String clientId, URI authLoginUrl,
                            URI authTokenUrl, URI keySetUrl, Set<String> deploymentIds, Optional<String> authAudience) {
        this(source, name, issuer, clientId, authLoginUrl, authTokenUrl, keySetUrl, deploymentIds, authAudience,
                Set.of());
    }

    /** A file that cannot be used, with every reason. */
    public static final class Invalid extends Exception {
        private final List<String> problems;

        Invalid(String source, List<String> problems) {
            super(source + ": " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    public static RegistrationFile parse(String source, String json) throws Invalid {
        Map<String, Object> object;
        try {
            object = JSONObjectUtils.parse(json);
        } catch (java.text.ParseException e) {
            throw new Invalid(source, List.of("not a JSON object (" + e.getMessage() + ")"));
        }
        List<String> problems = new ArrayList<>();
        String name = text(object, "name", problems);
        String issuer = text(object, "issuer", problems);
        String clientId = text(object, "client_id", problems);
        URI login = url(object, "auth_login_url", problems);
        URI token = url(object, "auth_token_url", problems);
        URI keys = url(object, "key_set_url", problems);
        if (issuer != null && !isHttpUrl(issuer)) {
            problems.add("field 'issuer' must be the platform's https URL (Moodle: its wwwroot), got '" + issuer + "'");
        }
        Set<String> deployments = deployments(object, problems);
        // Security Framework §4.1.1: the assertion's aud is the authorization server, which some platforms name
        // apart from the token URL (Brightspace: https://api.brightspace.com/auth/token).
        Optional<String> audience = object.containsKey("auth_audience")
                ? Optional.ofNullable(text(object, "auth_audience", problems)) : Optional.empty();
        Set<String> serviceHosts = serviceHosts(object, problems);
        if (issuer != null && login != null && token != null && keys != null && isHttpUrl(issuer)) {
            List<URI> own = List.of(URI.create(issuer), login, token, keys);
            serviceHosts.stream().filter(ServiceUrlPolicy::internal).filter(h -> !ServiceUrlPolicy.internal(own))
                    .forEach(h -> problems.add("field 'service_hosts' names '" + h + "', a loopback, link-local or "
                            + "private address, which the tool calls only for a platform whose own URLs are on one"));
        }
        for (String key : object.keySet()) {
            if (!List.of("name", "issuer", "client_id", "auth_login_url", "auth_token_url", "key_set_url",
                    "deployment_ids", "auth_audience", "service_hosts").contains(key)) {
                problems.add("unknown field '" + key + "'");
            }
        }
        if (!problems.isEmpty()) {
            throw new Invalid(source, problems);
        }
        return new RegistrationFile(source, name, issuer, clientId, login, token, keys, deployments, audience,
                serviceHosts);
    }

    /** The most service hosts a file may list: they share one column of the registration table. */
    static final int MAX_SERVICE_HOSTS = 16;

    /**
     * The optional {@code service_hosts}: host names where the platform serves AGS and NRPS besides its own hosts,
     * such as a Canvas school's {@code school.instructure.com}. Names only: no scheme, port or path.
     */
    private static Set<String> serviceHosts(Map<String, Object> object, List<String> problems) {
        Object value = object.get("service_hosts");
        if (value == null) {
            return Set.of();
        }
        if (!(value instanceof List<?> list)) {
            problems.add("field 'service_hosts' must be a list of host names such as [\"school.instructure.com\"]");
            return Set.of();
        }
        if (list.size() > MAX_SERVICE_HOSTS) {
            problems.add("field 'service_hosts' lists more than " + MAX_SERVICE_HOSTS + " hosts");
            return Set.of();
        }
        Set<String> hosts = new LinkedHashSet<>();
        for (Object item : list) {
            if (item instanceof String s && s.strip().length() <= 253
                    && ServiceUrlPolicy.HOST_NAME.matcher(s.strip()).matches()) {
                hosts.add(s.strip().toLowerCase(java.util.Locale.ROOT));
            } else {
                problems.add("field 'service_hosts' must hold host names only, such as \"school.instructure.com\" "
                        + "(no scheme, port or path), got " + (item instanceof String s ? "'" + s + "'" : item));
            }
        }
        return hosts;
    }

    /** The longest value each field may have: the width of its database column. */
    private static final Map<String, Integer> MAX_LENGTH = Map.of(
            "name", 255, "issuer", 1024, "client_id", 255,
            "auth_login_url", 2048, "auth_token_url", 2048, "key_set_url", 2048,
            "deployment_ids", Deployment.MAX_ID_LENGTH, "auth_audience", 2048);

    private static String text(Map<String, Object> object, String field, List<String> problems) {
        Object value = object.get(field);
        if (value == null) {
            problems.add("field '" + field + "' is missing");
            return null;
        }
        if (!(value instanceof String s) || s.isBlank()) {
            problems.add("field '" + field + "' must be a non-empty string");
            return null;
        }
        if (s.strip().length() > MAX_LENGTH.get(field)) {
            problems.add("field '" + field + "' is longer than " + MAX_LENGTH.get(field) + " characters");
            return null;
        }
        return s.strip();
    }

    private static URI url(Map<String, Object> object, String field, List<String> problems) {
        String value = text(object, field, problems);
        if (value == null) {
            return null;
        }
        if (!isHttpUrl(value)) {
            problems.add("field '" + field + "' must be an absolute http(s) URL, got '" + value + "'");
            return null;
        }
        return URI.create(value);
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static Set<String> deployments(Map<String, Object> object, List<String> problems) {
        Object value = object.get("deployment_ids");
        if (value == null) {
            problems.add("field 'deployment_ids' is missing (a list such as [\"1\"]; Moodle shows it as the tool's Deployment ID)");
            return Set.of();
        }
        if (!(value instanceof List<?> list)) {
            problems.add("field 'deployment_ids' must be a list of strings such as [\"1\"]");
            return Set.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        for (Object item : list) {
            if (item instanceof String s && s.strip().length() > MAX_LENGTH.get("deployment_ids")) {
                problems.add("field 'deployment_ids' holds an id longer than " + MAX_LENGTH.get("deployment_ids")
                        + " characters");
            } else if (item instanceof String s && !s.isBlank()) {
                ids.add(s.strip());
            } else {
                problems.add("field 'deployment_ids' must hold only non-empty strings (write \"1\", not 1)");
            }
        }
        return ids;
    }
}
