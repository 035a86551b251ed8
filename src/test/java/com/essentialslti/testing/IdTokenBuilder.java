package com.essentialslti.testing;

import com.essentialslti.lti.claims.LtiClaim;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds id_tokens as a platform would send them: a valid LtiResourceLinkRequest by default, signed RS256 with the
 * platform's key and its kid; every claim and the header can be changed or removed to make the known-bad cases.
 */
public final class IdTokenBuilder {

    public static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
    public static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
    public static final String ADMINISTRATOR = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator";

    private final Map<String, Object> claims = new LinkedHashMap<>();
    private RSAKey key;
    private String kid;
    private boolean withKid = true;
    private JWSAlgorithm alg = JWSAlgorithm.RS256;
    private byte[] hmacSecret;
    private boolean unsigned;

    private IdTokenBuilder() {
    }

    public static IdTokenBuilder resourceLinkLaunch(String issuer, String clientId, String deploymentId,
                                                    String nonce, RSAKey key) {
        Instant now = Instant.now();
        IdTokenBuilder b = new IdTokenBuilder();
        b.key = key;
        b.kid = key.getKeyID();
        b.claims.put("iss", issuer);
        b.claims.put("aud", clientId);
        b.claims.put("sub", "user-1001");
        b.claims.put("iat", now.getEpochSecond());
        b.claims.put("exp", now.plusSeconds(60).getEpochSecond());
        b.claims.put("nonce", nonce);
        b.claims.put("name", "Pat Learner");
        b.claims.put("given_name", "Pat");
        b.claims.put("family_name", "Learner");
        b.claims.put("email", "pat.learner@example.edu");
        b.claims.put(LtiClaim.MESSAGE_TYPE, LtiClaim.RESOURCE_LINK_REQUEST);
        b.claims.put(LtiClaim.VERSION, LtiClaim.LTI_VERSION);
        b.claims.put(LtiClaim.DEPLOYMENT_ID, deploymentId);
        b.claims.put(LtiClaim.TARGET_LINK_URI, "http://localhost:28080/lti/launch");
        b.claims.put(LtiClaim.RESOURCE_LINK, Map.of("id", "link-1", "title", "Readiness quiz"));
        b.claims.put(LtiClaim.CONTEXT, Map.of("id", "course-1", "label", "PMO101", "title", "Essentials for PMO Managers"));
        b.claims.put(LtiClaim.ROLES, List.of(LEARNER));
        return b;
    }

    public IdTokenBuilder with(String claim, Object value) {
        claims.put(claim, value);
        return this;
    }

    public IdTokenBuilder without(String... names) {
        for (String name : names) {
            claims.remove(name);
        }
        return this;
    }

    public IdTokenBuilder subject(String sub) {
        return with("sub", sub);
    }

    public IdTokenBuilder roles(String... roles) {
        return with(LtiClaim.ROLES, List.of(roles));
    }

    public IdTokenBuilder resourceLink(String id) {
        return with(LtiClaim.RESOURCE_LINK, Map.of("id", id, "title", "Link " + id));
    }

    /**
     * The Assignment and Grade Services endpoint claim (AGS 2.0 §3.1): the granted scopes, the context's line items
     * container and, when not null, the resource link's own line item.
     */
    public IdTokenBuilder agsEndpoint(List<String> scopes, URI lineItems, URI lineItem) {
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("scope", List.copyOf(scopes));
        endpoint.put("lineitems", lineItems.toString());
        if (lineItem != null) {
            endpoint.put("lineitem", lineItem.toString());
        }
        return with(LtiClaim.AGS_ENDPOINT, endpoint);
    }

    public IdTokenBuilder issuedAt(Instant iat) {
        return with("iat", iat.getEpochSecond());
    }

    public IdTokenBuilder expiresAt(Instant exp) {
        return with("exp", exp.getEpochSecond());
    }

    public IdTokenBuilder kid(String value) {
        this.kid = value;
        return this;
    }

    public IdTokenBuilder noKid() {
        this.withKid = false;
        return this;
    }

    public IdTokenBuilder signedWith(RSAKey other) {
        this.key = other;
        this.kid = other.getKeyID();
        return this;
    }

    /** The classic confusion attack: HS256 keyed with something the attacker knows (the platform's public key). */
    public IdTokenBuilder hs256(byte[] secret) {
        this.alg = JWSAlgorithm.HS256;
        this.hmacSecret = secret;
        return this;
    }

    /** An unsecured JWT: alg "none" and an empty signature. */
    public IdTokenBuilder algNone() {
        this.unsigned = true;
        return this;
    }

    public String build() {
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder();
        claims.forEach((name, value) -> {
            switch (name) {
                case "iat" -> set.issueTime(Date.from(Instant.ofEpochSecond((Long) value)));
                case "exp" -> set.expirationTime(Date.from(Instant.ofEpochSecond((Long) value)));
                default -> set.claim(name, value);
            }
        });
        JWTClaimsSet claimsSet = set.build();
        if (unsigned) {
            String header = Base64URL.encode("{\"alg\":\"none\"" + (withKid ? ",\"kid\":\"" + kid + "\"" : "")
                    + "}").toString();
            return header + "." + Base64URL.encode(claimsSet.toString().getBytes(StandardCharsets.UTF_8)) + ".";
        }
        JWSHeader.Builder header = new JWSHeader.Builder(alg).type(JOSEObjectType.JWT);
        if (withKid) {
            header.keyID(kid);
        }
        SignedJWT jwt = new SignedJWT(header.build(), claimsSet);
        try {
            jwt.sign(alg == JWSAlgorithm.HS256 ? new MACSigner(hmacSecret) : new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
