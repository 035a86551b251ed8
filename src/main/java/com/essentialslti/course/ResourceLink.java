package com.essentialslti.course;

import com.essentialslti.lti.claims.LaunchClaims;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.net.URI;
import java.util.List;
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
    private String activity;
    @Column(name = "ags_lineitems")
    private String agsLineItems;
    @Column(name = "ags_lineitem")
    private String agsLineItem;
    @Column(name = "ags_scopes")
    private String agsScopes;

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

    /**
     * Keeps what the latest launch said about grades (the platform may turn grade services on or off at any time)
     * and, when the launch names one, the activity.
     */
    void launchedWith(LaunchClaims claims) {
        LaunchClaims.GradeServiceClaim grades = claims.gradeService().orElse(null);
        agsLineItems = grades == null ? null : grades.lineItems().map(URI::toString).orElse(null);
        agsLineItem = grades == null ? null : grades.lineItem().map(URI::toString).orElse(null);
        agsScopes = grades == null ? null : String.join(" ", grades.scopes());
        Optional.ofNullable(claims.custom().get("activity"))
                .flatMap(Activity::fromKey)
                .filter(Activity::available)
                .ifPresent(chosen -> activity = chosen.key());
    }

    /** A trainer's or course admin's choice on the link's page. */
    public void useFor(Activity chosen) {
        if (!chosen.available()) {
            throw new IllegalArgumentException(chosen.label() + " is not available yet");
        }
        activity = chosen.key();
    }

    public Optional<Activity> activity() {
        return Optional.ofNullable(activity).flatMap(Activity::fromKey);
    }

    /** The grade service of the latest launch, if the platform offered one for this link. */
    public Optional<LaunchClaims.GradeServiceClaim> gradeService() {
        if (agsScopes == null) {
            return Optional.empty();
        }
        List<String> scopes = agsScopes.isBlank() ? List.of() : List.of(agsScopes.split(" "));
        return Optional.of(new LaunchClaims.GradeServiceClaim(scopes,
                Optional.ofNullable(agsLineItems).map(URI::create), Optional.ofNullable(agsLineItem).map(URI::create)));
    }

    public String registrationId() {
        return registrationId;
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

    /**
     * What an activity keeps for the course (a question bank, a framework) belongs to the link's course, or to the
     * link itself when the launch named no course: that owner's id.
     */
    public String courseScope() {
        return course().map(Course::id).orElse(id);
    }

    public Optional<String> title() {
        return Optional.ofNullable(title);
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }
}
