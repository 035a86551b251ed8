package com.essentialslti.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** The tool's few static files (stylesheet, small scripts), from the class path, cached by browsers. */
@ApplicationScoped // stateless: one instance serves every request
@Path("/assets/{name}")
public class Assets {

    private static final Map<String, String> TYPES = Map.of(
            "app.css", "text/css; charset=utf-8",
            "autosubmit.js", "text/javascript; charset=utf-8",
            "platform-storage.js", "text/javascript; charset=utf-8",
            "page-address.js", "text/javascript; charset=utf-8");

    @GET
    public Response asset(@PathParam("name") String name) throws IOException {
        String type = TYPES.get(name);
        if (type == null) {
            return Pages.error(404, "Page not found", "There is no file at this address.", "Check the address.");
        }
        try (InputStream in = Assets.class.getResourceAsStream("/assets/" + name)) {
            return Response.ok(in.readAllBytes(), type).header("Cache-Control", "public, max-age=3600").build();
        }
    }
}
