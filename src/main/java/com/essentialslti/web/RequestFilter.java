package com.essentialslti.web;

import com.essentialslti.ToolComponents;
import com.essentialslti.infra.LogValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives every request a correlation id, logs the request as one structured line, and sets the security headers
 * every page needs inside an LMS iframe: framing is allowed to the registered platforms and the tool itself (its
 * sandbox), referrers are never sent (links carry the launch token), scripts and styles come only from the tool
 * itself. No X-Frame-Options: it cannot name several sites.
 */
@Provider
@PreMatching
@ApplicationScoped
public class RequestFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger("essentials.access");
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; frame-ancestors ";

    @Inject
    ToolComponents components;

    /** The policy for one list of platform origins; made again only when the registrations change. */
    private record Policy(List<String> origins, String header) {
    }

    private volatile Policy policy = new Policy(List.of(), csp(List.of()));

    /** The Content-Security-Policy for pages framed by these platforms ('self' for the sandbox). */
    static String csp(List<String> platformOrigins) {
        return CSP + String.join(" ", java.util.stream.Stream.concat(java.util.stream.Stream.of("'self'"),
                platformOrigins.stream()).toList());
    }

    private String csp() {
        List<String> origins = components.platformOrigins();
        Policy current = policy;
        if (current.origins() != origins) { // the same list until the registrations change
            current = new Policy(origins, csp(origins));
            policy = current;
        }
        return current.header();
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty("started", System.nanoTime());
        Correlation.begin(request.getHeaderString("X-Request-Id"));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("X-Correlation-Id", Correlation.current());
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("Referrer-Policy", "no-referrer");
        if (!headers.containsKey("Cache-Control")) {
            headers.putSingle("Cache-Control", "no-store");
        }
        if (response.getMediaType() != null && "html".equals(response.getMediaType().getSubtype())) {
            headers.putSingle("Content-Security-Policy", csp());
        }
        if (LOG.isLoggable(Level.INFO)) {
            Object started = request.getProperty("started");
            long micros = started instanceof Long s ? (System.nanoTime() - s) / 1000 : -1;
            LOG.info("event=http correlation=" + Correlation.current() + " method=" + LogValues.quote(request.getMethod())
                    + " path=" + LogValues.quote("/" + request.getUriInfo().getPath(false).replaceFirst("^/", ""))
                    + " status=" + response.getStatus() + " micros=" + micros);
        }
        Correlation.end();
    }
}
