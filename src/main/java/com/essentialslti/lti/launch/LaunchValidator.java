package com.essentialslti.lti.launch;

import com.essentialslti.lti.claims.LaunchClaims;
import com.essentialslti.lti.claims.LtiClaim;
import com.essentialslti.lti.keys.PlatformKeySets;
import com.essentialslti.lti.registration.Registrations;
import com.essentialslti.lti.session.LoginState;
import com.essentialslti.lti.session.LoginStates;
import com.nimbusds.jwt.JWTClaimsSet;

import java.time.Clock;
import java.time.Duration;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The launch validation chain: the id_token POST passes each named check in order, or is rejected by the first
 * that fails. Cheap checks that need no key come first; the state is marked used only when everything else passed.
 */
public final class LaunchValidator {

    /** Clock skew tolerated on exp and iat. */
    public static final Duration LEEWAY = Duration.ofSeconds(60);

    private final List<LaunchCheck> chain;

    public LaunchValidator(LoginStates states, Registrations registrations, PlatformKeySets keySets, Clock clock) {
        this.chain = List.of(
                new IdTokenPresent(),
                new StateIssued(states, clock),
                new StateBoundToBrowser(),
                new IsSignedJwt(),
                new AlgorithmIsRs256(),
                new IssuerRegistered(registrations),
                new RegistrationInService(),
                new AudienceIsClient(),
                new KidKnown(keySets),
                new SignatureValid(),
                new NotExpired(clock, LEEWAY),
                new IssuedInThePast(clock, LEEWAY),
                new NonceMatchesLogin(),
                new VersionIs130(),
                new MessageTypeSupported(),
                new DeploymentKnown(registrations),
                new SubjectPresent(),
                new ResourceLinkPresent(),
                new RolesPresent(),
                new StateUsedOnce(states));
    }

    List<LaunchCheck> chain() {
        return chain;
    }

    public ValidatedLaunch validate(String idToken, String state, boolean boundToBrowser) throws LaunchRejected {
        return validate(idToken, state, null, boundToBrowser);
    }

    /** As above, with the login state the caller already read for {@code state} (null when there is none). */
    public ValidatedLaunch validate(String idToken, String state, LoginState loginState, boolean boundToBrowser)
            throws LaunchRejected {
        LaunchAttempt attempt = new LaunchAttempt(idToken, state, boundToBrowser);
        attempt.loginState = loginState;
        for (LaunchCheck check : chain) {
            check.check(attempt);
            attempt.passed.add(check.name());
        }
        return new ValidatedLaunch(attempt.registration, typed(attempt.claims), List.copyOf(attempt.passed));
    }

    static Optional<String> text(Object value) {
        return value instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
    }

    static LaunchClaims typed(JWTClaimsSet claims) {
        Optional<LaunchClaims.ResourceLink> link = map(claims.getClaim(LtiClaim.RESOURCE_LINK))
                .flatMap(m -> text(m.get("id")).map(id -> new LaunchClaims.ResourceLink(id,
                        text(m.get("title")), text(m.get("description")))));
        Optional<LaunchClaims.Context> context = map(claims.getClaim(LtiClaim.CONTEXT))
                .flatMap(m -> text(m.get("id")).map(id -> new LaunchClaims.Context(id,
                        text(m.get("label")), text(m.get("title")))));
        List<String> roles = claims.getClaim(LtiClaim.ROLES) instanceof List<?> list
                ? list.stream().map(String::valueOf).toList() : List.of();
        Optional<String> name = text(claims.getClaim("name")).or(() -> {
            String given = text(claims.getClaim("given_name")).orElse("");
            String family = text(claims.getClaim("family_name")).orElse("");
            String joined = (given + " " + family).strip();
            return joined.isEmpty() ? Optional.empty() : Optional.of(joined);
        });
        Optional<String> platform = map(claims.getClaim(LtiClaim.TOOL_PLATFORM)).flatMap(m -> text(m.get("name")));
        Optional<LaunchClaims.GradeServiceClaim> grades = map(claims.getClaim(LtiClaim.AGS_ENDPOINT))
                .map(m -> new LaunchClaims.GradeServiceClaim(
                        m.get("scope") instanceof List<?> scopes ? scopes.stream().map(String::valueOf).toList()
                                : List.of(),
                        text(m.get("lineitems")).flatMap(LaunchValidator::uri),
                        text(m.get("lineitem")).flatMap(LaunchValidator::uri)));
        Map<String, String> custom = new java.util.LinkedHashMap<>();
        map(claims.getClaim(LtiClaim.CUSTOM)).ifPresent(m -> m.forEach((k, v) -> {
            if (v instanceof String || v instanceof Number || v instanceof Boolean) {
                custom.put(k, String.valueOf(v));
            }
        }));
        return new LaunchClaims(
                (String) claims.getClaim(LtiClaim.MESSAGE_TYPE),
                (String) claims.getClaim(LtiClaim.DEPLOYMENT_ID),
                text(claims.getClaim(LtiClaim.TARGET_LINK_URI)).orElse(""),
                Optional.ofNullable(claims.getSubject()),
                link, context, roles, name,
                text(claims.getClaim("email")),
                platform, grades, Map.copyOf(custom));
    }

    /** An absolute http(s) URL, or nothing: a malformed service URL must not fail the launch. */
    private static Optional<URI> uri(String value) {
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    ? Optional.of(uri) : Optional.empty();
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> map(Object value) {
        return value instanceof Map<?, ?> m ? Optional.of((Map<String, Object>) m) : Optional.empty();
    }
}
