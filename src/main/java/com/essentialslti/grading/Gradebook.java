package com.essentialslti.grading;

import com.essentialslti.course.Activity;
import com.essentialslti.course.LtiUser;
import com.essentialslti.course.ResourceLink;
import com.essentialslti.lti.claims.LaunchClaims;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Where every activity hands its grades: one call, inside the activity's own transaction, so that a committed
 * result always has its grade in the outbox. A link whose platform did not grant the scopes to send scores gets
 * none (and the log says so); the outbox and its relay do the rest. After the transaction commits, the activity
 * calls {@link GradingComponents#scoreQueued()} so that the relay sends at once.
 */
public final class Gradebook {

    private static final Logger LOG = Logger.getLogger(Gradebook.class.getName());

    private Gradebook() {
    }

    /**
     * Queues the learner's grade at the link unless it is unchanged: the learner's latest score there (not one
     * superseded) has the same score, maximum, progress and comment. Returns whether it queued.
     */
    public static boolean queue(EntityManager em, ResourceLink link, LtiUser user, Grade grade, Instant now) {
        Optional<OutboxScore> latest = GradeOutbox.latestOf(em, link.id(), user.id());
        if (latest.filter(grade::sameAs).isPresent()) {
            return false;
        }
        return queueEvenIfUnchanged(em, link, user, grade, now);
    }

    /**
     * Queues the learner's grade at the link even when it is the one last queued: a new result (a submitted
     * attempt) sends its grade again, which replaces a score the LMS refused and one changed in the gradebook.
     * Returns whether it queued (false when the link has no grade service).
     */
    public static boolean queueEvenIfUnchanged(EntityManager em, ResourceLink link, LtiUser user, Grade grade,
                                               Instant now) {
        Optional<LaunchClaims.GradeServiceClaim> service = link.gradeService()
                .filter(LaunchClaims.GradeServiceClaim::canSendScores);
        if (service.isEmpty()) {
            LOG.info("event=" + link.activity().map(Activity::key).orElse("activity")
                    + ".grade.not_sent reason=no_grade_service link=" + link.id());
            return false;
        }
        GradeOutbox.enqueue(em, new ScoreToSend(link.registrationId(), link.id(), user.id(), user.subject(),
                service.get().lineItem().map(Object::toString), service.get().lineItems().map(Object::toString),
                service.get().scopes(), grade.label(), grade.scoreGiven(), grade.scoreMaximum(),
                grade.activityProgress(), grade.gradingProgress(), grade.comment()), now);
        return true;
    }
}
