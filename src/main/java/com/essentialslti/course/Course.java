package com.essentialslti.course;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Optional;
import java.util.UUID;

/** An LTI context (usually a course) of one deployment on one platform. */
@Entity
@Table(name = "course")
public class Course {

    @Id
    private String id;
    @Column(name = "registration_id")
    private String registrationId;
    @Column(name = "deployment_id")
    private String deploymentId;
    @Column(name = "context_id")
    private String contextId;
    private String label;
    private String title;

    protected Course() {
    }

    Course(String registrationId, String deploymentId, String contextId) {
        this.id = UUID.randomUUID().toString();
        this.registrationId = registrationId;
        this.deploymentId = deploymentId;
        this.contextId = contextId;
    }

    void describe(Optional<String> newLabel, Optional<String> newTitle) {
        this.label = newLabel.map(l -> LtiUser.truncate(l, 512)).orElse(label);
        this.title = newTitle.map(t -> LtiUser.truncate(t, 1024)).orElse(title);
    }

    public String id() {
        return id;
    }

    public String contextId() {
        return contextId;
    }

    public Optional<String> label() {
        return Optional.ofNullable(label);
    }

    public Optional<String> title() {
        return Optional.ofNullable(title);
    }
}
