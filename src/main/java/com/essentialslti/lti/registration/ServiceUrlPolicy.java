package com.essentialslti.lti.registration;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Where the tool may send a platform's access token. A launch names its service URLs (the AGS claim, the Link
 * headers of the pages that follow) and the tool calls them with a bearer token: without a rule, a launch could
 * point the token, and the tool's requests, at any host, including addresses inside the tool's own network.
 *
 * <p>The rule: https (http only when one of the registration's own URLs is http, as for a test platform); a host
 * of the registration's own URLs (issuer, login, token, key set) or one of its {@code service_hosts} (Canvas serves
 * the services from each school's host, not from its issuer's); never a loopback, link-local or private address
 * unless one of the registration's own URLs is on such an address. Names are compared as written and not resolved:
 * a name can only pass by being one the operator wrote, and the HTTP client would resolve it again anyway, so a
 * check of the resolved address could not hold until the request.
 */
final class ServiceUrlPolicy {

    /** A host name or IPv4 address as the operator writes it in {@code service_hosts}: letters, digits, - and dots. */
    static final Pattern HOST_NAME = Pattern.compile(
            "(?i)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}");

    private ServiceUrlPolicy() {
    }

    /** Why the tool refuses to call {@code url} for a registration with these URLs and service hosts; empty if not. */
    static Optional<String> refusal(URI url, Collection<URI> ownUrls, Collection<String> serviceHosts) {
        if (url == null || !url.isAbsolute()) {
            return Optional.of("not an absolute URL");
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        boolean httpAllowed = ownUrls.stream().anyMatch(u -> "http".equalsIgnoreCase(u.getScheme()));
        if (!"https".equals(scheme) && !("http".equals(scheme) && httpAllowed)) {
            return Optional.of("not https (http only for a platform whose own URLs are http)");
        }
        if (url.getRawUserInfo() != null) {
            return Optional.of("carries user information before its host");
        }
        String host = host(url);
        if (host == null) {
            return Optional.of("has no host name");
        }
        Set<String> allowed = allowedHosts(ownUrls, serviceHosts);
        if (!allowed.contains(host)) {
            return Optional.of("host '" + host + "' is neither the platform's (" + String.join(", ", allowed)
                    + ") nor listed in the registration's service_hosts");
        }
        if (internal(host) && ownUrls.stream().map(ServiceUrlPolicy::host).noneMatch(ServiceUrlPolicy::internal)) {
            return Optional.of("host '" + host + "' is a loopback, link-local or private address");
        }
        return Optional.empty();
    }

    /** Whether the registration's own URLs are on loopback, link-local or private addresses (a test platform). */
    static boolean internal(Collection<URI> ownUrls) {
        return ownUrls.stream().map(ServiceUrlPolicy::host).anyMatch(ServiceUrlPolicy::internal);
    }

    private static Set<String> allowedHosts(Collection<URI> ownUrls, Collection<String> serviceHosts) {
        Set<String> hosts = new TreeSet<>();
        ownUrls.stream().map(ServiceUrlPolicy::host).filter(h -> h != null).forEach(hosts::add);
        serviceHosts.forEach(h -> hosts.add(normal(h)));
        return hosts;
    }

    /** The URL's host, lower case, without IPv6 brackets or a final dot; null when the URL has none. */
    static String host(URI url) {
        return url.getHost() == null || url.getHost().isEmpty() ? null : normal(url.getHost());
    }

    private static String normal(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    /**
     * A name for this machine (localhost) or an IP literal in a loopback, link-local (cloud metadata services
     * live there), private, shared (100.64/10), unspecified or multicast range. Only literals are judged: no DNS.
     */
    static boolean internal(String host) {
        if (host == null) {
            return false;
        }
        String h = normal(host);
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        boolean ipv4 = IPV4.matcher(h).matches();
        if (!ipv4 && !h.contains(":")) {
            return false;
        }
        if (ipv4 && java.util.Arrays.stream(h.split("\\.")).anyMatch(octet -> Integer.parseInt(octet) > 255)) {
            return true; // not an address at all; InetAddress would look it up as a name
        }
        try {
            // Brackets make the JDK parse an IPv6 literal or fail, never look the text up.
            InetAddress address = InetAddress.getByName(ipv4 ? h : "[" + h + "]");
            byte[] b = address.getAddress();
            return address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                    || address.isAnyLocalAddress() || address.isMulticastAddress()
                    || (b.length == 4 && (b[0] == 0 || (b[0] == 100 && (b[1] & 0xc0) == 64)))
                    || (b.length == 16 && (b[0] & 0xfe) == 0xfc); // IPv6 unique local, fc00::/7
        } catch (UnknownHostException e) {
            return true; // not a literal after all: refuse what cannot be judged
        }
    }
}
