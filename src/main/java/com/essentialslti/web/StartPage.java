package com.essentialslti.web;

import com.essentialslti.ToolComponents;
import com.essentialslti.infra.Settings;
import com.essentialslti.lti.registration.Registration;
import com.essentialslti.lti.registration.Registrations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The page for someone who opens the tool directly: what it is, the values an LMS administrator enters, whether
 * the tool is healthy and what needs its operator ({@link StartNotices}), and (on localhost) the sandbox buttons.
 */
@ApplicationScoped // stateless: one instance serves every request
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class StartPage {

    @Inject
    Settings settings;
    @Inject
    ClientAddress proxies;
    @Inject
    ToolComponents components;
    @Inject
    Instance<Registrations> registrations; // read only once the tool has started: the page never waits for it

    @GET
    public Response start(@Context HttpHeaders headers, @Context UriInfo uri,
                          @Context jakarta.servlet.http.HttpServletRequest peer) {
        boolean throughProxy = proxies.isTrustedProxy(peer.getRemoteAddr());
        List<String> notices = StartNotices.of(settings, RequestAddress.of(headers::getHeaderString,
                uri.getRequestUri(), throughProxy), registrationState());
        return Pages.ok("web/start", model(settings, components.ready(), notices));
    }

    static Map<String, Object> model(Settings settings, boolean ready, List<String> notices) {
        Map<String, Object> model = new HashMap<>();
        model.put("ready", ready);
        model.put("notices", notices);
        model.put("hasNotices", !notices.isEmpty());
        model.put("values", List.of(
                Map.of("label", "Tool URL / Target link URI", "value", settings.url("/lti/launch").toString()),
                Map.of("label", "Initiate login URL (OIDC login)", "value", settings.url("/lti/login").toString()),
                Map.of("label", "Redirection URI", "value", settings.url("/lti/launch").toString()),
                Map.of("label", "Public keyset URL (JWKS)", "value", settings.url("/.well-known/jwks.json").toString()),
                Map.of("label", "LTI version", "value", "LTI 1.3")));
        model.put("sandbox", settings.sandboxEnabled() && ready);
        model.put("sandboxForced", settings.sandboxForced());
        return model;
    }

    private StartNotices.Registrations registrationState() {
        if (!components.ready()) {
            return StartNotices.Registrations.NONE;
        }
        Registrations all = registrations.get();
        return new StartNotices.Registrations(
                components.registrationReport().map(report -> report.refused().size()).orElse(0),
                (int) all.all().stream().filter(Registration::retired).count(),
                (int) Math.min(Integer.MAX_VALUE, all.unknownDeploymentCount()));
    }
}
