package com.essentialslti.lti.launch;

import com.essentialslti.lti.claims.LtiClaim;
import com.essentialslti.lti.registration.Deployment;
import com.essentialslti.lti.registration.Registration;
import com.essentialslti.lti.registration.Registrations;

/**
 * The deployment_id is present and configured for this registration. An unknown one is recorded so the operator
 * can review and add it (Canvas mints new deployment ids in normal operation).
 */
final class DeploymentKnown implements LaunchCheck {

    private final Registrations registrations;

    DeploymentKnown(Registrations registrations) {
        this.registrations = registrations;
    }

    /**
     * Records the unknown deployment for the operator and says what the operator must add. Only here, after the
     * platform's signature was verified (earlier in the chain): an anonymous request cannot add to the record.
     */
    private LaunchRejected unknown(Registration registration, String deploymentId) {
        registrations.recordUnknownDeployment(registration, deploymentId);
        return new LaunchRejected("lti.deployment_id.unknown", 403, "This deployment of the tool is not set up",
                "This tool does not know deployment '" + deploymentId + "' of " + registration.issuer() + ".",
                "Ask the tool's operator to add \"" + deploymentId + "\" to deployment_ids in the registration file for "
                        + registration.issuer() + " (client ID " + registration.clientId()
                        + "), then launch again. The tool has recorded this attempt for the operator.",
                "unknown deployment " + deploymentId);
    }

    @Override
    public String clause() {
        return "LTI 1.3 Core §5.3.3 (deployment_id claim identifies a deployment known to the tool)";
    }

    @Override
    public void check(LaunchAttempt attempt) throws LaunchRejected {
        Object deployment = attempt.claims.getClaim(LtiClaim.DEPLOYMENT_ID);
        if (!(deployment instanceof String id) || id.isBlank()) {
            throw LaunchRejected.invalid("lti.deployment_id.missing",
                    "The launch does not carry a deployment_id.", "no deployment_id");
        }
        if (id.length() > Deployment.MAX_ID_LENGTH) {
            throw LaunchRejected.invalid("lti.deployment_id.too_long", "The launch's deployment_id is longer than "
                    + Deployment.MAX_ID_LENGTH + " characters.", "deployment_id length");
        }
        if (!attempt.registration.hasDeployment(id)) {
            throw unknown(attempt.registration, id);
        }
    }
}
