package com.essentialslti.selfassessment.framework;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A course's framework: which of its versions is current. Two trainers saving at once both write a version; the
 * row version lets only one move the pointer from the version both started from, and the other is told.
 */
@Entity
@Table(name = "sa_framework")
public class CourseFramework {

    @Id
    private String scope;
    @Column(name = "current_version_id")
    private String currentVersionId;
    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected CourseFramework() {
    }

    CourseFramework(String scope, String currentVersionId) {
        this.scope = scope;
        this.currentVersionId = currentVersionId;
    }

    String currentVersionId() {
        return currentVersionId;
    }

    void moveTo(String versionId) {
        currentVersionId = versionId;
    }
}
