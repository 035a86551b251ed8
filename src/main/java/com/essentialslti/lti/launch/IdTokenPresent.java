package com.essentialslti.lti.launch;

/** The id_token parameter is there and of a sane size, before anything parses it. */
final class IdTokenPresent implements LaunchCheck {

    /** Far above any real id_token (Canvas's are the largest, a few KiB with custom claims). */
    static final int MAX_LENGTH = 64 * 1024;

    @Override
    public String clause() {
        return "1EdTech Security Framework 1.0 §5.1.1.3 (authentication response carries id_token)";
    }

    @Override
    public void check(LaunchAttempt attempt) throws LaunchRejected {
        if (attempt.idToken == null || attempt.idToken.isBlank()) {
            throw LaunchRejected.invalid("id_token.missing",
                    "The LMS sent the launch without an id_token.", "no id_token parameter");
        }
        if (attempt.idToken.length() > MAX_LENGTH) {
            throw new LaunchRejected("id_token.too_large", 413, "This launch message is too large",
                    "The id_token is larger than 64 KiB, far beyond any real LTI launch.",
                    "Ask the LMS administrator to check what the platform adds to its launches.",
                    "id_token length " + attempt.idToken.length());
        }
    }
}
