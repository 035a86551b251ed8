package com.essentialslti.lti.claims;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading the roles of a launch (LTI 1.3 Core §A.2 role vocabularies, and the LTI 1.1 URNs platforms still send). */
class LisRoleTest {

    @ParameterizedTest
    @CsvSource({
            "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner,          LEARNER",
            "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor,       INSTRUCTOR",
            "http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor,           MENTOR",
            "http://purl.imsglobal.org/vocab/lis/v2/membership#Administrator,    CONTEXT_ADMINISTRATOR",
            "http://purl.imsglobal.org/vocab/lis/v2/membership#ContentDeveloper, CONTENT_DEVELOPER",
    })
    void fullMembershipUrisAreContextRoles(String role, LisRole expected) {
        assertThat(LisRole.parse(role)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant, TEACHING_ASSISTANT",
            "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#Lecturer,          INSTRUCTOR",
            "http://purl.imsglobal.org/vocab/lis/v2/membership/Learner#NonCreditLearner,     LEARNER",
            "http://purl.imsglobal.org/vocab/lis/v2/membership/Administrator#Support,        CONTEXT_ADMINISTRATOR",
    })
    void aSubRoleIsTheTeachingAssistantOrElseItsPrincipalRole(String role, LisRole expected) {
        assertThat(LisRole.parse(role)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "Learner,           LEARNER",
            "Student,           LEARNER",
            "Instructor,        INSTRUCTOR",
            "TeachingAssistant, TEACHING_ASSISTANT",
            "Mentor,            MENTOR",
            "Administrator,     CONTEXT_ADMINISTRATOR",
            "ContentDeveloper,  CONTENT_DEVELOPER",
            "instructor,        INSTRUCTOR",
    })
    void deprecatedShortNamesAreContextRoles(String role, LisRole expected) {
        assertThat(LisRole.parse(role)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator, INSTITUTION_ADMINISTRATOR",
            "http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator,      SYSTEM_ADMINISTRATOR",
            "http://purl.imsglobal.org/vocab/lis/v2/system/person#SysAdmin,           SYSTEM_ADMINISTRATOR",
    })
    void institutionAndSystemAdministratorsAreRecognised(String role, LisRole expected) {
        assertThat(LisRole.parse(role)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "urn:lti:role:ims/lis/Learner,                             LEARNER",
            "urn:lti:role:ims/lis/Instructor,                          INSTRUCTOR",
            "urn:lti:role:ims/lis/TeachingAssistant,                   TEACHING_ASSISTANT",
            "urn:lti:role:ims/lis/TeachingAssistant/TeachingAssistantSection, TEACHING_ASSISTANT",
            "urn:lti:role:ims/lis/Learner/NonCreditLearner,            LEARNER",
            "urn:lti:role:ims/lis/Instructor/GuestInstructor,          INSTRUCTOR",
            "urn:lti:role:ims/lis/Administrator,                       CONTEXT_ADMINISTRATOR",
            "urn:lti:instrole:ims/lis/Administrator,                   INSTITUTION_ADMINISTRATOR",
            "urn:lti:sysrole:ims/lis/Administrator,                    SYSTEM_ADMINISTRATOR",
    })
    void lti11UrnsAreRecognised(String role, LisRole expected) {
        assertThat(LisRole.parse(role)).contains(expected);
    }

    @Test
    void theLti11SysAdminUrnIsASystemAdministratorLikeItsUri() {
        assertThat(LisRole.parse("urn:lti:sysrole:ims/lis/SysAdmin")).contains(LisRole.SYSTEM_ADMINISTRATOR);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "  http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor ",
            "\tInstructor\n",
    })
    void surroundingWhitespaceIsIgnored(String role) {
        assertThat(LisRole.parse(role)).contains(LisRole.INSTRUCTOR);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "http://purl.imsglobal.org/vocab/lis/v2/membership#Member",
            "http://purl.imsglobal.org/vocab/lis/v2/membership#Manager",
            "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor",
            "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Instructor",
            "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Student",
            "http://purl.imsglobal.org/vocab/lis/v2/system/person#User",
            "http://example.org/roles#Instructor",
            "urn:lti:instrole:ims/lis/Instructor",
            "urn:lti:sysrole:ims/lis/User",
            "Guest",
            "Teacher",
    })
    void unknownRolesAreIgnored(String role) {
        assertThat(LisRole.parse(role)).isEmpty();
    }
}
