package com.essentialslti.lti.claims;

import java.util.Locale;
import java.util.Optional;

/**
 * The LIS roles the tool acts on (LTI 1.3 Core §A.2 role vocabularies). Context roles arrive as full URIs
 * ({@code http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor}), as sub-roles
 * ({@code …/membership/Instructor#TeachingAssistant}) or as deprecated short names ({@code Instructor}); institution
 * and system roles only as full URIs. Roles the tool does not know are ignored, as the specification allows.
 */
public enum LisRole {
    LEARNER, INSTRUCTOR, TEACHING_ASSISTANT, MENTOR, CONTEXT_ADMINISTRATOR, CONTENT_DEVELOPER,
    INSTITUTION_ADMINISTRATOR, SYSTEM_ADMINISTRATOR;

    private static final String MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership";
    private static final String INSTITUTION = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#";
    private static final String SYSTEM = "http://purl.imsglobal.org/vocab/lis/v2/system/person#";

    public static Optional<LisRole> parse(String role) {
        if (role == null) {
            return Optional.empty();
        }
        String r = role.strip();
        if (r.startsWith(INSTITUTION)) {
            return "Administrator".equals(r.substring(INSTITUTION.length()))
                    ? Optional.of(INSTITUTION_ADMINISTRATOR) : Optional.empty();
        }
        if (r.startsWith(SYSTEM)) {
            String name = r.substring(SYSTEM.length());
            return "Administrator".equals(name) || "SysAdmin".equals(name)
                    ? Optional.of(SYSTEM_ADMINISTRATOR) : Optional.empty();
        }
        if (r.startsWith(MEMBERSHIP + "#")) {
            return contextRole(r.substring(MEMBERSHIP.length() + 1));
        }
        if (r.startsWith(MEMBERSHIP + "/")) {
            // A sub-role: the sub-role when the tool knows it (TeachingAssistant), else its principal role.
            String rest = r.substring(MEMBERSHIP.length() + 1);
            int hash = rest.indexOf('#');
            if (hash < 0) {
                return Optional.empty();
            }
            return contextRole(rest.substring(hash + 1)).or(() -> contextRole(rest.substring(0, hash)));
        }
        if (r.equals("urn:lti:sysrole:ims/lis/Administrator") || r.equals("urn:lti:sysrole:ims/lis/SysAdmin")) {
            return Optional.of(SYSTEM_ADMINISTRATOR);
        }
        if (r.equals("urn:lti:instrole:ims/lis/Administrator")) {
            return Optional.of(INSTITUTION_ADMINISTRATOR);
        }
        if (r.startsWith("urn:lti:role:ims/lis/")) {
            String rest = r.substring("urn:lti:role:ims/lis/".length());
            int slash = rest.indexOf('/');
            return slash < 0 ? contextRole(rest)
                    : contextRole(rest.substring(slash + 1)).or(() -> contextRole(rest.substring(0, slash)));
        }
        if (!r.contains(":") && !r.contains("/")) {
            return contextRole(r); // short names, deprecated but still sent (LTI 1.3 Core §A.2.3.1)
        }
        return Optional.empty();
    }

    private static Optional<LisRole> contextRole(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "learner", "student" -> Optional.of(LEARNER);
            case "instructor" -> Optional.of(INSTRUCTOR);
            case "teachingassistant" -> Optional.of(TEACHING_ASSISTANT);
            case "mentor" -> Optional.of(MENTOR);
            case "administrator" -> Optional.of(CONTEXT_ADMINISTRATOR);
            case "contentdeveloper" -> Optional.of(CONTENT_DEVELOPER);
            default -> Optional.empty();
        };
    }
}
