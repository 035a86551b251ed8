package com.essentialslti.lti.registration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A deployment id that arrived in a launch but is not configured: kept for the operator, who adds it to the
 * registration file once they know it is legitimate (Canvas mints one per installation).
 */
@Entity
@Table(name = "unknown_deployment")
public class UnknownDeployment {

    @Id
    private String id;
    @Column(name = "registration_id")
    private String registrationId;
    @Column(name = "deployment_id")
    private String deploymentId;
    @Column(name = "first_seen")
    private long firstSeen;
    @Column(name = "last_seen")
    private long lastSeen;
    private long attempts;

    protected UnknownDeployment() {
    }

    UnknownDeployment(String registrationId, String deploymentId, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.registrationId = registrationId;
        this.deploymentId = deploymentId;
        this.firstSeen = now.toEpochMilli();
        this.lastSeen = firstSeen;
        this.attempts = 1;
    }

    void seenAgain(Instant now) {
        lastSeen = now.toEpochMilli();
        attempts++;
    }

    public String registrationId() {
        return registrationId;
    }

    public String deploymentId() {
        return deploymentId;
    }

    public long attempts() {
        return attempts;
    }

    public Instant firstSeen() {
        return Instant.ofEpochMilli(firstSeen);
    }

    public Instant lastSeen() {
        return Instant.ofEpochMilli(lastSeen);
    }
}
