package com.essentialslti.web;

import com.essentialslti.ToolComponents;
import com.essentialslti.infra.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The page for someone who opens the tool directly: what it is, the values an LMS administrator enters, whether
 * the tool is healthy, and (on localhost) the sandbox buttons.
 */
@ApplicationScoped // stateless: one instance serves every request
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class StartPage {

    @Inject
    Settings settings;
    @Inject
    ToolComponents components;

    @GET
    public Response start() {
        Map<String, Object> model = new HashMap<>();
        model.put("ready", components.ready());
        model.put("values", List.of(
                Map.of("label", "Tool URL / Target link URI", "value", settings.url("/lti/launch").toString()),
                Map.of("label", "Initiate login URL (OIDC login)", "value", settings.url("/lti/login").toString()),
                Map.of("label", "Redirection URI", "value", settings.url("/lti/launch").toString()),
                Map.of("label", "Public keyset URL (JWKS)", "value", settings.url("/.well-known/jwks.json").toString()),
                Map.of("label", "LTI version", "value", "LTI 1.3")));
        model.put("sandbox", settings.sandboxEnabled() && components.ready());
        model.put("sandboxForced", settings.sandboxForced());
        return Pages.ok("web/start", model);
    }
}
