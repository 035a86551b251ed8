package com.essentialslti.selfassessment;

import com.essentialslti.course.LtiUser;
import com.essentialslti.course.Membership;
import com.essentialslti.course.MissedTopics;
import com.essentialslti.course.ResourceLink;
import com.essentialslti.grading.Grade;
import com.essentialslti.grading.Gradebook;
import com.essentialslti.infra.Database;
import com.essentialslti.selfassessment.framework.CourseFrameworks;
import com.essentialslti.selfassessment.framework.FrameworkContent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The self-assessment as a learner lives it: the overview, an assessment started or resumed, ratings saved a page
 * at a time, one submission that makes a dated snapshot (and queues the completion grade in the same
 * transaction), the result. Every method takes the learner's {@link Membership}, so an assessment is only ever
 * reached by its own learner at its own link.
 */
public final class SelfAssessments {

    public static final double SCORE_MAXIMUM = 100;

    /** The learner may not start another self-assessment now; the message says why. */
    public static final class CannotStart extends RuntimeException {
        CannotStart(String message) {
            super(message);
        }
    }

    /** No assessment with this id for this learner at this link. */
    public static final class NoSuchAssessment extends RuntimeException {
        NoSuchAssessment() {
            super("no such self-assessment");
        }
    }

    public record Overview(SelfAssessmentSettings settings, List<Assessment> snapshots,
                           Optional<Assessment> inProgress, Optional<String> whyNoNew) {

        public boolean mayStart() {
            return inProgress.isPresent() || whyNoNew.isEmpty();
        }
    }

    /** An assessment with the framework version it is made against. */
    public record AssessmentView(Assessment assessment, FrameworkContent framework, SelfAssessmentSettings settings) {
    }

    /** A snapshot read against the link's target, with the one before it and the quiz topics the learner missed. */
    public record Result(Assessment snapshot, Profile profile, Optional<Profile> previous, String targetName,
                         Map<String, String> missedQuizTopics) {
    }

    /** A level and a note for one competency, as a rating page sends them. */
    public record RatingInput(int level, String evidence) {
    }

    private final Database database;
    private final CourseFrameworks frameworks;
    private final Clock clock;
    private final Runnable gradeQueued;
    private final Consumer<MissedTopics> askTheQuiz;

    public SelfAssessments(Database database, CourseFrameworks frameworks, Clock clock, Runnable gradeQueued,
                           Consumer<MissedTopics> askTheQuiz) {
        this.database = database;
        this.frameworks = frameworks;
        this.clock = clock;
        this.gradeQueued = gradeQueued;
        this.askTheQuiz = askTheQuiz;
    }

    public SelfAssessmentSettings settings(ResourceLink link) {
        return database.read(em -> settingsOf(em, link.id()));
    }

    public CourseFrameworks frameworks() {
        return frameworks;
    }

    public Overview overview(Membership learner) {
        return database.read(em -> overviewOf(em, learner, clock.instant()));
    }

    private static Overview overviewOf(EntityManager em, Membership learner, Instant now) {
        List<Assessment> own = assessmentsOf(em, learner.resourceLink().id(), learner.user().id());
        SelfAssessmentSettings settings = settingsOf(em, learner.resourceLink().id());
        List<Assessment> snapshots = own.stream().filter(Assessment::submitted).toList();
        return new Overview(settings, snapshots, own.stream().filter(a -> !a.submitted()).findFirst(),
                settings.whyNoNewAssessment(snapshots.stream().map(a -> a.submittedAt().orElseThrow()).toList(),
                        now));
    }

    /** The assessment in progress, or a new one against the course's current framework if the learner may. */
    public Assessment startOrResume(Membership learner) {
        Optional<Assessment> open = database.read(em -> assessmentsOf(em, learner.resourceLink().id(),
                learner.user().id())).stream().filter(a -> !a.submitted()).findFirst();
        if (open.isPresent()) {
            return open.get(); // resuming writes nothing
        }
        CourseFrameworks.Current framework = frameworks.current(learner.resourceLink().courseScope());
        return database.transactionRetryingOnce(em -> {
            Overview overview = overviewOf(em, learner, clock.instant());
            if (overview.inProgress().isPresent()) {
                return overview.inProgress().get();
            }
            if (overview.whyNoNew().isPresent()) {
                throw new CannotStart(overview.whyNoNew().get());
            }
            Assessment started = Assessment.start(learner.resourceLink().id(), learner.user().id(),
                    overview.snapshots().size() + 1, framework.versionId(), clock.instant());
            em.persist(started);
            return started;
        });
    }

    public AssessmentView view(Membership learner, String assessmentId) {
        return database.read(em -> {
            Assessment assessment = own(em, learner, assessmentId);
            return new AssessmentView(assessment, frameworks.version(assessment.frameworkVersionId()),
                    settingsOf(em, learner.resourceLink().id()));
        });
    }

    /**
     * Saves the ratings of one page at once, or none of them when one is not a rating (a crafted form); returns the
     * framework version the assessment is rated against.
     *
     * @throws Assessment.Closed     when the assessment was submitted
     * @throws Assessment.NotARating when a competency, level or note is refused
     */
    public FrameworkContent rate(Membership learner, String assessmentId, Map<String, RatingInput> ratings) {
        return database.transactionRetryingOnce(em -> {
            Assessment assessment = own(em, learner, assessmentId);
            FrameworkContent framework = frameworks.version(assessment.frameworkVersionId());
            Instant now = clock.instant();
            ratings.forEach((key, input) -> assessment.rate(framework, key, input.level(), input.evidence(), now));
            // Ratings change their own rows; raising the assessment's version makes a rating and a submit that
            // overlap conflict, so that no rating is saved into a snapshot already taken.
            em.lock(assessment, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            return framework;
        });
    }

    /**
     * Makes the assessment a snapshot once, and queues the completion grade with it; later calls change nothing.
     *
     * @throws Assessment.Incomplete when a competency is not rated
     */
    public Assessment submit(Membership learner, String assessmentId) {
        boolean[] queued = {false};
        Assessment submitted = database.transactionRetryingOnce(em -> {
            Assessment assessment = own(em, learner, assessmentId);
            if (assessment.submit(frameworks.version(assessment.frameworkVersionId()), clock.instant())) {
                em.flush();
                queued[0] = queueGrade(em, learner.resourceLink(), learner.user());
            }
            return assessment;
        });
        if (queued[0]) {
            gradeQueued.run();
        }
        return submitted;
    }

    /** Completion: 100 once a snapshot exists; nothing new when the learner's last grade here already says so. */
    private boolean queueGrade(EntityManager em, ResourceLink link, LtiUser user) {
        if (settingsOf(em, link.id()).grading() != SelfAssessmentSettings.Grading.COMPLETION) {
            return false;
        }
        return Gradebook.queue(em, link, user, Grade.completed(link.title().orElse("Competency self-assessment"),
                SCORE_MAXIMUM, SCORE_MAXIMUM), clock.instant());
    }

    /** The learner's snapshots, oldest first. */
    public List<Assessment> snapshots(Membership learner) {
        return database.read(em -> assessmentsOf(em, learner.resourceLink().id(), learner.user().id())).stream()
                .filter(Assessment::submitted).toList();
    }

    /** A snapshot of the learner's against the link's target, with the snapshot before it. */
    public Result result(Membership learner, String assessmentId) {
        String linkId = learner.resourceLink().id();
        record Read(List<Assessment> snapshots, SelfAssessmentSettings settings) {
        }
        Read read = database.read(em -> new Read(assessmentsOf(em, linkId, learner.user().id()).stream()
                .filter(Assessment::submitted).toList(), settingsOf(em, linkId)));
        List<Assessment> snapshots = read.snapshots();
        int index = -1;
        for (int i = 0; i < snapshots.size(); i++) {
            if (snapshots.get(i).id().equals(assessmentId)) {
                index = i;
            }
        }
        if (index < 0) {
            throw new NoSuchAssessment();
        }
        SelfAssessmentSettings settings = read.settings();
        Assessment snapshot = snapshots.get(index);
        Profile profile = profileOf(snapshot, settings);
        Optional<Profile> previous = index == 0 ? Optional.empty()
                : Optional.of(profileOf(snapshots.get(index - 1), settings));
        MissedTopics question = new MissedTopics(learner.resourceLink().courseScope(), learner.user().id());
        askTheQuiz.accept(question);
        return new Result(snapshot, profile, previous, settings.targetName(profile.framework()), question.topics());
    }

    /** A snapshot read against the link's target, in the framework version it was made with. */
    public Profile profileOf(Assessment snapshot, SelfAssessmentSettings settings) {
        FrameworkContent made = frameworks.version(snapshot.frameworkVersionId());
        return new Profile(made, snapshot.levels(), settings.targetIn(made));
    }

    public void changeSettings(ResourceLink link, SelfAssessmentSettings.Values values) {
        FrameworkContent framework = frameworks.current(link.courseScope()).content();
        database.transactionRetryingOnce(em -> {
            SelfAssessmentSettings settings = em.find(SelfAssessmentSettings.class, link.id(),
                    LockModeType.PESSIMISTIC_WRITE);
            if (settings == null) {
                settings = SelfAssessmentSettings.defaultsFor(link.id(), clock.instant());
                em.persist(settings);
            }
            settings.change(values, framework, clock.instant());
            return null;
        });
    }

    static SelfAssessmentSettings settingsOf(EntityManager em, String linkId) {
        SelfAssessmentSettings stored = em.find(SelfAssessmentSettings.class, linkId);
        return stored != null ? stored : SelfAssessmentSettings.defaultsFor(linkId, Instant.EPOCH);
    }

    private static List<Assessment> assessmentsOf(EntityManager em, String linkId, String userId) {
        return em.createQuery("SELECT a FROM Assessment a WHERE a.resourceLinkId = :l AND a.userId = :u "
                        + "ORDER BY a.number", Assessment.class)
                .setParameter("l", linkId)
                .setParameter("u", userId)
                .getResultList();
    }

    private static Assessment own(EntityManager em, Membership learner, String assessmentId) {
        Assessment assessment = assessmentId == null ? null : em.find(Assessment.class, assessmentId);
        if (assessment == null || !assessment.resourceLinkId().equals(learner.resourceLink().id())
                || !assessment.userId().equals(learner.user().id())) {
            throw new NoSuchAssessment();
        }
        return assessment;
    }
}
