package com.essentialslti.lti.launch;

import com.nimbusds.jose.JWSAlgorithm;

/** Only RS256: never "none", never a symmetric HS* algorithm keyed with something public. */
final class AlgorithmIsRs256 implements LaunchCheck {

    @Override
    public String clause() {
        return "1EdTech Security Framework 1.0 §5.1.3 step 6 and §6.1 (RS256)";
    }

    @Override
    public void check(LaunchAttempt attempt) throws LaunchRejected {
        JWSAlgorithm alg = attempt.jwt.getHeader().getAlgorithm();
        if (!JWSAlgorithm.RS256.equals(alg)) {
            throw LaunchRejected.untrusted("id_token.alg",
                    "The id_token is signed with '" + alg + "'; LTI 1.3 requires RS256.",
                    "Ask the LMS administrator to check the platform's signing settings.", "alg " + alg);
        }
    }
}
