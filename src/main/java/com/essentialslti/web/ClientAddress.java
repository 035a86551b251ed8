package com.essentialslti.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The address of the client a request comes from, for per-client limits. The connection's peer address, unless that
 * peer is one of the operator's trusted reverse proxies (TRUSTED_PROXIES: addresses or CIDR ranges), in which case
 * {@code X-Forwarded-For} is read from the right, skipping trusted proxies: the first address a trusted proxy did
 * not add is the client. A header from anyone else is ignored, since any client can write one.
 */
public final class ClientAddress {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    /** Hex groups, colons and an embedded IPv4 tail only: nothing InetAddress could take for a host name. */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f]{0,4}(:[0-9A-Fa-f]{0,4}){1,7}(:\\d{1,3}(\\.\\d{1,3}){3})?(%[0-9A-Za-z]+)?");

    private final List<Range> trusted;

    public ClientAddress(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(Range::parse).toList();
    }

    public String of(String peer, String forwardedFor) {
        if (forwardedFor == null || !isTrusted(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        String client = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = withoutPort(hops[i].strip());
            if (literal(hop).isEmpty()) {
                return client; // garbage in the header: the last address we could trust is the client
            }
            client = hop;
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    /**
     * What one client holds: an IPv4 address, or the /64 network of an IPv6 address (a home or a host gets a whole
     * /64, so counting single IPv6 addresses would let one client be millions).
     */
    public static String network(String client) {
        return literal(client).filter(a -> a instanceof java.net.Inet6Address).map(a -> {
            byte[] bytes = a.getAddress();
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return prefix + ":/64";
        }).orElse(client);
    }

    /** Whether the connection's peer is one of the operator's trusted proxies, whose forwarded headers count. */
    public boolean isTrustedProxy(String peer) {
        return isTrusted(peer);
    }

    private boolean isTrusted(String address) {
        return literal(address).map(a -> trusted.stream().anyMatch(r -> r.contains(a))).orElse(false);
    }

    /** A hop as some proxies write it, with the client's port ({@code 1.2.3.4:5678}, {@code [2001:db8::1]:80}). */
    static String withoutPort(String hop) {
        if (hop.startsWith("[") && hop.contains("]:")) {
            return hop.substring(1, hop.indexOf("]:"));
        }
        int colon = hop.lastIndexOf(':');
        return colon > 0 && hop.indexOf(':') == colon && IPV4.matcher(hop.substring(0, colon)).matches()
                ? hop.substring(0, colon) : hop;
    }

    /** An IP address written as a literal; never a host name (that would mean a DNS lookup per request). */
    static Optional<InetAddress> literal(String text) {
        if (text == null || text.isEmpty() || text.length() > 64) {
            return Optional.empty();
        }
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (!IPV4.matcher(bare).matches() && !IPV6.matcher(bare).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(bare)); // a literal: no lookup
        } catch (UnknownHostException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** An address or a CIDR range of the operator's trusted proxies. */
    record Range(byte[] network, int prefix) {

        static Range parse(String text) {
            int slash = text.indexOf('/');
            InetAddress address = literal(slash < 0 ? text : text.substring(0, slash)).orElseThrow(
                    () -> new IllegalArgumentException("TRUSTED_PROXIES: '" + text + "' is not an IP address or CIDR range"));
            int bits = address.getAddress().length * 8;
            int prefix;
            try {
                prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("TRUSTED_PROXIES: '" + text + "' has no valid prefix length");
            }
            return new Range(address.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
