package com.essentialslti.web;

import com.essentialslti.infra.LogValues;
import com.essentialslti.infra.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.util.OptionalLong;
import java.util.logging.Logger;

/**
 * Per-client rate limits on the resources marked {@link RateLimited}, the ones anyone may call before a platform has
 * vouched for them: the login initiation and the launch. A client over its limit gets a page saying so (429, with
 * Retry-After) before its form is read. After the correlation id is set ({@link RequestFilter} runs first), so the
 * page carries it. An IPv6 client counts by its /64 network, which one household or host holds whole.
 */
@ApplicationScoped
@Provider
@RateLimited
@Priority(Priorities.USER + 100)
public class RateLimitFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(RateLimitFilter.class.getName());
    @Inject
    Settings settings;
    @Context
    HttpServletRequest servletRequest;
    @Context
    ResourceInfo resource;

    @Inject
    ClientAddress addresses;
    private RateLimit limit;

    /** The resource's own path (its class, or the class a container proxy extends), whatever path reached it. */
    static String endpoint(Class<?> resourceClass) {
        for (Class<?> type = resourceClass; type != null; type = type.getSuperclass()) {
            Path path = type.getAnnotation(Path.class);
            if (path != null) {
                return path.value().replaceFirst("^/", "");
            }
        }
        return resourceClass.getName();
    }

    @PostConstruct
    void configure() {
        limit = new RateLimit(settings.rateLimitPerSecond());
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = endpoint(resource.getResourceClass());
        String client = addresses.of(servletRequest.getRemoteAddr(), request.getHeaderString("X-Forwarded-For"));
        OptionalLong retryAfter = limit.take(path, ClientAddress.network(client));
        if (retryAfter.isPresent()) {
            LOG.warning("event=rate_limited correlation=" + Correlation.current() + " path=/" + path
                    + " client=" + LogValues.quote(client));
            request.abortWith(Response.fromResponse(Pages.error(429, "Too many requests from your network",
                            "The tool received more launches from your network address in the last seconds than it "
                                    + "accepts (" + settings.rateLimitPerSecond() + " a second).",
                            "Wait a few seconds, then launch the activity again from the course page. If this keeps "
                                    + "happening for a whole class, ask the tool's operator to raise "
                                    + "RATE_LIMIT_PER_SECOND or to list the school's proxy in TRUSTED_PROXIES."))
                    .header("Retry-After", retryAfter.getAsLong())
                    .build());
        }
    }
}
