package com.essentialslti.web;

import java.net.URI;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The address a request was sent to, as its sender used it: to compare with LTI_BASE_URL's. Behind a reverse proxy
 * that rewrites Host, X-Forwarded-Host keeps the original, and X-Forwarded-Proto the scheme: read only when the
 * request came through one of the operator's TRUSTED_PROXIES, since anyone else could write them.
 *
 * @param scheme    the scheme, when known: a proxy's X-Forwarded-Proto, or https received directly (plain http may be
 *                  a proxy's that terminated TLS)
 * @param authority the host and port
 */
record RequestAddress(Optional<String> scheme, String authority) {

    /** @param header a request header by name, null when absent */
    static RequestAddress of(UnaryOperator<String> header, URI requested, boolean throughTrustedProxy) {
        Optional<String> forwardedProto = throughTrustedProxy ? first(header.apply("X-Forwarded-Proto")) : Optional.empty();
        Optional<String> forwardedHost = throughTrustedProxy ? first(header.apply("X-Forwarded-Host")) : Optional.empty();
        Optional<String> scheme = forwardedProto
                .or(() -> "https".equalsIgnoreCase(requested.getScheme()) ? Optional.of("https") : Optional.empty());
        String authority = forwardedHost
                .or(() -> first(header.apply("Host")))
                .orElse(requested.getRawAuthority());
        return new RequestAddress(scheme, authority);
    }

    @Override
    public String toString() {
        return scheme.map(s -> s + "://").orElse("") + authority;
    }

    private static Optional<String> first(String header) {
        return header == null || header.isBlank() ? Optional.empty() : Optional.of(header.split(",")[0].strip());
    }
}
