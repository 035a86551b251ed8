package com.essentialslti.lti.launch;

import com.essentialslti.infra.Database;
import com.essentialslti.lti.keys.PlatformKeySets;
import com.essentialslti.lti.registration.Registration;
import com.essentialslti.lti.registration.RegistrationFile;
import com.essentialslti.lti.registration.Registrations;
import com.essentialslti.lti.session.LoginRequest;
import com.essentialslti.lti.session.LoginState;
import com.essentialslti.lti.session.LoginStates;
import com.essentialslti.testing.IdTokenBuilder;
import com.essentialslti.testing.KeySetServer;
import com.essentialslti.testing.Keys;
import com.essentialslti.testing.MutableClock;
import com.nimbusds.jose.jwk.RSAKey;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/**
 * A registered platform, its key set over real HTTP, an in-memory database and a login in progress: what each
 * launch check needs to run for real.
 */
final class ChainFixture implements AutoCloseable {

    static final String ISSUER = "https://lms.example.edu";
    static final String CLIENT_ID = "tool-client-1";
    static final String DEPLOYMENT = "1";

    final MutableClock clock = MutableClock.now();
    final RSAKey platformKey = Keys.rsa("platform-key-1");
    final KeySetServer keySet;
    final Database database;
    final Registrations registrations;
    final LoginStates states;
    final PlatformKeySets keySets;
    final LaunchValidator validator;
    final Registration registration;

    ChainFixture() throws Exception {
        keySet = new KeySetServer(platformKey.toPublicJWK());
        database = Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        registrations = new Registrations(database, clock);
        registration = registrations.save(new RegistrationFile("platforms/test-lms.json", "Test LMS", ISSUER, CLIENT_ID,
                URI.create(ISSUER + "/auth"), URI.create(ISSUER + "/token"), keySet.url(), Set.of(DEPLOYMENT)));
        states = new LoginStates(database, clock);
        keySets = new PlatformKeySets(HttpClient.newHttpClient(), clock, Duration.ofHours(1), Duration.ofSeconds(10));
        validator = new LaunchValidator(states, registrations, keySets, clock);
    }

    /** The operator removed the platform's file and the tool read its files again, as at a restart. */
    void removeRegistrationFile() throws java.io.IOException {
        java.nio.file.Path emptyConfig = java.nio.file.Files.createTempDirectory("lti-config");
        java.nio.file.Files.createDirectory(emptyConfig.resolve("platforms"));
        registrations.loadFiles(emptyConfig);
    }

    LoginState login() {
        return states.issue(new LoginRequest(registration.id(), "hint", null, "https://tool/lti/launch", DEPLOYMENT, null));
    }

    IdTokenBuilder token(LoginState login) {
        return IdTokenBuilder.resourceLinkLaunch(ISSUER, CLIENT_ID, DEPLOYMENT, login.nonce(), platformKey);
    }

    /** An attempt that has passed every check before {@code check}. */
    LaunchAttempt before(Class<? extends LaunchCheck> check, String idToken, String state) throws LaunchRejected {
        LaunchAttempt attempt = new LaunchAttempt(idToken, state, true);
        for (LaunchCheck step : validator.chain()) {
            if (step.getClass() == check) {
                return attempt;
            }
            step.check(attempt);
        }
        throw new IllegalArgumentException(check + " is not in the chain");
    }

    LaunchCheck check(Class<? extends LaunchCheck> type) {
        return validator.chain().stream().filter(type::isInstance).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        database.close();
        keySet.close();
    }
}
