package com.essentialslti.quiz;

import com.essentialslti.course.Activity;
import com.essentialslti.course.CourseActivity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NextStepsTest {

    @Test
    void withoutOtherActivitiesInTheCourseTheLearnerIsSentToTheTrainer() {
        assertThat(NextSteps.after(List.of())).singleElement().asString().startsWith("Talk to your trainer");
    }

    @Test
    void theCoursesSelfAssessmentIsSuggestedByTheTitleTheCourseGaveIt() {
        List<String> steps = NextSteps.after(List.of(
                new CourseActivity(Activity.SELF_ASSESSMENT, "Where do I stand as a PMO manager?")));

        assertThat(steps).hasSize(2);
        assertThat(steps.get(1)).contains("\u201cWhere do I stand as a PMO manager?\u201d", "self-assessment");
    }

    @Test
    void theCoursesJournalIsSuggestedAfterTheSelfAssessment() {
        List<String> steps = NextSteps.after(List.of(
                new CourseActivity(Activity.JOURNAL, "My 70-20-10 journal"),
                new CourseActivity(Activity.SELF_ASSESSMENT, "Self-assessment")));

        assertThat(steps).hasSize(3);
        assertThat(steps.get(1)).contains("\u201cSelf-assessment\u201d");
        assertThat(steps.get(2)).contains("\u201cMy 70-20-10 journal\u201d", "from others");
    }

    @Test
    void anotherQuizInTheCourseIsNoNextStep() {
        assertThat(NextSteps.after(List.of(new CourseActivity(Activity.READINESS_QUIZ, "Second quiz")))).hasSize(1);
    }
}
