package com.essentialslti.grading;

import com.essentialslti.lti.services.Score;

import java.util.List;
import java.util.Optional;

/**
 * A learner's grade for one link, ready for the gradebook: who (the tool's user id and the platform's
 * {@code sub}), where (the link's line item, or the container to find or create it in), the score, how far the
 * learner and the grading are (AGS 2.0 activityProgress and gradingProgress), and the trainer's comment if any.
 */
public record ScoreToSend(String registrationId, String resourceLinkId, String userId, String subject,
                          Optional<String> lineItem, Optional<String> lineItems, List<String> scopes, String label,
                          double scoreGiven, double scoreMaximum, Score.ActivityProgress activityProgress,
                          Score.GradingProgress gradingProgress, Optional<String> comment) {

    /** The longest comment the outbox keeps (its column's size). */
    public static final int MAX_COMMENT = 4000;

    public ScoreToSend {
        scopes = List.copyOf(scopes);
        comment = comment.filter(c -> !c.isBlank());
        if (scoreGiven < 0 || scoreGiven > scoreMaximum || scoreMaximum <= 0) {
            throw new IllegalArgumentException("a score lies between 0 and its maximum");
        }
        if (lineItem.isEmpty() && lineItems.isEmpty()) {
            throw new IllegalArgumentException("a score needs a line item or a line items container");
        }
        if (activityProgress == null || gradingProgress == null) {
            throw new IllegalArgumentException("a score needs its activityProgress and gradingProgress");
        }
        if (comment.filter(c -> c.length() > MAX_COMMENT).isPresent()) {
            throw new IllegalArgumentException("a comment is at most " + MAX_COMMENT + " characters");
        }
    }

    /** A completed, fully graded score without a comment (the quiz's). */
    public ScoreToSend(String registrationId, String resourceLinkId, String userId, String subject,
                       Optional<String> lineItem, Optional<String> lineItems, List<String> scopes, String label,
                       double scoreGiven, double scoreMaximum) {
        this(registrationId, resourceLinkId, userId, subject, lineItem, lineItems, scopes, label, scoreGiven,
                scoreMaximum, Score.ActivityProgress.COMPLETED, Score.GradingProgress.FULLY_GRADED, Optional.empty());
    }
}
