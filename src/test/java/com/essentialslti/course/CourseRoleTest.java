package com.essentialslti.course;

import com.essentialslti.lti.claims.LisRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What a person may do at a link follows the most capable LIS role the launch grants. */
class CourseRoleTest {

    @Test
    void aLearnerIsALearner() {
        assertThat(CourseRole.from(Set.of(LisRole.LEARNER))).isEqualTo(CourseRole.LEARNER);
    }

    @ParameterizedTest
    @EnumSource(value = LisRole.class, names = {"INSTRUCTOR", "TEACHING_ASSISTANT"})
    void teachingRolesMakeATrainer(LisRole role) {
        assertThat(CourseRole.from(Set.of(role))).isEqualTo(CourseRole.TRAINER);
    }

    @Test
    void aMentorSuchAsACanvasObserverGetsNoTrainerRights() {
        assertThat(CourseRole.from(Set.of(LisRole.MENTOR))).isEqualTo(CourseRole.LEARNER);
    }

    @ParameterizedTest
    @EnumSource(value = LisRole.class,
            names = {"CONTEXT_ADMINISTRATOR", "CONTENT_DEVELOPER", "INSTITUTION_ADMINISTRATOR", "SYSTEM_ADMINISTRATOR"})
    void administrativeRolesMakeACourseAdmin(LisRole role) {
        assertThat(CourseRole.from(Set.of(role))).isEqualTo(CourseRole.COURSE_ADMIN);
    }

    @Test
    void aTrainerWhoIsAlsoALearnerIsATrainer() {
        assertThat(CourseRole.from(Set.of(LisRole.LEARNER, LisRole.INSTRUCTOR))).isEqualTo(CourseRole.TRAINER);
    }

    @Test
    void anAdministratorWhoAlsoTeachesIsACourseAdmin() {
        assertThat(CourseRole.from(Set.of(LisRole.INSTRUCTOR, LisRole.CONTEXT_ADMINISTRATOR)))
                .isEqualTo(CourseRole.COURSE_ADMIN);
    }

    @Test
    void aSiteAdministratorInALearnerSeatIsACourseAdmin() {
        assertThat(CourseRole.from(Set.of(LisRole.LEARNER, LisRole.SYSTEM_ADMINISTRATOR)))
                .isEqualTo(CourseRole.COURSE_ADMIN);
    }

    @Test
    void everyRoleAtOnceIsACourseAdmin() {
        assertThat(CourseRole.from(EnumSet.allOf(LisRole.class))).isEqualTo(CourseRole.COURSE_ADMIN);
    }

    @Test
    void noKnownRoleMakesALearner() {
        assertThat(CourseRole.from(Set.of())).isEqualTo(CourseRole.LEARNER);
    }

    @Test
    void eachRoleHasALabelForThePage() {
        assertThat(CourseRole.LEARNER.label()).isEqualTo("Learner");
        assertThat(CourseRole.TRAINER.label()).isEqualTo("Trainer");
        assertThat(CourseRole.COURSE_ADMIN.label()).isEqualTo("Course admin");
    }
}
