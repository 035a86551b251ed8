package com.essentialslti.web;

import com.essentialslti.ToolComponents;
import com.essentialslti.infra.LogValues;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Refuses a request body larger than the tool takes (1 MiB; an id_token is a few KiB) before anything reads it, with
 * the tool's own 413 page inside the LMS iframe and the reference the operator looks up in the log. The server's
 * limit (max-post-size-bytes, pre-boot-commands.txt) is set higher: when the server refuses, it does so before any of
 * the tool's code runs, with its own "HTTP Status 500" report that says nothing an administrator can act on.
 */
@WebFilter(urlPatterns = "/*")
public class RequestSizeLimit extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(RequestSizeLimit.class.getName());
    /** The largest body the tool takes: what the server took before the tool checked itself. */
    static final long MAX_BODY_BYTES = 1024 * 1024;

    @Inject
    ToolComponents components;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long length = request.getContentLengthLong();
        if (length <= MAX_BODY_BYTES) {
            chain.doFilter(request, response);
            return;
        }
        Correlation.begin(request.getHeader("X-Request-Id"));
        try {
            LOG.info("event=http.too_large correlation=" + Correlation.current() + " method="
                    + LogValues.quote(request.getMethod()) + " path=" + LogValues.quote(request.getRequestURI())
                    + " bytes=" + length);
            response.setStatus(413);
            response.setContentType("text/html;charset=UTF-8");
            response.setHeader("Connection", "close"); // the rest of the body is not worth reading
            response.setHeader("X-Correlation-Id", Correlation.current());
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Referrer-Policy", "no-referrer");
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Content-Security-Policy", RequestFilter.csp(components.platformOrigins()));
            response.getWriter().write(Pages.render("web/error", Map.of(
                    "title", "The request is too large",
                    "explanation", "The request carried " + length / 1024 + " KiB; the tool accepts at most "
                            + MAX_BODY_BYTES / 1024 + " KiB. A launch from an LMS is a few KiB.",
                    "remedy", "If this came from a launch, the LMS sent far more than a launch needs: ask the LMS "
                            + "administrator to check the custom parameters and claims the tool's link sends. "
                            + "Otherwise, go back to the course and launch the activity again.")));
        } finally {
            Correlation.end();
        }
    }
}
