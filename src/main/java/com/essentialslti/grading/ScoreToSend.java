package com.essentialslti.grading;

import java.util.List;
import java.util.Optional;

/**
 * A learner's grade for one link, ready for the gradebook: who (the tool's user id and the platform's
 * {@code sub}), where (the link's line item, or the container to find or create it in), and the score.
 */
public record ScoreToSend(String registrationId, String resourceLinkId, String userId, String subject,
                          Optional<String> lineItem, Optional<String> lineItems, List<String> scopes, String label,
                          double scoreGiven, double scoreMaximum) {

    public ScoreToSend {
        scopes = List.copyOf(scopes);
        if (scoreGiven < 0 || scoreGiven > scoreMaximum || scoreMaximum <= 0) {
            throw new IllegalArgumentException("a score lies between 0 and its maximum");
        }
        if (lineItem.isEmpty() && lineItems.isEmpty()) {
            throw new IllegalArgumentException("a score needs a line item or a line items container");
        }
    }
}
