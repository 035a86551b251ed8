package com.essentialslti.admin;

import com.essentialslti.infra.Settings;
import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The gate of the operator API: {@code Authorization: Bearer $OPERATOR_TOKEN}, compared in constant time. The API
 * is off (404) while OPERATOR_TOKEN is unset or too short. Its errors answer JSON: {@code {"error": code, "message": text}}.
 */
@ApplicationScoped
public class OperatorAccess {

    @Inject
    Settings settings;

    /** A request the gate turns away: its status and stable error code. */
    record Refusal(int status, String code, String message) {
    }

    /** Returns when the request carries the operator's token; otherwise throws the JSON refusal (404 or 401). */
    public void check(String authorization) {
        Optional<Refusal> refusal = refusal(authorization);
        if (refusal.isPresent()) {
            Refusal r = refusal.get();
            throw new WebApplicationException(error(r.status(), r.code(), r.message()));
        }
    }

    Optional<Refusal> refusal(String authorization) {
        if (!settings.operatorApiEnabled()) {
            // A short token also stops the tool's start (Settings.requireStrongOperatorToken); this gate holds
            // on its own all the same.
            return Optional.of(new Refusal(404, "operator_api_disabled", "Set OPERATOR_TOKEN (at least "
                    + Settings.MIN_OPERATOR_TOKEN_LENGTH + " characters) to enable the operator API."));
        }
        byte[] expected = ("Bearer " + settings.operatorToken().get()).getBytes(StandardCharsets.UTF_8);
        if (authorization == null
                || !MessageDigest.isEqual(expected, authorization.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(new Refusal(401, "unauthorized", "Send Authorization: Bearer <OPERATOR_TOKEN>."));
        }
        return Optional.empty();
    }

    /** An operator API error with a stable code. */
    public static Response error(int status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        return json(Response.status(status), body);
    }

    /** A JSON answer of the operator API. */
    public static Response json(Response.ResponseBuilder response, Map<String, ?> body) {
        return response.type(MediaType.APPLICATION_JSON).entity(JSONObjectUtils.toJSONString(body)).build();
    }
}
