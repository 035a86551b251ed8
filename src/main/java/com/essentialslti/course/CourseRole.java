package com.essentialslti.course;

import com.essentialslti.lti.claims.LisRole;

import java.util.Set;

/**
 * What a person may do at a resource link of this tool. The most capable role the launch grants wins; a launch
 * with no role the tool knows makes the person a learner, the least capable role.
 */
public enum CourseRole {
    LEARNER, TRAINER, COURSE_ADMIN;

    public static CourseRole from(Set<LisRole> roles) {
        if (roles.contains(LisRole.CONTEXT_ADMINISTRATOR) || roles.contains(LisRole.CONTENT_DEVELOPER)
                || roles.contains(LisRole.INSTITUTION_ADMINISTRATOR) || roles.contains(LisRole.SYSTEM_ADMINISTRATOR)) {
            return COURSE_ADMIN;
        }
        // Not Mentor: Canvas sends it for observers, often parents, who must not see other learners' grades, the
        // bank's correct answers or the settings. A mentor who is nothing else is a learner, like an unknown role.
        if (roles.contains(LisRole.INSTRUCTOR) || roles.contains(LisRole.TEACHING_ASSISTANT)) {
            return TRAINER;
        }
        return LEARNER;
    }

    public String label() {
        return switch (this) {
            case LEARNER -> "Learner";
            case TRAINER -> "Trainer";
            case COURSE_ADMIN -> "Course admin";
        };
    }
}
