package com.essentialslti;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the migrations ran and the tool's keys are loaded (MicroProfile Health: /health, /health/ready). */
@Readiness
@ApplicationScoped
public class ToolReadiness implements HealthCheck {

    @Inject
    ToolComponents components;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("essentials-lti")
                .status(components.ready())
                .withData("migrations", components.ready() ? "applied" : "pending")
                .withData("keys", components.ready() ? "loaded" : "missing")
                .build();
    }
}
