package com.essentialslti.lti.launch;

/** The user is identified: sub is present and not empty. */
final class SubjectPresent implements LaunchCheck {

    @Override
    public String clause() {
        return "LTI 1.3 Core §5.3.6 and OpenID Connect Core §2 (sub identifies the user)";
    }

    @Override
    public void check(LaunchAttempt attempt) throws LaunchRejected {
        String sub = attempt.claims.getSubject();
        if (sub == null || sub.isBlank()) {
            throw LaunchRejected.invalid("id_token.sub.missing",
                    "The launch does not identify the user (no 'sub').", "no sub");
        }
        if (sub.length() > 255) {
            throw LaunchRejected.invalid("id_token.sub.too_long",
                    "The launch's user identifier is longer than 255 characters.", "sub length");
        }
    }
}
