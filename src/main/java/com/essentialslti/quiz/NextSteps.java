package com.essentialslti.quiz;

import com.essentialslti.course.Activity;
import com.essentialslti.course.CourseActivity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the result page suggests after the quiz: a talk with the trainer always, then the self-assessment and the
 * journal when the learner's course has them, each by the title the course gave its link, so that the learner can
 * find it on the course page (the tool cannot link there: only the LMS launches a link).
 */
final class NextSteps {

    private NextSteps() {
    }

    static List<String> after(List<CourseActivity> activitiesInCourse) {
        List<String> steps = new ArrayList<>();
        steps.add("Talk to your trainer about the \u201cEssentials for PMO Managers\u201d course and the topics above.");
        first(activitiesInCourse, Activity.SELF_ASSESSMENT).ifPresent(title -> steps.add("Rate yourself in \u201c"
                + title + "\u201d in your course: the competency self-assessment shows your strengths and what to "
                + "develop next."));
        first(activitiesInCourse, Activity.JOURNAL).ifPresent(title -> steps.add("Keep \u201c" + title
                + "\u201d in your course: record what you learn at work, from others and from training, and "
                + "share it with your trainer."));
        return steps;
    }

    private static Optional<String> first(List<CourseActivity> activities, Activity activity) {
        return activities.stream().filter(a -> a.activity() == activity).map(CourseActivity::title).findFirst();
    }
}
