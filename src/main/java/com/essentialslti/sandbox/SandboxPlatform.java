package com.essentialslti.sandbox;

import com.essentialslti.infra.Settings;
import com.essentialslti.lti.claims.LtiClaim;
import com.essentialslti.lti.keys.KeyRing;
import com.essentialslti.lti.registration.RegistrationFile;
import com.essentialslti.lti.registration.Registrations;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A tiny LTI 1.3 platform built into the tool, so that someone with no LMS can try it: its own keys and
 * registration, an authorization endpoint and a key set. Launches through it take the real login and launch path;
 * nothing here shortcuts validation.
 */
public final class SandboxPlatform {

    public static final String CLIENT_ID = "essentials-sandbox";
    public static final String DEPLOYMENT_ID = "sandbox";
    static final String LINK_ID = "sandbox-readiness-quiz";

    /** A person of the sandbox course. */
    public record Person(String role, String subject, String name, String email, List<String> roles) {
    }

    static final List<Person> PEOPLE = List.of(
            new Person("learner", "sandbox-learner", "Lee Learner", "lee.learner@sandbox.invalid",
                    List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner")),
            new Person("trainer", "sandbox-trainer", "Tara Trainer", "tara.trainer@sandbox.invalid",
                    List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor")),
            new Person("admin", "sandbox-admin", "Ade Admin", "ade.admin@sandbox.invalid",
                    List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Administrator",
                            "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator")));

    private final Settings settings;
    private final KeyRing keys;
    private final Registrations registrations;
    private final Clock clock;

    public SandboxPlatform(Settings settings, KeyRing keys, Registrations registrations, Clock clock) {
        this.settings = settings;
        this.keys = keys;
        this.registrations = registrations;
        this.clock = clock;
    }

    public String issuer() {
        return settings.url("/sandbox").toString();
    }

    /** Registers the sandbox with the tool, exactly as an operator's file would. */
    public void register() {
        registrations.save(new RegistrationFile("sandbox", "Sandbox platform (built in)", issuer(), CLIENT_ID,
                settings.url("/sandbox/auth"), settings.url("/sandbox/token"), settings.url("/sandbox/jwks.json"),
                Set.of(DEPLOYMENT_ID)));
    }

    static Optional<Person> person(String role) {
        return PEOPLE.stream().filter(p -> p.role().equals(role)).findFirst();
    }

    static Optional<Person> bySubject(String subject) {
        return PEOPLE.stream().filter(p -> p.subject().equals(subject)).findFirst();
    }

    /** The login initiation the sandbox sends for a person (Moodle-like: a POST with client and deployment). */
    Map<String, String> loginInitiation(Person person) {
        return Map.of(
                "iss", issuer(),
                "login_hint", person.subject(),
                "target_link_uri", settings.url("/lti/launch").toString(),
                "lti_message_hint", LINK_ID,
                "client_id", CLIENT_ID,
                "lti_deployment_id", DEPLOYMENT_ID);
    }

    /** The signed id_token the sandbox answers an authentication request with. */
    String idToken(Person person, String nonce) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .audience(CLIENT_ID)
                .subject(person.subject())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(60)))
                .claim("nonce", nonce)
                .claim("name", person.name())
                .claim("email", person.email())
                .claim(LtiClaim.MESSAGE_TYPE, LtiClaim.RESOURCE_LINK_REQUEST)
                .claim(LtiClaim.VERSION, LtiClaim.LTI_VERSION)
                .claim(LtiClaim.DEPLOYMENT_ID, DEPLOYMENT_ID)
                .claim(LtiClaim.TARGET_LINK_URI, settings.url("/lti/launch").toString())
                .claim(LtiClaim.RESOURCE_LINK, Map.of("id", LINK_ID, "title", "Essentials readiness quiz"))
                .claim(LtiClaim.CONTEXT, Map.of("id", "sandbox-course", "label", "PMO-ESS",
                        "title", "Essentials for PMO Managers (sandbox)"))
                .claim(LtiClaim.ROLES, person.roles())
                .claim(LtiClaim.TOOL_PLATFORM, Map.of("name", "Essentials sandbox", "guid", "sandbox"))
                .build();
        RSAKey key = keys.signingKey();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("the sandbox cannot sign", e);
        }
        return jwt.serialize();
    }

    String keySet() {
        return keys.publicKeySet().toString(true);
    }

    URI redirectUri() {
        return settings.url("/lti/launch");
    }
}
