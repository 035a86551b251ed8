package com.essentialslti.course;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A person as one platform identifies them (issuer registration + sub). Name and email only if shared. */
@Entity
@Table(name = "lti_user")
public class LtiUser {

    @Id
    private String id;
    @Column(name = "registration_id")
    private String registrationId;
    private String subject;
    private String name;
    private String email;
    @Column(name = "first_seen")
    private long firstSeen;
    @Column(name = "last_seen")
    private long lastSeen;

    protected LtiUser() {
    }

    LtiUser(String registrationId, String subject, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.registrationId = registrationId;
        this.subject = subject;
        this.firstSeen = now.toEpochMilli();
        this.lastSeen = firstSeen;
    }

    /**
     * The platform decides what it shares at each launch: what it no longer shares is forgotten. The last-seen
     * time moves in steps of {@link Membership#LAST_SEEN_RESOLUTION}, so that a repeated launch writes nothing.
     */
    void launched(Optional<String> sharedName, Optional<String> sharedEmail, Instant now) {
        this.name = sharedName.map(n -> truncate(n, 512)).orElse(null);
        this.email = sharedEmail.map(e -> truncate(e, 512)).orElse(null);
        if (now.toEpochMilli() - lastSeen >= Membership.LAST_SEEN_RESOLUTION.toMillis()) {
            this.lastSeen = now.toEpochMilli();
        }
    }

    static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    public String id() {
        return id;
    }

    public String subject() {
        return subject;
    }

    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    public Optional<String> email() {
        return Optional.ofNullable(email);
    }
}
