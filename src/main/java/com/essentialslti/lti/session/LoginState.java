package com.essentialslti.lti.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

/**
 * What the tool issued at one login initiation: the OIDC {@code state} and {@code nonce}, and the login's
 * parameters. A launch may use it once, before it expires; its nonce belongs to this login only.
 */
@Entity
@Table(name = "login_state")
public class LoginState {

    @Id
    private String state;
    private String nonce;
    @Column(name = "registration_id")
    private String registrationId;
    @Column(name = "login_hint")
    private String loginHint;
    @Column(name = "message_hint")
    private String messageHint;
    @Column(name = "target_link_uri")
    private String targetLinkUri;
    @Column(name = "deployment_hint")
    private String deploymentHint;
    @Column(name = "storage_target")
    private String storageTarget;
    @Column(name = "created_at")
    private long createdAt;
    @Column(name = "expires_at")
    private long expiresAt;
    @Column(name = "used_at")
    private Long usedAt;

    protected LoginState() {
    }

    LoginState(String state, String nonce, LoginRequest login, Instant now, Instant expiresAt) {
        this.state = state;
        this.nonce = nonce;
        this.registrationId = login.registrationId();
        this.loginHint = login.loginHint();
        this.messageHint = login.messageHint();
        this.targetLinkUri = login.targetLinkUri();
        this.deploymentHint = login.deploymentHint();
        this.storageTarget = login.storageTarget();
        this.createdAt = now.toEpochMilli();
        this.expiresAt = expiresAt.toEpochMilli();
    }

    public String state() {
        return state;
    }

    public String nonce() {
        return nonce;
    }

    public String registrationId() {
        return registrationId;
    }

    public LoginRequest login() {
        return new LoginRequest(registrationId, loginHint, messageHint, targetLinkUri, deploymentHint, storageTarget);
    }

    public Optional<String> storageTarget() {
        return Optional.ofNullable(storageTarget);
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(Instant.ofEpochMilli(expiresAt));
    }

    public boolean used() {
        return usedAt != null;
    }
}
