package com.essentialslti.admin;

import com.essentialslti.ToolKeys;
import com.essentialslti.infra.Settings;
import com.essentialslti.lti.keys.KeyRing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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
    Settings settings;
    @Inject
    @ToolKeys
    KeyRing keys;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response rotate(@HeaderParam("Authorization") String authorization) {
        if (settings.operatorToken().isEmpty()) {
            return error(404, "operator_api_disabled", "Set OPERATOR_TOKEN to enable the operator API.");
        }
        String expected = "Bearer " + settings.operatorToken().get();
        if (authorization == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                authorization.getBytes(StandardCharsets.UTF_8))) {
            return error(401, "unauthorized", "Send Authorization: Bearer <OPERATOR_TOKEN>.");
        }
        String kid = keys.rotate();
        LOG.info("event=keys.rotated kid=" + kid);
        return Response.ok("{\"active_kid\":\"" + kid + "\"}").build();
    }

    private static Response error(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity("{\"error\":\"" + code + "\",\"message\":\"" + message + "\"}").build();
    }
}
