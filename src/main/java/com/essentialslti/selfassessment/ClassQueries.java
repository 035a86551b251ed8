package com.essentialslti.selfassessment;

import com.essentialslti.course.CourseRole;
import com.essentialslti.course.LtiUser;
import com.essentialslti.course.Membership;
import com.essentialslti.course.ResourceLink;
import com.essentialslti.grading.GradeOutbox;
import com.essentialslti.grading.OutboxScore;
import com.essentialslti.infra.Database;
import com.essentialslti.selfassessment.framework.CourseFrameworks;
import com.essentialslti.selfassessment.framework.FrameworkContent;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the trainer's class pages read, in a constant number of queries whatever the size of the class: scalar
 * projections rather than entities where the class is read whole (500 learners with 3 snapshots of 43 ratings
 * are 65,000 ratings, of which only the latest snapshots' 21,500 are read), and the CSV export page by page.
 */
final class ClassQueries {

    /** Every assessment of the link, any state, without ratings. */
    static final String ASSESSMENTS = "SELECT a.id, a.userId, a.number, a.state, a.submittedAt, "
            + "a.frameworkVersionId FROM Assessment a WHERE a.resourceLinkId = :l";
    /** The ratings of each learner's latest snapshot: no later snapshot of theirs exists. */
    static final String LATEST_RATINGS = "SELECT a.id, r.competencyKey, r.level FROM Assessment a JOIN a.ratings r "
            + "WHERE a.resourceLinkId = :l AND a.state = :s AND NOT EXISTS (SELECT b.id FROM Assessment b "
            + "WHERE b.resourceLinkId = a.resourceLinkId AND b.userId = a.userId AND b.state = :s "
            + "AND b.number > a.number)";
    /** The link's members with their names and roles. */
    static final String MEMBERS = "SELECT u.id, u.name, u.subject, m.role FROM Membership m JOIN m.user u "
            + "WHERE m.resourceLink.id = :l";
    /** One learner of the link. */
    static final String LEARNER = "SELECT m FROM Membership m JOIN FETCH m.user u "
            + "WHERE m.resourceLink.id = :l AND u.id = :u AND m.role = :r";
    /** One learner's snapshots with their ratings, oldest first. */
    static final String LEARNER_SNAPSHOTS = "SELECT DISTINCT a FROM Assessment a LEFT JOIN FETCH a.ratings "
            + "WHERE a.resourceLinkId = :l AND a.userId = :u AND a.state = :s ORDER BY a.number";
    /** A page of the export: the next snapshots by id after the last one written, with their learner's name. */
    static final String EXPORT_SNAPSHOTS = "SELECT a.id, a.number, a.submittedAt, a.frameworkVersionId, u.name, "
            + "u.subject FROM Assessment a, LtiUser u WHERE u.id = a.userId AND a.resourceLinkId = :l "
            + "AND a.state = :s AND a.id > :after ORDER BY a.id";
    /** The ratings of the snapshots of one export page (ids from {@code after}, exclusive, to {@code last}). */
    static final String EXPORT_RATINGS = "SELECT a.id, r.competencyKey, r.level, r.evidence FROM Assessment a "
            + "JOIN a.ratings r WHERE a.resourceLinkId = :l AND a.state = :s AND a.id > :after AND a.id <= :last";

    /** One snapshot of an export page, keyed by its assessment id. */
    record ExportRow(String assessmentId, SnapshotCsv.Snapshot snapshot) {
    }

    private final Database database;
    private final CourseFrameworks frameworks;

    ClassQueries(Database database, CourseFrameworks frameworks) {
        this.database = database;
        this.frameworks = frameworks;
    }

    /** Each learner's latest grade at the link in the outbox, by user id: where it stands in the LMS. */
    Map<String, OutboxScore> grades(ResourceLink link) {
        return database.read(em -> GradeOutbox.latestAt(em, link.id()));
    }

    /** The class view of a link, its columns the areas of {@code current} (the course's framework now). */
    ClassView classView(ResourceLink link, SelfAssessmentSettings settings, FrameworkContent current) {
        return database.read(em -> {
            List<ClassView.Member> members = new ArrayList<>();
            for (Object[] row : em.createQuery(MEMBERS, Object[].class).setParameter("l", link.id())
                    .getResultList()) {
                members.add(new ClassView.Member((String) row[0],
                        SnapshotCsv.learnerName(Optional.ofNullable((String) row[1]), (String) row[2]),
                        row[3] == CourseRole.LEARNER));
            }
            List<ClassView.Summary> assessments = new ArrayList<>();
            for (Object[] row : em.createQuery(ASSESSMENTS, Object[].class).setParameter("l", link.id())
                    .getResultList()) {
                assessments.add(new ClassView.Summary((String) row[0], (String) row[1], (Integer) row[2],
                        row[3] == Assessment.State.SUBMITTED,
                        Optional.ofNullable((Long) row[4]).map(Instant::ofEpochMilli), (String) row[5]));
            }
            Map<String, Map<String, Integer>> latest = new HashMap<>();
            for (Object[] row : em.createQuery(LATEST_RATINGS, Object[].class).setParameter("l", link.id())
                    .setParameter("s", Assessment.State.SUBMITTED).getResultList()) {
                int level = (Integer) row[2];
                if (level != Assessment.KEEP_LEVEL) {
                    latest.computeIfAbsent((String) row[0], k -> new HashMap<>()).put((String) row[1], level);
                }
            }
            return ClassView.of(current, frameworks::version, settings::targetIn, members, assessments, latest);
        });
    }

    /** A learner of the link (the role they launched with last), if they are one. */
    Optional<Membership> learner(ResourceLink link, String userId) {
        return database.read(em -> em.createQuery(LEARNER, Membership.class).setParameter("l", link.id())
                .setParameter("u", userId).setParameter("r", CourseRole.LEARNER).getResultStream().findFirst());
    }

    /** A learner's snapshots at the link with their ratings, oldest first. */
    List<Assessment> snapshots(ResourceLink link, LtiUser learner) {
        return database.read(em -> em.createQuery(LEARNER_SNAPSHOTS, Assessment.class)
                .setParameter("l", link.id()).setParameter("u", learner.id())
                .setParameter("s", Assessment.State.SUBMITTED).getResultList());
    }

    /** Up to {@code size} snapshots of the link after the assessment id {@code after} ("" for the first page). */
    List<ExportRow> exportPage(ResourceLink link, String after, int size) {
        return database.read(em -> exportPage(em, link.id(), after, size));
    }

    static List<ExportRow> exportPage(EntityManager em, String linkId, String after, int size) {
        List<Object[]> heads = em.createQuery(EXPORT_SNAPSHOTS, Object[].class).setParameter("l", linkId)
                .setParameter("s", Assessment.State.SUBMITTED).setParameter("after", after).setMaxResults(size)
                .getResultList();
        if (heads.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, Integer>> levels = new HashMap<>();
        Map<String, Map<String, String>> notes = new HashMap<>();
        for (Object[] row : em.createQuery(EXPORT_RATINGS, Object[].class).setParameter("l", linkId)
                .setParameter("s", Assessment.State.SUBMITTED).setParameter("after", after)
                .setParameter("last", heads.get(heads.size() - 1)[0]).getResultList()) {
            String id = (String) row[0];
            int level = (Integer) row[2];
            if (level != Assessment.KEEP_LEVEL) {
                levels.computeIfAbsent(id, k -> new LinkedHashMap<>()).put((String) row[1], level);
            }
            String note = (String) row[3];
            if (note != null && !note.isEmpty()) {
                notes.computeIfAbsent(id, k -> new LinkedHashMap<>()).put((String) row[1], note);
            }
        }
        List<ExportRow> page = new ArrayList<>(heads.size());
        for (Object[] head : heads) {
            String id = (String) head[0];
            page.add(new ExportRow(id, new SnapshotCsv.Snapshot(
                    SnapshotCsv.learnerName(Optional.ofNullable((String) head[4]), (String) head[5]), (Integer) head[1],
                    Optional.ofNullable((Long) head[2]).map(Instant::ofEpochMilli), (String) head[3],
                    levels.getOrDefault(id, Map.of()), notes.getOrDefault(id, Map.of()))));
        }
        return page;
    }
}
