package com.essentialslti.admin;

import com.essentialslti.ToolKeys;
import com.essentialslti.lti.keys.KeyRing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;
import java.util.logging.Logger;

/**
 * Key rotation for the operator: {@code POST /admin/keys/rotate} with {@code Authorization: Bearer $OPERATOR_TOKEN}.
 * The new key signs from then on; the old one stays in the JWKS for the grace period (KEY_GRACE_DAYS).
 * Off unless OPERATOR_TOKEN is configured.
 */
@ApplicationScoped // stateless: one instance serves every request
@Path("/admin/keys/rotate")
public class KeyRotationResource {

    private static final Logger LOG = Logger.getLogger(KeyRotationResource.class.getName());

    @Inject
    OperatorAccess operator;
    @Inject
    @ToolKeys
    KeyRing keys;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response rotate(@HeaderParam("Authorization") String authorization) {
        operator.check(authorization);
        String kid = keys.rotate();
        LOG.info("event=keys.rotated kid=" + kid);
        return OperatorAccess.json(Response.ok(), Map.of("active_kid", kid));
    }
}
