package com.essentialslti.admin;

import com.essentialslti.lti.registration.Registrations;
import com.essentialslti.lti.registration.UnknownDeployment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The deployment ids that launches carried but no registration file lists, for the operator to review:
 * {@code GET /admin/deployments/unknown}, most recently seen first. Canvas mints one per installation, so they
 * arrive in normal operation; the operator adds the legitimate ones to the platform's file. The start page counts
 * them. Same gate as the rest of the operator API ({@link OperatorAccess}).
 */
@ApplicationScoped // stateless: one instance serves every request
@Path("/admin/deployments/unknown")
@Produces(MediaType.APPLICATION_JSON)
public class UnknownDeploymentsResource {

    @Inject
    OperatorAccess operator;
    @Inject
    Registrations registrations;

    @GET
    public Response list(@HeaderParam("Authorization") String authorization) {
        operator.check(authorization);
        List<Map<String, Object>> unknown = registrations.unknownDeployments().stream().map(this::json).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unknown_deployments", unknown);
        body.put("count", unknown.size());
        return OperatorAccess.json(Response.ok(), body);
    }

    private Map<String, Object> json(UnknownDeployment deployment) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("platform", ParkedGradesResource.platform(deployment.registrationId(),
                registrations.byId(deployment.registrationId())));
        json.put("deployment_id", deployment.deploymentId());
        json.put("first_seen", deployment.firstSeen().toString());
        json.put("last_seen", deployment.lastSeen().toString());
        json.put("attempts", deployment.attempts());
        return json;
    }
}
