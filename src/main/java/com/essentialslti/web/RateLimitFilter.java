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
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.util.OptionalLong;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Per-client rate limits on the endpoints that anyone may call before a platform has vouched for them: the login
 * initiation and the launch. A client over its limit gets a page saying so (429, with Retry-After) before the
 * request is parsed. After the correlation id is set ({@link RequestFilter} runs first), so the page carries it.
 */
@ApplicationScoped
@Provider
@PreMatching
@Priority(Priorities.USER + 100)
public class RateLimitFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(RateLimitFilter.class.getName());
    static final Set<String> LIMITED = Set.of("lti/login", "lti/launch");

    @Inject
    Settings settings;
    @Context
    HttpServletRequest servletRequest;

    private RateLimit limit;
    private ClientAddress addresses;

    @PostConstruct
    void configure() {
        limit = new RateLimit(settings.rateLimitPerSecond());
        addresses = new ClientAddress(settings.trustedProxies());
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath(false).replaceFirst("^/", "");
        if (!LIMITED.contains(path)) {
            return;
        }
        String client = addresses.of(servletRequest.getRemoteAddr(), request.getHeaderString("X-Forwarded-For"));
        OptionalLong retryAfter = limit.take(path, client);
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
