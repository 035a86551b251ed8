package com.essentialslti.course;

/** An activity placed in a course, with the title the course gave its link (or the activity's name). */
public record CourseActivity(Activity activity, String title) {
}
