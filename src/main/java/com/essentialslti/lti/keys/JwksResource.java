package com.essentialslti.lti.keys;

import com.essentialslti.ToolKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The tool's public keys (the "Public keyset" URL an LMS asks for): the active key and retired keys in their
 * grace period. Answers without touching the database, so it stays fast while the tool itself calls the platform.
 */
@ApplicationScoped // stateless: one instance serves every request
@Path("/.well-known/jwks.json")
public class JwksResource {

    @Inject
    @ToolKeys
    KeyRing keys;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response jwks() {
        return Response.ok(keys.publicKeySet().toString(true))
                .header("Cache-Control", "public, max-age=300")
                .header("Access-Control-Allow-Origin", "*")
                .build();
    }
}
