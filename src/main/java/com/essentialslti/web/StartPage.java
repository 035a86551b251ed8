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

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    ToolComponents components;
    @Inject
    Instance<Registrations> registrations; // read only once the tool has started: the page never waits for it

    @GET
    public Response start(@Context HttpHeaders headers, @Context UriInfo uri) {
        List<String> notices = StartNotices.of(settings, scheme(headers, uri.getRequestUri()),
                authority(headers, uri.getRequestUri()), registrationState());
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
                all.unknownDeployments().size());
    }

    /**
     * The host and port the request was sent to. Behind a reverse proxy that rewrites Host, X-Forwarded-Host keeps
     * the original. Trusted here without checking the proxy, because it only chooses which words this page shows.
     */
    static String authority(HttpHeaders headers, URI requested) {
        return firstOf(headers.getHeaderString("X-Forwarded-Host"))
                .or(() -> firstOf(headers.getHeaderString(HttpHeaders.HOST)))
                .orElse(requested.getRawAuthority());
    }

    /** The scheme, when known: a proxy's X-Forwarded-Proto, or https received directly; plain http may be a proxy's. */
    static Optional<String> scheme(HttpHeaders headers, URI requested) {
        return firstOf(headers.getHeaderString("X-Forwarded-Proto"))
                .or(() -> "https".equalsIgnoreCase(requested.getScheme()) ? Optional.of("https") : Optional.empty());
    }

    private static Optional<String> firstOf(String header) {
        return header == null || header.isBlank() ? Optional.empty() : Optional.of(header.split(",")[0].strip());
    }
}
