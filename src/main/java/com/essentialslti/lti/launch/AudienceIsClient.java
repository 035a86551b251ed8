package com.essentialslti.lti.launch;

import java.util.List;

/** The token is meant for this tool: aud contains our client_id; with several audiences, azp names us. */
final class AudienceIsClient implements LaunchCheck {

    @Override
    public String clause() {
        return "1EdTech Security Framework 1.0 §5.1.3 steps 3-5 (aud contains client_id; azp when several audiences)";
    }

    @Override
    public void check(LaunchAttempt attempt) throws LaunchRejected {
        String clientId = attempt.registration.clientId();
        List<String> audience = attempt.claims.getAudience();
        if (audience == null || !audience.contains(clientId)) {
            throw LaunchRejected.untrusted("id_token.aud",
                    "The id_token is addressed to another tool (its audience does not contain this tool's client ID).",
                    "Check that the Client ID in the tool's registration file matches the one the LMS shows.",
                    "aud " + audience + " lacks " + clientId);
        }
        Object azp = attempt.claims.getClaim("azp");
        if (audience.size() > 1 && !clientId.equals(azp)) {
            throw LaunchRejected.untrusted("id_token.azp",
                    "The id_token names several audiences but does not say this tool is the authorised party (azp).",
                    "Ask the LMS administrator to check the platform's LTI implementation.", "azp " + azp);
        }
        if (azp != null && !clientId.equals(azp)) {
            throw LaunchRejected.untrusted("id_token.azp",
                    "The id_token's authorised party (azp) is another tool.",
                    "Check the Client ID in the tool's registration file.", "azp " + azp);
        }
    }
}
