package com.essentialslti.course;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A person's role at a resource link, as of their latest launch there (platforms change roles; we follow). */
@Entity
@Table(name = "membership")
public class Membership {

    @Id
    private String id;
    @ManyToOne
    @JoinColumn(name = "user_id")
    private LtiUser user;
    @ManyToOne
    @JoinColumn(name = "resource_link_id")
    private ResourceLink resourceLink;
    @Enumerated(EnumType.STRING)
    @Column(name = "course_role")
    private CourseRole role;
    @Column(name = "lti_roles")
    private String ltiRoles;
    @Column(name = "last_launch")
    private long lastLaunch;

    protected Membership() {
    }

    Membership(LtiUser user, ResourceLink resourceLink) {
        this.id = UUID.randomUUID().toString();
        this.user = user;
        this.resourceLink = resourceLink;
    }

    /** How precisely last-seen and last-launch times are kept. */
    static final Duration LAST_SEEN_RESOLUTION = Duration.ofMinutes(5);

    void launched(CourseRole newRole, List<String> roles, Instant now) {
        this.role = newRole;
        this.ltiRoles = LtiUser.truncate(String.join(" ", roles), 4000);
        if (now.toEpochMilli() - lastLaunch >= LAST_SEEN_RESOLUTION.toMillis()) {
            this.lastLaunch = now.toEpochMilli();
        }
    }

    public LtiUser user() {
        return user;
    }

    public ResourceLink resourceLink() {
        return resourceLink;
    }

    public CourseRole role() {
        return role;
    }
}
