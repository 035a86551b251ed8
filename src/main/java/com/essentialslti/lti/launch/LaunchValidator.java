package com.essentialslti.lti.launch;

import com.essentialslti.infra.LogValues;
import com.essentialslti.lti.claims.LaunchClaims;
import com.essentialslti.lti.claims.LtiClaim;
import com.essentialslti.lti.keys.PlatformKeySets;
import com.essentialslti.lti.registration.Registration;
import com.essentialslti.lti.registration.Registrations;
import com.essentialslti.lti.session.LoginState;
import com.essentialslti.lti.session.LoginStates;
import com.essentialslti.web.Correlation;
import com.nimbusds.jwt.JWTClaimsSet;

import java.time.Clock;
import java.time.Duration;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The launch validation chain: the id_token POST passes each named check in order, or is rejected by the first
 * that fails. Cheap checks that need no key come first; the state is marked used only when everything else passed.
 */
public final class LaunchValidator {

    private static final Logger LOG = Logger.getLogger(LaunchValidator.class.getName());

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
        return new ValidatedLaunch(attempt.registration,
                withAcceptableServices(typed(attempt.claims), attempt.registration), List.copyOf(attempt.passed));
    }

    /**
     * The claims without their grade service when the tool will not call its URLs for this registration (see
     * {@link Registration#serviceUrlRefusal}): the tool would send the platform's token there. The launch itself
     * stands; the activity works as for a link without grades, and the operator finds the reason in the log.
     */
    static LaunchClaims withAcceptableServices(LaunchClaims claims, Registration registration) {
        Optional<LaunchClaims.GradeServiceClaim> grades = claims.gradeService();
        if (grades.isEmpty()) {
            return claims;
        }
        for (URI url : Stream.concat(grades.get().lineItems().stream(), grades.get().lineItem().stream()).toList()) {
            Optional<String> refusal = registration.serviceUrlRefusal(url);
            if (refusal.isPresent()) {
                LOG.warning("event=launch.ags.refused correlation=" + Correlation.current() + " issuer="
                        + LogValues.quote(registration.issuer()) + " client_id="
                        + LogValues.quote(registration.clientId()) + " url=" + LogValues.quote(url) + " reason="
                        + LogValues.quote(refusal.get()));
                return claims.withoutGradeService();
            }
        }
        return claims;
    }

    static Optional<String> text(Object value) {
        return value instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
    }

    /**
     * The claims as typed records. Total: any claim of an unexpected type is read as absent, except the two the
     * chain has already required (message_type, deployment_id), whose absence here is a refusal, never a cast error.
     */
    static LaunchClaims typed(JWTClaimsSet claims) throws LaunchRejected {
        String messageType = text(claims.getClaim(LtiClaim.MESSAGE_TYPE)).orElseThrow(() -> LaunchRejected.invalid(
                "lti.message_type.missing", "The launch does not say what kind of LTI message it is.",
                "message_type not a string"));
        String deploymentId = text(claims.getClaim(LtiClaim.DEPLOYMENT_ID)).orElseThrow(() -> LaunchRejected.invalid(
                "lti.deployment_id.missing", "The launch does not carry a deployment_id.",
                "deployment_id not a string"));
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
                messageType,
                deploymentId,
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
