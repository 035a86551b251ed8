package com.essentialslti.grading;

import com.essentialslti.lti.services.Score;

import java.util.Optional;

/**
 * What an activity says a learner earned at its link, before the link and the learner make it a score to send:
 * the gradebook column's label, the score and its maximum, how far the learner and the grading are, and a comment
 * for the learner (a trainer's feedback) if any.
 */
public record Grade(String label, double scoreGiven, double scoreMaximum, Score.ActivityProgress activityProgress,
                    Score.GradingProgress gradingProgress, Optional<String> comment) {

    public Grade {
        comment = comment.filter(c -> !c.isBlank());
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a grade needs its column's label");
        }
        if (activityProgress == null || gradingProgress == null) {
            throw new IllegalArgumentException("a grade needs its activityProgress and gradingProgress");
        }
    }

    /** A finished, final grade without a comment: the work is done and the grade is the grade. */
    public static Grade completed(String label, double scoreGiven, double scoreMaximum) {
        return new Grade(label, scoreGiven, scoreMaximum, Score.ActivityProgress.COMPLETED,
                Score.GradingProgress.FULLY_GRADED, Optional.empty());
    }

    /** Whether this grade is what {@code queued} already carries: its score, maximum, progress and comment. */
    boolean sameAs(OutboxScore queued) {
        return queued.scoreGiven() == scoreGiven && queued.scoreMaximum() == scoreMaximum
                && queued.activityProgress() == activityProgress && queued.gradingProgress() == gradingProgress
                && queued.comment().equals(comment);
    }
}
