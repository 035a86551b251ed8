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
        return new Registration(new RegistrationFile("test", "Test platform " + clientId, issuer, clientId,
                URI.create(issuer + "/auth"), tokenUrl, URI.create(issuer + "/jwks"), Set.of("1")), Instant.now());
    }
}
