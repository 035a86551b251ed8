package com.essentialslti.lti.services;

import com.essentialslti.lti.registration.Registration;
import com.essentialslti.lti.registration.TestRegistrations;
import com.essentialslti.testing.KeySetServer;
import com.essentialslti.testing.Keys;
import com.essentialslti.testing.MutableClock;
import com.essentialslti.testing.PlatformSimulator;
import com.nimbusds.jose.jwk.RSAKey;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A Moodle-like platform over real HTTP that knows the tool's key set (served by its own little server, as the
 * tool's JWKS endpoint would), a registration of the tool on it, and the tool's token client, all on one clock.
 */
final class ServicesFixture implements AutoCloseable {

    final MutableClock clock = MutableClock.now();
    final RSAKey toolKey = Keys.rsa("tool-key-1");
    final AtomicReference<RSAKey> signingKey = new AtomicReference<>(toolKey);
    final KeySetServer toolKeySet;
    final PlatformSimulator platform;
    final Registration registration;
    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    final AccessTokens tokens;

    ServicesFixture() throws Exception {
        toolKeySet = new KeySetServer(toolKey.toPublicJWK());
        platform = new PlatformSimulator(0, "http://127.0.0.1:9", toolKeySet.url());
        platform.tokens().clock(clock);
        registration = registration(PlatformSimulator.CLIENT_ID);
        tokens = new AccessTokens(http, clock, signingKey::get);
    }

    Registration registration(String clientId) {
        return TestRegistrations.unsaved(PlatformSimulator.ISSUER, clientId, platform.tokenUrl());
    }

    @Override
    public void close() {
        platform.close();
        toolKeySet.close();
    }
}
