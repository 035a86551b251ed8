package com.essentialslti.course;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.util.Optional;
import java.util.UUID;

/** A placement of the tool in a course: the link a learner clicks. Activities attach to it. */
@Entity
@Table(name = "resource_link")
public class ResourceLink {

    @Id
    private String id;
    @Column(name = "registration_id")
    private String registrationId;
    @Column(name = "deployment_id")
    private String deploymentId;
    @Column(name = "link_id")
    private String linkId;
    @ManyToOne
    @JoinColumn(name = "course_id")
    private Course course;
    private String title;
    private String description;

    protected ResourceLink() {
    }

    ResourceLink(String registrationId, String deploymentId, String linkId) {
        this.id = UUID.randomUUID().toString();
        this.registrationId = registrationId;
        this.deploymentId = deploymentId;
        this.linkId = linkId;
    }

    void describe(Course inCourse, Optional<String> newTitle, Optional<String> newDescription) {
        if (inCourse != null) {
            this.course = inCourse;
        }
        this.title = newTitle.map(t -> LtiUser.truncate(t, 1024)).orElse(title);
        this.description = newDescription.map(d -> LtiUser.truncate(d, 4000)).orElse(description);
    }

    public String id() {
        return id;
    }

    public String linkId() {
        return linkId;
    }

    public String deploymentId() {
        return deploymentId;
    }

    public Optional<Course> course() {
        return Optional.ofNullable(course);
    }

    public Optional<String> title() {
        return Optional.ofNullable(title);
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }
}
