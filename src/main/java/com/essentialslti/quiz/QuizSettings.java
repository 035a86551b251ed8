package com.essentialslti.quiz;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** A trainer's settings for the quiz at one resource link; the defaults suit a first run. */
@Entity
@Table(name = "quiz_settings")
public class QuizSettings {

    public static final int UNLIMITED = 0;
    public static final int MAX_QUESTIONS = 50;

    @Id
    @Column(name = "resource_link_id")
    private String resourceLinkId;
    @Column(name = "question_count")
    private int questionCount = 5;
    @Column(name = "attempts_allowed")
    private int attemptsAllowed = UNLIMITED;
    @Enumerated(EnumType.STRING)
    @Column(name = "grading_method")
    private GradingMethod gradingMethod = GradingMethod.HIGHEST;
    @Column(name = "pass_mark")
    private int passMark = 50;
    @Column(name = "ready_mark")
    private int readyMark = 80;
    @Column(name = "time_limit_minutes")
    private Integer timeLimitMinutes;
    @Enumerated(EnumType.STRING)
    @Column(name = "feedback_mode")
    private FeedbackMode feedbackMode = FeedbackMode.IMMEDIATELY;
    @Column(name = "close_at")
    private Long closeAt;
    private boolean shuffle = true;
    @Column(name = "partial_credit")
    private boolean partialCredit = true;
    @Column(name = "updated_at")
    private long updatedAt;

    protected QuizSettings() {
    }

    public static QuizSettings defaultsFor(String resourceLinkId, Instant now) {
        QuizSettings settings = new QuizSettings();
        settings.resourceLinkId = resourceLinkId;
        settings.updatedAt = now.toEpochMilli();
        return settings;
    }

    /** Changes every setting at once, refusing values that make no sense. */
    public void change(Values values, Instant now) {
        if (values.questionCount() < 1 || values.questionCount() > MAX_QUESTIONS) {
            throw new IllegalArgumentException("The number of questions must be between 1 and " + MAX_QUESTIONS + ".");
        }
        if (values.attemptsAllowed() < 0 || values.attemptsAllowed() > 100) {
            throw new IllegalArgumentException("Attempts allowed must be between 1 and 100, or unlimited.");
        }
        if (values.passMark() < 0 || values.passMark() > 100 || values.readyMark() < 0 || values.readyMark() > 100) {
            throw new IllegalArgumentException("Marks are percentages between 0 and 100.");
        }
        if (values.readyMark() < values.passMark()) {
            throw new IllegalArgumentException("The \"ready\" mark cannot be below the pass mark.");
        }
        if (values.timeLimitMinutes().isPresent()
                && (values.timeLimitMinutes().get() < 1 || values.timeLimitMinutes().get() > 600)) {
            throw new IllegalArgumentException("A time limit is between 1 and 600 minutes.");
        }
        if (values.feedbackMode() == FeedbackMode.AFTER_CLOSE && values.closeAt().isEmpty()) {
            throw new IllegalArgumentException("Feedback after the close date needs a close date.");
        }
        questionCount = values.questionCount();
        attemptsAllowed = values.attemptsAllowed();
        gradingMethod = values.gradingMethod();
        passMark = values.passMark();
        readyMark = values.readyMark();
        timeLimitMinutes = values.timeLimitMinutes().orElse(null);
        feedbackMode = values.feedbackMode();
        closeAt = values.closeAt().map(Instant::toEpochMilli).orElse(null);
        shuffle = values.shuffle();
        partialCredit = values.partialCredit();
        updatedAt = now.toEpochMilli();
    }

    /** All settings, as a form submits them. */
    public record Values(int questionCount, int attemptsAllowed, GradingMethod gradingMethod, int passMark,
                         int readyMark, Optional<Integer> timeLimitMinutes, FeedbackMode feedbackMode,
                         Optional<Instant> closeAt, boolean shuffle, boolean partialCredit) {
    }

    public Values values() {
        return new Values(questionCount, attemptsAllowed, gradingMethod, passMark, readyMark, timeLimit()
                .map(d -> (int) d.toMinutes()), feedbackMode, closeAt(), shuffle, partialCredit);
    }

    public boolean attemptsLeft(int attemptsMade) {
        return attemptsAllowed == UNLIMITED || attemptsMade < attemptsAllowed;
    }

    /** Whether a learner may see the right answers and the feedback per question now. */
    public boolean feedbackVisible(Instant now) {
        return switch (feedbackMode) {
            case IMMEDIATELY -> true;
            case AFTER_CLOSE -> closeAt != null && !now.isBefore(Instant.ofEpochMilli(closeAt));
            case NEVER -> false;
        };
    }

    public boolean closed(Instant now) {
        return closeAt != null && !now.isBefore(Instant.ofEpochMilli(closeAt));
    }

    public Verdict verdict(double score) {
        return Verdict.of(score, passMark, readyMark);
    }

    public int questionCount() {
        return questionCount;
    }

    public int attemptsAllowed() {
        return attemptsAllowed;
    }

    public GradingMethod gradingMethod() {
        return gradingMethod;
    }

    public int passMark() {
        return passMark;
    }

    public int readyMark() {
        return readyMark;
    }

    public Optional<Duration> timeLimit() {
        return Optional.ofNullable(timeLimitMinutes).map(Duration::ofMinutes);
    }

    public FeedbackMode feedbackMode() {
        return feedbackMode;
    }

    public Optional<Instant> closeAt() {
        return Optional.ofNullable(closeAt).map(Instant::ofEpochMilli);
    }

    public boolean shuffle() {
        return shuffle;
    }

    public boolean partialCredit() {
        return partialCredit;
    }
}
