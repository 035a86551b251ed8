package com.essentialslti.lti.registration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.util.UUID;

/** One deployment of the tool on a platform (Moodle: one per tool type; Canvas: one per installation). */
@Entity
@Table(name = "deployment")
public class Deployment {

    /** The width of the deployment_id columns: every place that takes a deployment id checks against it. */
    public static final int MAX_ID_LENGTH = 255;

    @Id
    private String id;
    @ManyToOne
    @JoinColumn(name = "registration_id")
    private Registration registration;
    @Column(name = "deployment_id")
    private String deploymentId;

    protected Deployment() {
    }

    Deployment(Registration registration, String deploymentId) {
        if (deploymentId == null || deploymentId.isBlank()) {
            throw new IllegalArgumentException("a deployment id is never blank");
        }
        this.id = UUID.randomUUID().toString();
        this.registration = registration;
        this.deploymentId = deploymentId;
    }

    public String deploymentId() {
        return deploymentId;
    }
}
