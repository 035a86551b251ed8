package com.essentialslti.quiz;

import com.essentialslti.course.Activity;
import com.essentialslti.course.LtiUser;
import com.essentialslti.course.Membership;
import com.essentialslti.course.MissedTopics;
import com.essentialslti.course.ResourceLink;
import com.essentialslti.grading.Grade;
import com.essentialslti.grading.GradeOutbox;
import com.essentialslti.grading.Gradebook;
import com.essentialslti.infra.Database;
import com.essentialslti.quiz.bank.QuestionDraw;
import com.essentialslti.quiz.bank.QuestionVersion;
import com.essentialslti.quiz.bank.QuizBank;
import com.essentialslti.quiz.bank.Topic;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;

/**
 * The quiz as a learner lives it: the overview before starting, an attempt started or resumed, answers saved one
 * question at a time, one submission, the result, and the grade put in the outbox in the same transaction.
 * Every method takes the learner's {@link Membership}, so an attempt is only ever reached by its own learner at
 * its own link.
 */
public final class Quizzes {

    /** Grades go to the gradebook as percentages. */
    public static final double SCORE_MAXIMUM = 100;

    /** The learner has no attempt left, or the quiz is closed. */
    public static final class CannotStart extends RuntimeException {
        CannotStart(String message) {
            super(message);
        }
    }

    /** No attempt with this id for this learner at this link. */
    public static final class NoSuchAttempt extends RuntimeException {
        NoSuchAttempt() {
            super("no such attempt");
        }
    }

    public record Overview(QuizSettings settings, List<Attempt> finished, Optional<Attempt> inProgress,
                           OptionalDouble grade) {
        public boolean mayStart(Instant now) {
            return inProgress.isPresent() || (settings.attemptsLeft(finished.size()) && !settings.closed(now));
        }
    }

    /** An attempt with the question versions it was given, in its order. */
    public record AttemptView(Attempt attempt, List<QuestionVersion> questions, Map<String, Topic> topicsByVersion,
                              QuizSettings settings) {
    }

    private final Database database;
    private final Clock clock;
    private final Random random;
    private final Runnable gradeQueued;

    /** {@code gradeQueued} runs after a transaction that may have queued a grade has committed. */
    public Quizzes(Database database, Clock clock, Random random, Runnable gradeQueued) {
        this.database = database;
        this.clock = clock;
        this.random = random;
        this.gradeQueued = gradeQueued;
    }

    public QuizSettings settings(ResourceLink link) {
        return database.read(em -> settingsOf(em, link.id()));
    }

    public Overview overview(Membership learner) {
        Instant now = clock.instant();
        Overview overview = database.read(em -> overviewOf(em, learner));
        if (overview.inProgress().filter(a -> a.overdue(now)).isPresent()) {
            submitOverdue(learner);
            return database.read(em -> overviewOf(em, learner));
        }
        return overview;
    }

    private static Overview overviewOf(EntityManager em, Membership learner) {
        List<Attempt> attempts = attemptsOf(em, learner);
        QuizSettings settings = settingsOf(em, learner.resourceLink().id());
        List<Attempt> finished = attempts.stream().filter(Attempt::submitted).toList();
        return new Overview(settings, finished,
                attempts.stream().filter(a -> !a.submitted()).findFirst(),
                settings.gradingMethod().grade(finished.stream().map(a -> a.score().orElse(0.0)).toList()));
    }

    /**
     * The attempt in progress, or a new one if the learner may start one. An attempt in progress whose time ran out
     * is submitted and returned: the learner asked to go on with it, not to use up another attempt.
     */
    public Attempt startOrResume(Membership learner) {
        // Read first: resuming, what a relaunch does, writes nothing, so it need not wait for the disk.
        Optional<Attempt> inProgress = database.read(em -> attemptsOf(em, learner)).stream()
                .filter(a -> !a.submitted()).findFirst();
        if (inProgress.isPresent() && !inProgress.get().overdue(clock.instant())) {
            return inProgress.get();
        }
        if (inProgress.isPresent()) {
            submitOverdue(learner);
            String id = inProgress.get().id();
            return database.read(em -> ownAttempt(em, learner, id));
        }
        QuizBank.ensureSeeded(database, learner.resourceLink().courseScope(), clock.instant());
        return database.transactionRetryingOnce(em -> {
            List<Attempt> attempts = attemptsOf(em, learner);
            Optional<Attempt> open = attempts.stream().filter(a -> !a.submitted()).findFirst();
            if (open.isPresent()) {
                return open.get();
            }
            QuizSettings settings = settingsOf(em, learner.resourceLink().id());
            Instant now = clock.instant();
            if (settings.closed(now)) {
                throw new CannotStart("This quiz closed on " + settings.closeAt().orElseThrow() + ".");
            }
            if (!settings.attemptsLeft(attempts.size())) {
                throw new CannotStart("You have used all " + settings.attemptsAllowed() + " attempts of this quiz.");
            }
            String scope = learner.resourceLink().courseScope();
            List<String> drawn = QuestionDraw.draw(QuizBank.candidates(em, scope), settings.questionCount(), random);
            if (drawn.isEmpty()) {
                throw new CannotStart("This quiz has no questions yet. Please tell your trainer.");
            }
            Map<String, QuestionVersion> versions = QuizBank.versions(em, drawn);
            Attempt attempt = Attempt.start(learner.resourceLink().id(), learner.user().id(), attempts.size() + 1,
                    drawn.stream().map(versions::get).toList(), settings.shuffle(), settings.timeLimit(),
                    settings.closeAt(), random, now);
            em.persist(attempt);
            return attempt;
        });
    }

    public AttemptView view(Membership learner, String attemptId) {
        return view(learner, attemptId, false);
    }

    /** The attempt with its questions, and the topic of each when {@code withTopics} (the result page). */
    public AttemptView view(Membership learner, String attemptId, boolean withTopics) {
        AttemptView view = database.read(em -> viewOf(em, learner, attemptId, withTopics));
        if (!view.attempt().submitted() && view.attempt().overdue(clock.instant())) {
            submitOverdue(learner);
            return database.read(em -> viewOf(em, learner, attemptId, withTopics));
        }
        return view;
    }

    private AttemptView viewOf(EntityManager em, Membership learner, String attemptId, boolean withTopics) {
        Attempt attempt = ownAttempt(em, learner, attemptId);
        Map<String, QuestionVersion> versions = QuizBank.versions(em,
                attempt.items().stream().map(AttemptItem::questionVersionId).toList());
        List<QuestionVersion> inOrder = attempt.items().stream()
                .map(i -> versions.get(i.questionVersionId())).toList();
        Map<String, Topic> byVersion = new LinkedHashMap<>();
        if (withTopics) {
            Map<String, Topic> topics = QuizBank.topicsOf(em, inOrder);
            inOrder.forEach(v -> byVersion.put(v.id(), topics.get(v.topicId())));
        }
        return new AttemptView(attempt, inOrder, byVersion, settingsOf(em, learner.resourceLink().id()));
    }

    /**
     * Saves the answer to one question (positions as shown to the learner).
     *
     * @throws Attempt.Closed when the attempt was submitted or its time ran out (then it is submitted now)
     */
    public int answer(Membership learner, String attemptId, int position, Set<Integer> shownPositions) {
        try {
            return database.transactionRetryingOnce(em -> {
                Attempt attempt = ownAttempt(em, learner, attemptId);
                attempt.answer(position, shownPositions, clock.instant());
                // The answer changes only its item's row; raising the attempt's version as well makes an answer
                // and a submit that overlap conflict, so that no answer is saved after the score was computed.
                em.lock(attempt, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
                return attempt.items().size();
            });
        } catch (Attempt.Closed closed) {
            submitIfOverdue(learner);
            throw closed;
        }
    }

    /** Submits the attempt once; any later call returns the same result. */
    public Attempt submit(Membership learner, String attemptId) {
        Attempt submitted = database.transactionRetryingOnce(em -> {
            Attempt attempt = ownAttempt(em, learner, attemptId);
            finish(em, attempt, learner.resourceLink(), learner.user());
            return attempt;
        });
        gradeQueued.run();
        return submitted;
    }

    /** The attempts in progress whose time ran out (parameters s and now); V4's deadline index serves it. */
    static final String OVERDUE_ATTEMPTS = "SELECT a.id FROM Attempt a WHERE a.state = :s "
            + "AND a.deadlineAt IS NOT NULL AND a.deadlineAt <= :now";

    /** Submits what was saved of every attempt whose time ran out, whether or not its learner came back. */
    public int submitOverdue() {
        Instant now = clock.instant();
        List<String> overdue = database.read(em -> em.createQuery(OVERDUE_ATTEMPTS, String.class)
                .setParameter("s", Attempt.State.IN_PROGRESS)
                .setParameter("now", now.toEpochMilli())
                .setMaxResults(500)
                .getResultList());
        for (String id : overdue) {
            database.transactionRetryingOnce(em -> {
                Attempt attempt = em.find(Attempt.class, id);
                finish(em, attempt, em.find(ResourceLink.class, attempt.resourceLinkId()),
                        em.find(LtiUser.class, attempt.userId()));
                return null;
            });
        }
        if (!overdue.isEmpty()) {
            gradeQueued.run();
        }
        return overdue.size();
    }

    private void submitIfOverdue(Membership learner) {
        Instant now = clock.instant();
        // Read first: mostly nothing is overdue, and a transaction need not wait for the disk when it writes nothing.
        if (database.read(em -> attemptsOf(em, learner)).stream().anyMatch(a -> !a.submitted() && a.overdue(now))) {
            submitOverdue(learner);
        }
    }

    /** Submits what was saved of this learner's attempts whose time ran out. */
    private void submitOverdue(Membership learner) {
        Instant now = clock.instant();
        boolean submitted = database.transactionRetryingOnce(em -> {
            boolean any = false;
            for (Attempt attempt : attemptsOf(em, learner)) {
                if (!attempt.submitted() && attempt.overdue(now)) {
                    finish(em, attempt, learner.resourceLink(), learner.user());
                    any = true;
                }
            }
            return any;
        });
        if (submitted) {
            gradeQueued.run();
        }
    }

    /** Scores the attempt and, if that changed anything, queues the learner's grade, in the caller's transaction. */
    private void finish(EntityManager em, Attempt attempt, ResourceLink link, LtiUser user) {
        QuizSettings settings = settingsOf(em, link.id());
        Map<String, QuestionVersion> versions = QuizBank.versions(em,
                attempt.items().stream().map(AttemptItem::questionVersionId).toList());
        if (!attempt.submit(versions, settings.partialCredit(), clock.instant())) {
            return;
        }
        em.flush();
        queueGrade(em, link, user, settings, true);
    }

    /**
     * Queues the learner's grade by the link's grading method, in the caller's transaction. A submitted attempt
     * queues it even when unchanged ({@code newResult}); a regrade only when it changed.
     */
    private void queueGrade(EntityManager em, ResourceLink link, LtiUser user, QuizSettings settings,
                            boolean newResult) {
        List<Double> scores = new ArrayList<>();
        attemptsOf(em, link.id(), user.id()).stream().filter(Attempt::submitted)
                .forEach(a -> scores.add(a.score().orElse(0.0)));
        double grade = Math.round(settings.gradingMethod().grade(scores).orElse(0.0) * SCORE_MAXIMUM * 100) / 100.0;
        Grade given = Grade.completed(link.title().orElse("Essentials readiness quiz"), grade, SCORE_MAXIMUM);
        if (newResult) {
            Gradebook.queueEvenIfUnchanged(em, link, user, given, clock.instant());
        } else {
            Gradebook.queue(em, link, user, given, clock.instant());
        }
    }

    /** One learner's line in the trainer's results list. */
    public record LearnerResult(LtiUser learner, List<Attempt> attempts, OptionalDouble grade,
                                Optional<com.essentialslti.grading.OutboxScore> delivery) {
    }

    /** Every learner who finished an attempt at this link, with their grade and its delivery to the LMS. */
    public List<LearnerResult> results(ResourceLink link) {
        return database.read(em -> {
            QuizSettings settings = settingsOf(em, link.id());
            List<Attempt> attempts = em.createQuery("SELECT a FROM Attempt a WHERE a.resourceLinkId = :l "
                            + "AND a.state = :s ORDER BY a.userId, a.number", Attempt.class)
                    .setParameter("l", link.id())
                    .setParameter("s", Attempt.State.SUBMITTED)
                    .getResultList();
            Map<String, List<Attempt>> byUser = new LinkedHashMap<>();
            attempts.forEach(a -> byUser.computeIfAbsent(a.userId(), u -> new ArrayList<>()).add(a));
            Map<String, com.essentialslti.grading.OutboxScore> deliveries = GradeOutbox.latestAt(em, link.id());
            List<LearnerResult> results = new ArrayList<>();
            byUser.forEach((userId, own) -> results.add(new LearnerResult(em.find(LtiUser.class, userId), own,
                    settings.gradingMethod().grade(own.stream().map(a -> a.score().orElse(0.0)).toList()),
                    Optional.ofNullable(deliveries.get(userId)))));
            return results;
        });
    }

    /**
     * A trainer's new settings for the link. A new grading method changes learners' grades: those that change are
     * queued for the LMS, as Moodle regrades when its grading method changes.
     */
    public void changeSettings(ResourceLink link, QuizSettings.Values values) {
        boolean regraded = database.transactionRetryingOnce(em -> {
            // Locked: two saves at once (a double click) regrade once, the second seeing the first's method.
            QuizSettings stored = em.find(QuizSettings.class, link.id(), LockModeType.PESSIMISTIC_WRITE);
            QuizSettings settings = stored != null ? stored : QuizSettings.defaultsFor(link.id(), clock.instant());
            GradingMethod before = settings.gradingMethod();
            settings.change(values, clock.instant());
            if (stored == null) {
                em.persist(settings);
            }
            // A new time limit or close date applies to the attempts in progress too; the sweep submits those
            // whose new deadline has passed.
            em.createQuery("SELECT a FROM Attempt a WHERE a.resourceLinkId = :link AND a.state = :s", Attempt.class)
                    .setParameter("link", link.id())
                    .setParameter("s", Attempt.State.IN_PROGRESS)
                    .getResultList()
                    .forEach(a -> a.keepTo(settings.timeLimit(), settings.closeAt(), clock.instant()));
            if (settings.gradingMethod() == before) {
                return false;
            }
            em.createQuery("SELECT DISTINCT a.userId FROM Attempt a WHERE a.resourceLinkId = :link AND a.state = :s",
                            String.class)
                    .setParameter("link", link.id())
                    .setParameter("s", Attempt.State.SUBMITTED)
                    .getResultList()
                    .forEach(userId -> queueGrade(em, link, em.find(LtiUser.class, userId), settings, false));
            return true;
        });
        if (regraded) {
            gradeQueued.run();
        }
    }

    /** Answers another activity's question (see {@link MissedTopics}) with {@link #missedTopics}. */
    public void answer(MissedTopics question) {
        missedTopics(question.courseId(), question.userId()).forEach(topic -> question.missed(topic.key(),
                topic.name()));
    }

    /** A topic of the bank, by its key (the shipped bank's topic id, e.g. {@code benefits}) and its name. */
    public record TopicMissed(String key, String name) {
    }

    /**
     * The topics of the questions the learner did not get fully right in their latest submitted attempt at any quiz
     * link of the course, in the attempt's order and each once; empty when they submitted none there. Two queries:
     * the attempt, then its items' topics.
     */
    public List<TopicMissed> missedTopics(String courseId, String userId) {
        return database.read(em -> {
            List<String> latest = em.createQuery("SELECT a.id FROM Attempt a, ResourceLink l "
                            + "WHERE l.id = a.resourceLinkId AND l.course.id = :c AND l.activity = :quiz "
                            + "AND a.userId = :u AND a.state = :s ORDER BY a.submittedAt DESC, a.id DESC", String.class)
                    .setParameter("c", courseId)
                    .setParameter("quiz", Activity.READINESS_QUIZ.key())
                    .setParameter("u", userId)
                    .setParameter("s", Attempt.State.SUBMITTED)
                    .setMaxResults(1)
                    .getResultList();
            if (latest.isEmpty()) {
                return List.<TopicMissed>of();
            }
            return em.createQuery("SELECT t.key, t.name FROM AttemptItem i, QuestionVersion v, Topic t "
                            + "WHERE i.attempt.id = :a AND v.id = i.questionVersionId AND t.id = v.topicId "
                            + "AND (i.score IS NULL OR i.score < 1) ORDER BY i.position", Object[].class)
                    .setParameter("a", latest.get(0))
                    .getResultList().stream()
                    .map(row -> new TopicMissed((String) row[0], (String) row[1]))
                    .distinct()
                    .toList();
        });
    }

    private static Attempt ownAttempt(EntityManager em, Membership learner, String attemptId) {
        Attempt attempt = attemptId == null ? null : em.find(Attempt.class, attemptId);
        if (attempt == null || !attempt.userId().equals(learner.user().id())
                || !attempt.resourceLinkId().equals(learner.resourceLink().id())) {
            throw new NoSuchAttempt();
        }
        return attempt;
    }

    private static List<Attempt> attemptsOf(EntityManager em, Membership learner) {
        return attemptsOf(em, learner.resourceLink().id(), learner.user().id());
    }

    /** A learner's attempts on a link (parameters l and u); V4's learner index serves it. */
    static final String LEARNER_ATTEMPTS = "SELECT a FROM Attempt a WHERE a.resourceLinkId = :l AND a.userId = :u "
            + "ORDER BY a.number";

    private static List<Attempt> attemptsOf(EntityManager em, String linkId, String userId) {
        return em.createQuery(LEARNER_ATTEMPTS, Attempt.class)
                .setParameter("l", linkId)
                .setParameter("u", userId)
                .getResultList();
    }

    static QuizSettings settingsOf(EntityManager em, String linkId) {
        QuizSettings stored = em.find(QuizSettings.class, linkId);
        return stored != null ? stored : QuizSettings.defaultsFor(linkId, Instant.EPOCH);
    }
}
