package com.essentialslti.course;

import com.essentialslti.infra.Database;
import com.essentialslti.lti.claims.LaunchClaims;
import com.essentialslti.lti.launch.ValidatedLaunch;
import com.essentialslti.lti.session.LaunchSession;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Records who launched where: the user (platform + sub), the course (context), the resource link and the user's
 * role there, in one transaction per launch.
 */
public final class Enrolments {

    private final Database database;
    private final Clock clock;

    public Enrolments(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public Membership record(ValidatedLaunch launch) {
        LaunchClaims claims = launch.claims();
        String registrationId = launch.registration().id();
        return database.losableTransactionRetryingOnce(em -> {
            LaunchClaims.ResourceLink claim = claims.resourceLink().orElseThrow();
            Optional<Membership> known = findMembership(em, registrationId, claims.deploymentId(), claim.id(),
                    claims.subject().orElseThrow())
                    .filter(m -> sameCourse(m.resourceLink(), claims));
            if (known.isPresent()) { // a repeated launch: one query, and writes only for what changed
                Membership m = known.get();
                m.user().launched(claims.name(), claims.email(), clock.instant());
                claims.context().ifPresent(c -> m.resourceLink().course().orElseThrow().describe(c.label(), c.title()));
                m.resourceLink().describe(null, claim.title(), claim.description());
                m.resourceLink().launchedWith(claims);
                m.launched(CourseRole.from(claims.lisRoles()), claims.roles(), clock.instant());
                return m;
            }
            LtiUser user = single(em.createQuery(
                            "SELECT u FROM LtiUser u WHERE u.registrationId = :r AND u.subject = :s", LtiUser.class)
                    .setParameter("r", registrationId)
                    .setParameter("s", claims.subject().orElseThrow())
                    .getResultList())
                    .orElseGet(() -> persist(em, new LtiUser(registrationId, claims.subject().orElseThrow(), clock.instant())));
            user.launched(claims.name(), claims.email(), clock.instant());

            Course course = claims.context().map(context -> {
                Course found = single(em.createQuery("SELECT c FROM Course c WHERE c.registrationId = :r "
                                + "AND c.deploymentId = :d AND c.contextId = :c", Course.class)
                        .setParameter("r", registrationId)
                        .setParameter("d", claims.deploymentId())
                        .setParameter("c", context.id())
                        .getResultList())
                        .orElseGet(() -> persist(em, new Course(registrationId, claims.deploymentId(), context.id())));
                found.describe(context.label(), context.title());
                return found;
            }).orElse(null);

            ResourceLink link = findLink(em, registrationId, claims.deploymentId(), claim.id())
                    .orElseGet(() -> persist(em, new ResourceLink(registrationId, claims.deploymentId(), claim.id())));
            link.describe(course, claim.title(), claim.description());
            link.launchedWith(claims);

            Membership membership = single(em.createQuery(
                            "SELECT m FROM Membership m WHERE m.user = :u AND m.resourceLink = :l", Membership.class)
                    .setParameter("u", user)
                    .setParameter("l", link)
                    .getResultList())
                    .orElseGet(() -> persist(em, new Membership(user, link)));
            membership.launched(CourseRole.from(claims.lisRoles()), claims.roles(), clock.instant());
            return membership;
        });
    }

    public void useFor(ResourceLink link, Activity activity) {
        database.transact(em -> em.find(ResourceLink.class, link.id()).useFor(activity));
    }

    /** The course's links used for an activity (parameter c), but one (l); V5's course index serves it. */
    static final String COURSE_ACTIVITIES = "SELECT l FROM ResourceLink l WHERE l.course.id = :c "
            + "AND l.id <> :l AND l.activity IS NOT NULL ORDER BY l.title, l.id";

    /**
     * The other links of the link's course that are used for an activity, by title (none for a link launched
     * without a course): what a learner can go on to in the same course.
     */
    public List<CourseActivity> activitiesBeside(ResourceLink link) {
        Optional<Course> course = link.course();
        if (course.isEmpty()) {
            return List.of();
        }
        return database.read(em -> em.createQuery(COURSE_ACTIVITIES, ResourceLink.class)
                .setParameter("c", course.get().id())
                .setParameter("l", link.id())
                .getResultList().stream()
                .flatMap(other -> other.activity().map(activity -> new CourseActivity(activity,
                        other.title().filter(t -> !t.isBlank()).orElse(activity.label()))).stream())
                .toList());
    }

    /** The membership a launch session acts as, if the launch was recorded. */
    public Optional<Membership> find(LaunchSession session) {
        return database.read(em -> findMembership(em, session.registrationId(), session.deploymentId(),
                session.resourceLinkId(), session.subject()));
    }

    /**
     * One query: the membership with its user and link joined (inner joins only: H2 keeps the written order of an
     * outer join and would then scan every membership; the link's course comes by primary key).
     */
    private static Optional<Membership> findMembership(EntityManager em, String registrationId, String deploymentId,
                                                       String linkId, String subject) {
        return single(em.createQuery("SELECT m FROM Membership m JOIN FETCH m.user u JOIN FETCH m.resourceLink l "
                        + "WHERE l.registrationId = :r AND l.deploymentId = :d AND l.linkId = :l "
                        + "AND u.registrationId = :r AND u.subject = :s", Membership.class)
                .setParameter("r", registrationId)
                .setParameter("d", deploymentId)
                .setParameter("l", linkId)
                .setParameter("s", subject)
                .getResultList());
    }

    /** The link is recorded in the course this launch names (or in none, when the launch names none). */
    private static boolean sameCourse(ResourceLink link, LaunchClaims claims) {
        return claims.context().map(c -> link.course().map(Course::contextId).filter(c.id()::equals).isPresent())
                .orElse(link.course().isEmpty());
    }

    private static Optional<ResourceLink> findLink(EntityManager em, String registrationId, String deploymentId,
                                                   String linkId) {
        return single(em.createQuery("SELECT l FROM ResourceLink l WHERE l.registrationId = :r "
                        + "AND l.deploymentId = :d AND l.linkId = :l", ResourceLink.class)
                .setParameter("r", registrationId)
                .setParameter("d", deploymentId)
                .setParameter("l", linkId)
                .getResultList());
    }

    private static <T> Optional<T> single(List<T> results) {
        return results.isEmpty() ? Optional.empty() : Optional.of(results.get(0));
    }

    private static <T> T persist(EntityManager em, T entity) {
        em.persist(entity);
        return entity;
    }
}
