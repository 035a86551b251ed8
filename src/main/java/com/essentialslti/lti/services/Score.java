package com.essentialslti.lti.services;

import com.nimbusds.jose.util.JSONObjectUtils;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One score for one user on one line item, as AGS 2.0 §3.4 (Score publish service) defines it. The platform keeps
 * the score with the latest timestamp, so the timestamp is when the work was done, not when it is sent.
 */
public record Score(String userId, Double scoreGiven, Double scoreMaximum, Instant timestamp,
                    ActivityProgress activityProgress, GradingProgress gradingProgress, String comment) {

    /** AGS 2.0 §3.4.5: the learner's progress on the activity. */
    public enum ActivityProgress {
        INITIALIZED("Initialized"), STARTED("Started"), IN_PROGRESS("InProgress"), SUBMITTED("Submitted"),
        COMPLETED("Completed");

        private final String wire;

        ActivityProgress(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        /** The value this wire name stands for. */
        public static ActivityProgress ofWire(String wire) {
            return java.util.Arrays.stream(values()).filter(v -> v.wire.equals(wire)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no activityProgress " + wire));
        }
    }

    /**
     * AGS 2.0 §3.4.6: how final the score is. Moodle empties the gradebook cell for anything but
     * {@code FullyGraded}, so a {@code PendingManual} sent after a real grade wipes that grade.
     */
    public enum GradingProgress {
        FULLY_GRADED("FullyGraded"), PENDING("Pending"), PENDING_MANUAL("PendingManual"), FAILED("Failed"),
        NOT_READY("NotReady");

        private final String wire;

        GradingProgress(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        /** The value this wire name stands for. */
        public static GradingProgress ofWire(String wire) {
            return java.util.Arrays.stream(values()).filter(v -> v.wire.equals(wire)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no gradingProgress " + wire));
        }
    }

    /** ISO-8601 with milliseconds in UTC (AGS 2.0 §3.4.4), e.g. {@code 2025-03-01T10:15:30.250Z}. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    public Score {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("a score needs the platform's user id");
        }
        if (timestamp == null || activityProgress == null || gradingProgress == null) {
            throw new IllegalArgumentException("a score needs timestamp, activityProgress and gradingProgress");
        }
        if (scoreGiven != null && (scoreGiven.isNaN() || scoreGiven.isInfinite() || scoreGiven < 0)) {
            throw new IllegalArgumentException("scoreGiven must be a number of zero or more, was " + scoreGiven);
        }
        // §3.4.2: scoreMaximum is required with scoreGiven and must be positive.
        if (scoreGiven != null && (scoreMaximum == null || !(scoreMaximum > 0) || scoreMaximum.isInfinite())) {
            throw new IllegalArgumentException("a scoreGiven needs a positive scoreMaximum, was " + scoreMaximum);
        }
    }

    /** A score without a comment (AGS 2.0 makes the comment optional). */
    public Score(String userId, Double scoreGiven, Double scoreMaximum, Instant timestamp,
                 ActivityProgress activityProgress, GradingProgress gradingProgress) {
        this(userId, scoreGiven, scoreMaximum, timestamp, activityProgress, gradingProgress, null);
    }

    /** A finished, final score: what a tool sends when the grade is the grade. */
    public static Score graded(String userId, double scoreGiven, double scoreMaximum, Instant timestamp) {
        return new Score(userId, scoreGiven, scoreMaximum, timestamp, ActivityProgress.COMPLETED,
                GradingProgress.FULLY_GRADED);
    }

    /** The JSON body of the score POST. */
    String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("userId", userId);
        if (scoreGiven != null) {
            json.put("scoreGiven", scoreGiven);
            json.put("scoreMaximum", scoreMaximum);
        }
        json.put("timestamp", TIMESTAMP.format(timestamp));
        json.put("activityProgress", activityProgress.wire());
        json.put("gradingProgress", gradingProgress.wire());
        if (comment != null && !comment.isBlank()) {
            json.put("comment", comment);
        }
        return JSONObjectUtils.toJSONString(json);
    }
}
