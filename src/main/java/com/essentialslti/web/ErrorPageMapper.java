package com.essentialslti.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every error becomes an HTML page that fits in the LMS iframe, with the correlation id. Client errors keep their
 * 4xx status; only a fault of the tool itself is a 500, and its details go to the log, never to the page.
 */
@Provider
public class ErrorPageMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ErrorPageMapper.class.getName());

    @Override
    public Response toResponse(Throwable error) {
        if (error instanceof WebApplicationException web && web.getResponse().getStatus() < 500
                && web.getResponse().hasEntity()) {
            return web.getResponse(); // the tool's own page for this refusal
        }
        if (error instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            LOG.info("event=http.client_error correlation=" + Correlation.current() + " status=" + status
                    + " reason=\"" + error.getClass().getSimpleName() + "\"");
            return Pages.error(status, titleFor(status), explanationFor(status),
                    "Check the address, or go back to the course and launch the activity again.");
        }
        LOG.log(Level.SEVERE, "event=http.server_error correlation=" + Correlation.current(), error);
        return Pages.error(500, "Something went wrong in the tool",
                "The tool could not finish this request. Nothing you entered has been lost.",
                "Try again in a moment. If it keeps happening, give the tool's operator the reference below.");
    }

    private static String titleFor(int status) {
        return switch (status) {
            case 404 -> "Page not found";
            case 405 -> "This address does not accept that kind of request";
            case 413 -> "The request is too large";
            case 415 -> "The request is not in a format the tool accepts";
            default -> "The request could not be handled";
        };
    }

    private static String explanationFor(int status) {
        return switch (status) {
            case 404 -> "There is no page at this address.";
            case 405 -> "The address exists, but not for this HTTP method.";
            case 413 -> "The request is larger than the tool accepts.";
            default -> "The request was malformed or incomplete.";
        };
    }
}
