package com.essentialslti.web;

import com.essentialslti.infra.Settings;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Logs, once per address, a login that reached the tool at another host or port than LTI_BASE_URL's. The LMS then
 * holds a redirect URI the tool does not send, and Moodle answers the tool's authentication request with a bare
 * "Invalid request" that names nothing: this line is where the operator learns which address to set.
 */
@Provider
@jakarta.enterprise.context.ApplicationScoped // one set of reported addresses for the whole tool
public class LoginAddressCheck implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(LoginAddressCheck.class.getName());
    /** Enough for every address a real deployment is reached at; Host headers sent at random cannot grow it. */
    static final int MAX_ADDRESSES = 32;
    /** A host and port as a log line may carry them: nothing that could forge another field or line. */
    private static final Pattern PRINTABLE = Pattern.compile("[A-Za-z0-9.:\\[\\]-]{1,255}");

    @Inject
    Settings settings;
    @jakarta.ws.rs.core.Context
    jakarta.servlet.http.HttpServletRequest peer;
    @Inject
    ClientAddress proxies;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().endsWith("lti/login")) {
            boolean throughProxy = proxies.isTrustedProxy(peer.getRemoteAddr());
            mismatch(RequestAddress.of(request::getHeaderString, request.getUriInfo().getRequestUri(), throughProxy))
                    .ifPresent(LOG::warning);
        }
    }

    /** The log line for a login sent to {@code requested}, the first time that address is not LTI_BASE_URL's. */
    Optional<String> mismatch(RequestAddress requested) {
        String authority = requested.authority();
        boolean printable = PRINTABLE.matcher(authority == null ? "" : authority).matches()
                && requested.scheme().stream().allMatch(s -> s.matches("https?"));
        if (!printable || settings.isBaseAddress(requested.scheme(), authority)
                || reported.size() >= MAX_ADDRESSES || !reported.add(requested.toString())) {
            return Optional.empty();
        }
        return Optional.of("event=login.address_mismatch requested=" + requested + " lti_base_url="
                + settings.baseUrl() + " remedy=\"set LTI_BASE_URL to the address the "
                + "LMS reaches the tool at, and give the LMS the start page's values again\"");
    }
}
