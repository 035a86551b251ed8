package com.essentialslti.lti.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * An RSA key pair that signs what a party sends: the tool's own messages, or the sandbox platform's id_tokens.
 * Active until rotated; then retired, and still published until its grace period ends so that a platform can verify
 * what was signed just before the rotation.
 */
@Entity
@Table(name = "tool_key")
public class ToolKey {

    public enum Status { ACTIVE, RETIRED }

    static final int KEY_SIZE = 2048;

    @Id
    private String kid;
    private String purpose;
    private String jwk;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "created_at")
    private long createdAt;
    @Column(name = "retired_at")
    private Long retiredAt;

    @Transient
    private RSAKey parsed;

    protected ToolKey() {
    }

    static ToolKey generate(String purpose, Instant now) {
        return of(purpose, newKeyPair(), now);
    }

    static ToolKey of(String purpose, RSAKey key, Instant now) {
        ToolKey toolKey = new ToolKey();
        toolKey.kid = key.getKeyID();
        toolKey.purpose = purpose;
        toolKey.jwk = key.toJSONString();
        toolKey.status = Status.ACTIVE;
        toolKey.createdAt = now.toEpochMilli();
        toolKey.parsed = key;
        return toolKey;
    }

    static RSAKey newKeyPair() {
        try {
            return new RSAKeyGenerator(KEY_SIZE)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(com.nimbusds.jose.JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key pair", e);
        }
    }

    void retire(Instant now) {
        if (status != Status.ACTIVE) {
            throw new IllegalStateException("key " + kid + " is already retired");
        }
        status = Status.RETIRED;
        retiredAt = now.toEpochMilli();
    }

    boolean publishedAt(Instant now, Duration gracePeriod) {
        return status == Status.ACTIVE || Instant.ofEpochMilli(retiredAt).plus(gracePeriod).isAfter(now);
    }

    public String kid() {
        return kid;
    }

    Instant createdAt() {
        return Instant.ofEpochMilli(createdAt);
    }

    Status status() {
        return status;
    }

    public boolean active() {
        return status == Status.ACTIVE;
    }

    public RSAKey rsaKey() {
        if (parsed == null) {
            try {
                parsed = RSAKey.parse(jwk);
            } catch (ParseException e) {
                throw new IllegalStateException("stored key " + kid + " is not a valid JWK", e);
            }
        }
        return parsed;
    }

    public RSAKey publicKey() {
        return rsaKey().toPublicJWK();
    }
}
