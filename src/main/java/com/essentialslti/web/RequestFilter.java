package com.essentialslti.web;

import com.essentialslti.infra.LogValues;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives every request a correlation id, logs the request as one structured line, and sets the security headers
 * every page needs inside an LMS iframe: framing is allowed (the LMS embeds us), referrers are never sent (links
 * carry the launch token), scripts and styles come only from the tool itself.
 */
@Provider
@PreMatching
public class RequestFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger("essentials.access");
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; frame-ancestors *";

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
            headers.putSingle("Content-Security-Policy", CSP);
        }
        if (LOG.isLoggable(Level.INFO)) {
            Object started = request.getProperty("started");
            long micros = started instanceof Long s ? (System.nanoTime() - s) / 1000 : -1;
            LOG.info("event=http correlation=" + Correlation.current() + " method=" + request.getMethod()
                    + " path=" + LogValues.quote("/" + request.getUriInfo().getPath(false).replaceFirst("^/", ""))
                    + " status=" + response.getStatus() + " micros=" + micros);
        }
        Correlation.end();
    }
}
