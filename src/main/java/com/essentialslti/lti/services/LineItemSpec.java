package com.essentialslti.lti.services;

/**
 * The gradebook column the tool wants for one resource link (AGS 2.0 §3.2.3): found by resourceLinkId (and by
 * resourceId and tag when they are given), created with the label and maximum when the platform has none.
 * {@code resourceId} and {@code tag} may be null.
 */
public record LineItemSpec(String resourceLinkId, String resourceId, String tag, String label, double scoreMaximum) {

    public LineItemSpec {
        if (resourceLinkId == null || resourceLinkId.isBlank()) {
            throw new IllegalArgumentException("a line item is looked up by its resource link id");
        }
        // Moodle refuses a line item without a label or a numeric scoreMaximum; §3.2.3 requires it to be positive.
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a line item needs a label");
        }
        if (!(scoreMaximum > 0) || Double.isInfinite(scoreMaximum)) {
            throw new IllegalArgumentException("scoreMaximum must be positive, was " + scoreMaximum);
        }
    }
}
