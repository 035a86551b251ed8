package com.essentialslti.lti.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * The record that a login state served its launch: the only thing a login leaves in the database, written once the
 * platform-signed id_token passed every other check. Kept until the state has expired, after which the state
 * itself is refused.
 */
@Entity
@Table(name = "used_login_state")
public class UsedLoginState {

    @Id
    @Column(name = "state_id")
    private String stateId;
    @Column(name = "expires_at")
    private long expiresAt;

    protected UsedLoginState() {
    }

    UsedLoginState(LoginState state) {
        this.stateId = state.id();
        this.expiresAt = state.expiresAt().toEpochMilli();
    }
}
