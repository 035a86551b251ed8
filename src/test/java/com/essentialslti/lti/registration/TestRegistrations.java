package com.essentialslti.lti.registration;

import java.net.URI;
import java.time.Instant;
import java.util.Set;

/**
 * Registrations for tests that need one without a database (service clients read only its id, client_id and
 * endpoints). Lives in this package to reach the entity's package-private constructor, which stays closed to the
 * tool's own code.
 */
public final class TestRegistrations {

    private TestRegistrations() {
    }

    /** A registration of {@code clientId} at {@code issuer}, whose token endpoint is {@code tokenUrl}. */
    public static Registration unsaved(String issuer, String clientId, URI tokenUrl) {
        return unsaved(issuer, clientId, tokenUrl, java.util.Optional.empty());
    }

    /** The same, whose client assertions go to {@code audience} (the registration file's auth_audience). */
    public static Registration unsaved(String issuer, String clientId, URI tokenUrl,
                                       java.util.Optional<String> audience) {
        return new Registration(new RegistrationFile("test", "Test platform " + clientId, issuer, clientId,
                URI.create(issuer + "/auth"), tokenUrl, URI.create(issuer + "/jwks"), Set.of("1"), audience),
                Instant.now());
    }
}
