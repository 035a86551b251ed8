package com.essentialslti.web;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientAddressTest {

    private final ClientAddress behindProxy = new ClientAddress(List.of("10.0.0.5", "192.168.0.0/16", "fd00::/8"));

    @Test
    void withoutTrustedProxiesTheConnectionsPeerIsTheClient() {
        assertThat(new ClientAddress(List.of()).of("203.0.113.7", "198.51.100.1")).isEqualTo("203.0.113.7");
    }

    @Test
    void aForwardedForHeaderFromAnUntrustedPeerIsIgnored() {
        assertThat(behindProxy.of("203.0.113.7", "198.51.100.1")).isEqualTo("203.0.113.7");
    }

    @Test
    void behindATrustedProxyTheAddressItForwardedIsTheClient() {
        assertThat(behindProxy.of("10.0.0.5", "198.51.100.1")).isEqualTo("198.51.100.1");
    }

    @Test
    void addressesAClientWroteItselfBeforeTheTrustedProxiesAreNotBelieved() {
        // The client sent "X-Forwarded-For: 1.2.3.4"; the proxies appended the client's real address and their own.
        assertThat(behindProxy.of("10.0.0.5", "1.2.3.4, 198.51.100.1, 192.168.3.9")).isEqualTo("198.51.100.1");
    }

    @Test
    void aRangeOfTrustedProxiesMatchesByPrefix() {
        assertThat(behindProxy.of("192.168.200.1", "198.51.100.1")).isEqualTo("198.51.100.1");
        assertThat(behindProxy.of("192.169.0.1", "198.51.100.1")).isEqualTo("192.169.0.1");
        assertThat(behindProxy.of("fd12::1", "2001:db8::2")).isEqualTo("2001:db8::2");
    }

    @Test
    void garbageInTheHeaderStopsAtTheLastTrustedHop() {
        assertThat(behindProxy.of("10.0.0.5", "not-an-address")).isEqualTo("10.0.0.5");
        assertThat(behindProxy.of("10.0.0.5", "evil.example, 198.51.100.1")).isEqualTo("198.51.100.1");
    }

    @Test
    void aForwardedAddressWithItsPortIsTheAddress() {
        assertThat(behindProxy.of("10.0.0.5", "198.51.100.1:5678")).isEqualTo("198.51.100.1");
        assertThat(behindProxy.of("10.0.0.5", "[2001:db8::2]:443")).isEqualTo("2001:db8::2");
    }

    @Test
    void anIpv6ClientCountsByItsSlash64() {
        assertThat(ClientAddress.network("2001:db8:1:2:aaaa::1")).isEqualTo(ClientAddress.network("2001:db8:1:2::ffff"))
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddress.network("2001:db8:1:3::1")).isNotEqualTo(ClientAddress.network("2001:db8:1:2::1"));
        assertThat(ClientAddress.network("203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void aHostNameIsNeverLookedUp() {
        assertThat(ClientAddress.literal("localhost")).isEmpty();
        assertThat(ClientAddress.literal("example.org")).isEmpty();
        assertThat(ClientAddress.literal("127.0.0.1")).isPresent();
        assertThat(ClientAddress.literal("[::1]")).isPresent();
        assertThat(ClientAddress.literal("zz:zz")).isEmpty();
        assertThat(ClientAddress.literal("cafe:beef")).isEmpty(); // not an address, and no lookup either
    }

    @Test
    void aWrongTrustedProxySettingIsRefusedInWords() {
        assertThatThrownBy(() -> new ClientAddress(List.of("proxy.example.org")))
                .hasMessageContaining("TRUSTED_PROXIES").hasMessageContaining("proxy.example.org");
        assertThatThrownBy(() -> new ClientAddress(List.of("10.0.0.0/40"))).hasMessageContaining("prefix");
    }
}
