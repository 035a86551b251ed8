package com.essentialslti.grading;

import com.essentialslti.infra.Ids;
import com.essentialslti.lti.claims.LaunchClaims;
import com.essentialslti.lti.services.Score;
import com.essentialslti.lti.services.ServiceFailure;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A learner's score on its way to the platform's gradebook. Written in the same transaction as the result that
 * produced it, so a committed result always has its score here; the relay then delivers it, however long the
 * platform is away.
 */
@Entity
@Table(name = "grade_outbox")
public class OutboxScore {

    public enum State {
        /** Not delivered yet; tried again at {@code nextTryAt}. */
        WAITING,
        /** The platform accepted it. */
        DELIVERED,
        /**
         * A newer score for the same learner and link replaced it before it was delivered. One superseded while on
         * its way stays superseded whatever the platform answers (its answer is kept): the newer score speaks for
         * the learner, and a refusal of the older one must never be sent again over it.
         */
        SUPERSEDED,
        /** The platform refused it for good (400, 403, 404); kept with its answer for the trainer and operator. */
        PARKED
    }

    static final int MAX_ANSWER = 2000;

    @Id
    private String id;
    @Column(name = "registration_id")
    private String registrationId;
    @Column(name = "resource_link_id")
    private String resourceLinkId;
    @Column(name = "user_id")
    private String userId;
    private String subject;
    @Column(name = "lineitem_url")
    private String lineItemUrl;
    @Column(name = "lineitems_url")
    private String lineItemsUrl;
    private String scopes;
    private String label;
    @Column(name = "score_given")
    private double scoreGiven;
    @Column(name = "score_maximum")
    private double scoreMaximum;
    @Column(name = "score_timestamp")
    private long scoreTimestamp;
    /** AGS wire names ({@code Completed}, {@code FullyGraded}, ...), as an operator reading the table expects. */
    @Column(name = "activity_progress")
    private String activityProgress;
    @Column(name = "grading_progress")
    private String gradingProgress;
    @Column(name = "score_comment")
    private String comment;
    @Enumerated(EnumType.STRING)
    private State state;
    private int tries;
    @Column(name = "next_try_at")
    private long nextTryAt;
    @Column(name = "last_status")
    private Integer lastStatus;
    @Column(name = "last_answer")
    private String lastAnswer;
    @Column(name = "created_at")
    private long createdAt;
    @Column(name = "delivered_at")
    private Long deliveredAt;

    protected OutboxScore() {
    }

    OutboxScore(ScoreToSend score, Instant timestamp, Instant now) {
        this.id = Ids.timeOrdered();
        this.registrationId = score.registrationId();
        this.resourceLinkId = score.resourceLinkId();
        this.userId = score.userId();
        this.subject = score.subject();
        this.lineItemUrl = score.lineItem().orElse(null);
        this.lineItemsUrl = score.lineItems().orElse(null);
        this.scopes = String.join(" ", score.scopes());
        this.label = score.label();
        this.scoreGiven = score.scoreGiven();
        this.scoreMaximum = score.scoreMaximum();
        this.activityProgress = score.activityProgress().wire();
        this.gradingProgress = score.gradingProgress().wire();
        this.comment = score.comment().orElse(null);
        this.scoreTimestamp = timestamp.toEpochMilli();
        this.state = State.WAITING;
        this.nextTryAt = now.toEpochMilli();
        this.createdAt = now.toEpochMilli();
    }

    void delivered(int status, Instant now) {
        requireOnItsWay();
        if (state == State.WAITING) {
            state = State.DELIVERED;
        }
        lastStatus = status;
        lastAnswer = null;
        deliveredAt = now.toEpochMilli();
        tries++;
    }

    /** A newer score for this learner and link is waiting: this one need not be sent. */
    void superseded() {
        if (state == State.WAITING || state == State.PARKED) {
            state = State.SUPERSEDED;
        }
    }

    void parked(int status, String answer) {
        requireOnItsWay();
        if (state == State.WAITING) {
            state = State.PARKED;
        }
        lastStatus = status;
        lastAnswer = truncate(answer);
        tries++;
    }

    /**
     * Parked without being sent, for a reason of the tool's own (its platform's registration was retired): no try
     * is counted and no LMS status recorded, so that no page reads the reason as the LMS's answer. A score being
     * sent at that moment keeps its sender's outcome out (see {@link #claimedUntil}).
     */
    void parkedUnsent(String reason) {
        if (state != State.WAITING) {
            throw new IllegalStateException("a " + state + " score is not waiting to be sent");
        }
        state = State.PARKED;
        lastStatus = null;
        lastAnswer = truncate(reason);
    }

    /** Parked by the tool itself, not refused by the LMS: the last answer is the tool's reason. */
    public boolean parkedByTheTool() {
        return state == State.PARKED && (lastStatus == null || lastStatus == 0);
    }

    /** A failure worth trying again (platform down, 5xx, timeout): waits {@code delay} before the next try. */
    void retryLater(Integer status, String answer, Duration delay, Instant now) {
        requireOnItsWay();
        tries++;
        lastStatus = status;
        lastAnswer = truncate(answer);
        nextTryAt = now.plus(delay).toEpochMilli();
    }

    /**
     * The trainer's "send again" on a parked score: it waits again, with a newer timestamp. After a 404 its line
     * item is gone (deleted or replaced in the LMS), so it goes where the link's latest launch says grades go now
     * ({@code gradesNow}): that launch's line item, or one found or created in its container.
     */
    void sendAgain(Instant timestamp, Instant now, Optional<LaunchClaims.GradeServiceClaim> gradesNow) {
        if (state != State.PARKED) {
            throw new IllegalStateException("only a refused score is sent again");
        }
        if (Integer.valueOf(404).equals(lastStatus)) {
            gradesNow.filter(LaunchClaims.GradeServiceClaim::canSendScores).ifPresent(grades -> {
                lineItemUrl = grades.lineItem().map(Object::toString).orElse(null);
                lineItemsUrl = grades.lineItems().map(Object::toString).orElse(null);
                scopes = String.join(" ", grades.scopes());
            });
        }
        state = State.WAITING;
        scoreTimestamp = timestamp.toEpochMilli();
        nextTryAt = now.toEpochMilli();
    }

    /**
     * Whether the claim a sender took until {@code leaseEnd} ({@link GradeOutbox#claim}) still holds: no outcome
     * was recorded since and no other sender claimed the score after the lease ran out. Only then does the
     * sender's outcome count (a score superseded meanwhile still takes it: it stays superseded).
     */
    boolean claimedUntil(Instant leaseEnd) {
        return (state == State.WAITING || state == State.SUPERSEDED) && nextTryAt == leaseEnd.toEpochMilli();
    }

    /** An answer from the platform concerns a score that was sent: waiting, or superseded while on its way. */
    private void requireOnItsWay() {
        if (state != State.WAITING && state != State.SUPERSEDED) {
            throw new IllegalStateException("a " + state + " score was not being sent");
        }
    }

    /**
     * Waiting because the platform refused the tool itself (its token request, or 401 with a fresh token). That is
     * the only lasting 4xx after which the relay keeps a score waiting rather than parked, so the last status tells.
     */
    public boolean waitsForThePlatformToTakeTheTool() {
        return state == State.WAITING && lastStatus != null && lastStatus >= 400 && lastStatus < 500
                && !ServiceFailure.isTransient(lastStatus);
    }

    /** The line item found or created for this score's link, kept so that a retry does not look again. */
    void lineItemResolved(String url) {
        lineItemUrl = url;
    }

    private static String truncate(String answer) {
        if (answer == null) {
            return null;
        }
        return answer.length() <= MAX_ANSWER ? answer : answer.substring(0, MAX_ANSWER);
    }

    public String id() {
        return id;
    }

    public String registrationId() {
        return registrationId;
    }

    public String resourceLinkId() {
        return resourceLinkId;
    }

    public String userId() {
        return userId;
    }

    public String subject() {
        return subject;
    }

    public Optional<String> lineItemUrl() {
        return Optional.ofNullable(lineItemUrl);
    }

    public Optional<String> lineItemsUrl() {
        return Optional.ofNullable(lineItemsUrl);
    }

    public java.util.List<String> scopes() {
        return scopes.isBlank() ? java.util.List.of() : java.util.List.of(scopes.split(" "));
    }

    public String label() {
        return label;
    }

    public double scoreGiven() {
        return scoreGiven;
    }

    public double scoreMaximum() {
        return scoreMaximum;
    }

    public Score.ActivityProgress activityProgress() {
        return Score.ActivityProgress.ofWire(activityProgress);
    }

    public Score.GradingProgress gradingProgress() {
        return Score.GradingProgress.ofWire(gradingProgress);
    }

    public Optional<String> comment() {
        return Optional.ofNullable(comment);
    }

    /** The score as the platform's score service takes it, for the learner's {@code sub}. */
    public Score toScore() {
        return new Score(subject, scoreGiven, scoreMaximum, timestamp(), activityProgress(), gradingProgress(),
                comment);
    }

    public Instant timestamp() {
        return Instant.ofEpochMilli(scoreTimestamp);
    }

    public State state() {
        return state;
    }

    public int tries() {
        return tries;
    }

    public Instant nextTryAt() {
        return Instant.ofEpochMilli(nextTryAt);
    }

    public Optional<Integer> lastStatus() {
        return Optional.ofNullable(lastStatus);
    }

    public Optional<String> lastAnswer() {
        return Optional.ofNullable(lastAnswer);
    }

    /**
     * The platform's last answer as a trainer reads it: an LMS error page becomes its words, without tags, at most
     * {@link LmsAnswer#MAX_TEXT} characters cut between words. Empty when the answer held no words.
     */
    public Optional<String> lastAnswerText() {
        return lastAnswer().map(LmsAnswer::shortText).filter(text -> !text.isEmpty());
    }

    public Optional<Instant> deliveredAt() {
        return Optional.ofNullable(deliveredAt).map(Instant::ofEpochMilli);
    }
}
