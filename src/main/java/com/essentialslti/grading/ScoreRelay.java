package com.essentialslti.grading;

import com.essentialslti.course.Activity;
import com.essentialslti.course.ResourceLink;
import com.essentialslti.infra.Database;
import com.essentialslti.infra.KeyedLocks;
import com.essentialslti.infra.LogValues;
import com.essentialslti.lti.registration.Registration;
import com.essentialslti.lti.registration.Registrations;
import com.essentialslti.lti.services.Delivery;
import com.essentialslti.lti.services.GradeService;
import com.essentialslti.lti.services.LineItemSpec;
import com.essentialslti.lti.services.ServiceFailure;
import com.essentialslti.lti.services.ServiceRefused;
import jakarta.persistence.LockModeType;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;

/**
 * Delivers the outbox to the platforms' gradebooks (Assignment and Grade Services 2.0 §3.4, scores). Waiting
 * scores are sent as soon as they are queued ({@link #wake()}), several at a time; a failure worth retrying (the
 * platform down, 5xx, a timeout) waits with exponential backoff and jitter; a refusal for good (400, 403, 404) is
 * parked with the platform's answer. A refusal of the tool itself (its token request refused, or 401 with a fresh
 * token) waits like a failure: it ends when an administrator mends the registration, or when the platform can fetch
 * the tool's key set again, and the scores then go out without anyone sending them again. The outbox is in the
 * database, so all of this survives a restart.
 *
 * <p>A 409 means the platform already holds a score with this timestamp or a later one (Moodle compares at
 * one-second resolution). Timestamps only rise per learner and link, so that is this very score, sent before a
 * crash or a lost answer: it counts as delivered.
 *
 * <p>Several tool processes may share one PostgreSQL database, each with its relay: a sender first claims the score
 * ({@link GradeOutbox#claim}) and sends it only when the claim is its own. The claim is a lease that outlasts a
 * whole delivery ({@link #leaseFor}); a process killed while sending leaves the score to be sent again, by another
 * process or by itself after a restart, once the lease has run out.
 */
public final class ScoreRelay {

    private static final Logger LOG = Logger.getLogger(ScoreRelay.class.getName());
    static final int BATCH = 200;
    /**
     * The resourceId and tag a tool-created column gets, by the link's activity, so that the tool finds it again
     * and the LMS tells the activities' columns apart. The quiz keeps the names of the columns it created before
     * other activities had any.
     */
    static LineItemSpec columnFor(Optional<Activity> activity, String platformLinkId, String label, double maximum) {
        Activity of = activity.orElse(Activity.READINESS_QUIZ);
        return of == Activity.READINESS_QUIZ
                ? new LineItemSpec(platformLinkId, "essentials-readiness-quiz", "essentials-readiness", label, maximum)
                : new LineItemSpec(platformLinkId, "essentials-" + of.key(), "essentials-" + of.key(), label, maximum);
    }

    private final Database database;
    private final Registrations registrations;
    private final GradeService grades;
    private final Clock clock;
    private final ExecutorService senders;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final Duration lease;
    /** One line item lookup-or-create at a time per link, see {@link #lineItem}. */
    private final KeyedLocks lineItemLookups = new KeyedLocks(64);
    /** The line item found or created for each link's container, until a score sent there gets 404. */
    private final Map<String, URI> lineItemsFound = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition queued = lock.newCondition();
    private boolean woken;

    public ScoreRelay(Database database, Registrations registrations, GradeService grades, Clock clock,
                      ExecutorService senders, Duration firstRetry, Duration maxRetry) {
        this.database = database;
        this.registrations = registrations;
        this.grades = grades;
        this.clock = clock;
        this.senders = senders;
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
        this.lease = leaseFor(grades.requestTimeout());
    }

    /**
     * How long a sender's claim on a score lasts: the whole delivery, that is an access token (AccessTokens waits
     * at most 10 s), the line item's lookup and perhaps its creation, and the score's POST, each bounded by the
     * request timeout, with room for the one retry after a 401: six timeouts, and never under a minute. A delivery
     * slower still (a lookup through many pages of line items) may be sent a second time by another sender; that
     * copy carries the same timestamp, so the platform answers 409 and keeps one grade.
     */
    public static Duration leaseFor(Duration requestTimeout) {
        Duration six = requestTimeout.multipliedBy(6);
        return six.compareTo(Duration.ofMinutes(1)) > 0 ? six : Duration.ofMinutes(1);
    }

    /** A score was queued: deliver now rather than at the next poll. */
    public void wake() {
        lock.lock();
        try {
            woken = true;
            queued.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The relay's loop: sleep until woken or until {@code poll} has passed, then deliver what is due. It sleeps
     * first: started with the tool, it would otherwise ask the LMS for an access token before the tool serves its
     * key set, which the LMS fetches to check that request, and the LMS's refusal would park the scores left
     * waiting by a stop or a crash. A score queued meanwhile wakes it at once (the tool is serving then).
     */
    public void run(Duration poll) {
        parkScoresOfRetiredRegistrations();
        while (!Thread.currentThread().isInterrupted()) {
            lock.lock();
            try {
                if (!woken) {
                    queued.await(poll.toMillis(), TimeUnit.MILLISECONDS);
                }
                woken = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                lock.unlock();
            }
            try {
                while (deliverDue() == BATCH) {
                    // a full batch: more may be due at once
                }
            } catch (RuntimeException e) {
                LOG.warning("event=grades.relay.failed reason=" + LogValues.quote(e));
            }
        }
    }

    /**
     * Parks the waiting scores of every retired registration, with the reason, so that the trainer sees at once why
     * they will not arrive (rather than when each comes due, up to an hour later). Run at start, after the
     * registration files were read; a score sent again while its registration is still retired is parked again.
     */
    public void parkScoresOfRetiredRegistrations() {
        for (Registration registration : registrations.all()) {
            if (registration.retired()) {
                int parked = database.transaction(em ->
                        GradeOutbox.parkWaitingOf(em, registration.id(), retired(registration)));
                if (parked > 0) {
                    LOG.warning("event=grades.parked_retired issuer=" + LogValues.quote(registration.issuer())
                            + " client_id=" + LogValues.quote(registration.clientId()) + " scores=" + parked);
                }
            }
        }
    }

    /** Why a retired registration's scores are not sent, in words for the trainer. */
    static String retired(Registration registration) {
        return "The tool is no longer registered with " + registration.name() + " (" + registration.issuer()
                + "): its operator removed the registration. Send again once the operator has put it back.";
    }

    /** Sends every score that is due now; returns how many it tried. */
    public int deliverDue() {
        Instant now = clock.instant();
        List<String> due = database.read(em -> em.createQuery("SELECT o.id FROM OutboxScore o WHERE o.state = :s "
                        + "AND o.nextTryAt <= :now ORDER BY o.nextTryAt", String.class)
                .setParameter("s", OutboxScore.State.WAITING)
                .setParameter("now", now.toEpochMilli())
                .setMaxResults(BATCH)
                .getResultList());
        List<Future<?>> sending = new ArrayList<>();
        for (String id : due) {
            sending.add(senders.submit(() -> deliver(id)));
        }
        for (Future<?> each : sending) {
            try {
                each.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.warning("event=grades.delivery.failed reason=" + LogValues.quote(e.getCause()));
            }
        }
        return due.size();
    }

    private void deliver(String id) {
        Instant now = clock.instant();
        Instant leaseEnd = now.plus(lease);
        // Without H2's checkpoint (losableTransaction): on H2 no other process can open the database file, so no
        // other relay can be sending, and a claim a crash loses only makes the score due at once after the restart,
        // as a crash before the claim would (if it did reach the LMS, the LMS answers 409 and it counts as
        // delivered). PostgreSQL's commits are durable anyway. One disk write per score stays off the relay's path.
        if (!database.losableTransaction(em -> GradeOutbox.claim(em, id, now, leaseEnd))) {
            return; // another sender, of this process or another, has it; or it is no longer waiting
        }
        OutboxScore score = database.read(em -> em.find(OutboxScore.class, id));
        if (score == null || score.state() != OutboxScore.State.WAITING) {
            return; // superseded since the claim: the newer score goes instead
        }
        Optional<Registration> registration = registrations.byId(score.registrationId());
        if (registration.isEmpty()) {
            record(id, leaseEnd, s -> s.parked(0, "The platform's registration is gone from the tool."));
            return;
        }
        if (registration.get().retired()) { // since the sweep at start: a learner's page open from before
            record(id, leaseEnd, s -> s.parkedUnsent(retired(registration.get())));
            return;
        }
        try {
            URI lineItem = lineItem(registration.get(), score, leaseEnd);
            Delivery delivery = grades.postScore(registration.get(), lineItem, score.toScore());
            switch (delivery.outcome()) {
                case DELIVERED -> record(id, leaseEnd, s -> s.delivered(delivery.status(), clock.instant()));
                case CONFLICT -> conflict(registration.get(), lineItem, score, leaseEnd);
                case RETRYABLE, TOOL_REFUSED -> record(id, leaseEnd, s -> s.retryLater(delivery.status(),
                        delivery.answer(), notBefore(delivery.retryAfter(), backoff(s.tries())), clock.instant()));
                case REFUSED -> {
                    if (delivery.status() == 404) {
                        lineItemsFound.values().remove(lineItem); // deleted in the LMS: look again next time
                    }
                    record(id, leaseEnd, s -> s.parked(delivery.status(), delivery.answer()));
                }
            }
            LOG.info("event=grades.delivery id=" + id + " status=" + delivery.status() + " outcome="
                    + delivery.outcome());
        } catch (ServiceFailure failure) {
            // A refusal of the tool itself is not retryable for the request, but the score waits for it to end:
            // the log says what becomes of the score, so that an operator never reads "false" for one retried.
            boolean retried = failure.retryable() || failure instanceof ServiceRefused refused && refused.toolRefused();
            if (retried) {
                record(id, leaseEnd, s -> s.retryLater(failure.status() == 0 ? null : failure.status(),
                        failure.answer(), backoff(s.tries()), clock.instant()));
            } else {
                record(id, leaseEnd, s -> s.parked(failure.status(), failure.answer()));
            }
            LOG.info("event=grades.delivery id=" + id + " status=" + failure.status() + " retryable=" + retried);
        }
    }

    /**
     * A 409: the platform holds a grade as new as this score or newer. Either this very score reached it before and
     * its answer was lost (a crash, a time-out), or a grade set in the LMS since (a teacher's) outdates it. Where the
     * scopes allow reading results, a grade that is not this score's is parked with the LMS's grade, for the trainer
     * to keep it or send this one again; otherwise, or when the result cannot be read, the score counts as delivered.
     */
    private void conflict(Registration registration, URI lineItem, OutboxScore score, Instant leaseEnd) {
        if (score.scopes().contains(GradeService.SCOPE_RESULT_READ_ONLY)) {
            try {
                Optional<GradeService.Result> held = grades.resultOf(registration, lineItem, score.subject());
                if (held.isPresent() && !held.get().shows(score.scoreGiven(), score.scoreMaximum())) {
                    record(score.id(), leaseEnd, s -> s.parked(409, "The LMS holds a later grade for this learner, "
                            + held.get().score() + " of " + held.get().maximum() + ", set there after this one (by a "
                            + "teacher in the gradebook, for instance). Send again to replace it with this one."));
                    return;
                }
            } catch (ServiceFailure unreadable) {
                LOG.info("event=grades.conflict.result_unread id=" + score.id() + " status=" + unreadable.status());
            }
        }
        record(score.id(), leaseEnd, s -> s.delivered(409, clock.instant()));
    }

    /** The launch's line item, or the one found or created for the link (kept on the score for its retries). */
    private URI lineItem(Registration registration, OutboxScore score, Instant leaseEnd) throws ServiceFailure {
        if (score.lineItemUrl().isPresent()) {
            return URI.create(score.lineItemUrl().get());
        }
        ResourceLink link = database.read(em -> em.find(ResourceLink.class, score.resourceLinkId()));
        String platformLinkId = link.linkId();
        String container = score.lineItemsUrl().orElseThrow();
        String key = registration.id() + " " + container + " " + platformLinkId;
        URI found;
        // The senders deliver a link's scores side by side (a class submitting together, or an LMS back after an
        // outage): each would find no line item and create its own, leaving grades in several columns. One lookup
        // at a time per link, and the others take what it found. (Another tool process on the same PostgreSQL
        // database could still create a second one at the same moment.)
        synchronized (lineItemLookups.of(key)) {
            found = lineItemsFound.get(key);
            if (found == null) {
                found = grades.findOrCreateLineItem(registration, URI.create(container),
                        columnFor(link.activity(), platformLinkId, score.label(), score.scoreMaximum()));
                lineItemsFound.put(key, found);
            }
        }
        URI resolved = found;
        record(score.id(), leaseEnd, s -> s.lineItemResolved(resolved.toString()));
        return resolved;
    }

    /** The backoff, or the platform's Retry-After if that is later (within the longest backoff). */
    private Duration notBefore(Optional<Duration> retryAfter, Duration backoff) {
        return retryAfter.map(asked -> asked.compareTo(maxRetry) > 0 ? maxRetry : asked)
                .filter(asked -> asked.compareTo(backoff) > 0).orElse(backoff);
    }

    /** Exponential backoff from {@code firstRetry}, capped at {@code maxRetry}, with jitter (50 to 100 %). */
    Duration backoff(int triesSoFar) {
        long base = firstRetry.toMillis() << Math.min(triesSoFar, 20);
        long capped = Math.min(base, maxRetry.toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    /**
     * Records what became of a delivery, if the sender's claim still holds. The row is locked while it is read and
     * changed, so that neither a newer score superseding it nor another process claiming it after the lease can
     * slip in between.
     *
     * <p>Without H2's checkpoint (losableTransaction): a crash that loses the record leaves the score waiting, and
     * sending it again is harmless. A delivered score comes back as 409 (its timestamp is taken) and counts as
     * delivered; a refused one is refused and parked again.
     */
    private void record(String id, Instant leaseEnd, java.util.function.Consumer<OutboxScore> change) {
        database.losableTransaction(em -> {
            OutboxScore score = em.find(OutboxScore.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (score != null && score.claimedUntil(leaseEnd)) {
                change.accept(score);
            } else {
                LOG.warning("event=grades.delivery.claim_lost id=" + id + " lease_end=" + leaseEnd);
            }
            return null;
        });
    }
}
