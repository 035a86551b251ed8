package com.essentialslti.selfassessment;

import com.essentialslti.course.CourseRole;
import com.essentialslti.course.Enrolments;
import com.essentialslti.course.Membership;
import com.essentialslti.infra.Database;
import com.essentialslti.infra.Settings;
import com.essentialslti.lti.claims.LaunchClaims;
import com.essentialslti.lti.claims.LtiClaim;
import com.essentialslti.lti.launch.ValidatedLaunch;
import com.essentialslti.lti.registration.Registration;
import com.essentialslti.lti.registration.RegistrationFile;
import com.essentialslti.lti.registration.Registrations;
import com.essentialslti.selfassessment.framework.Competency;
import com.essentialslti.selfassessment.framework.CourseFrameworks;
import com.essentialslti.selfassessment.framework.FrameworkContent;
import com.essentialslti.testing.QueryPlans;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The class pages' queries on the embedded database, with self-assessments made through {@link SelfAssessments}:
 * what they read, that the export reads page by page, and that their plans use the V16 indexes.
 */
class ClassQueriesTest {

    static final String LINK = "class-link";

    @TempDir
    Path dataDir;
    private Database database;
    private Enrolments enrolments;
    private Registration registration;
    private SelfAssessments assessments;
    private ClassQueries queries;
    private FrameworkContent framework;

    @BeforeEach
    void openTheDatabase() {
        database = Database.open(Settings.embeddedDbUrl(dataDir), "essentials", "");
        Clock clock = Clock.systemUTC();
        enrolments = new Enrolments(database, clock);
        registration = new Registrations(database, clock).save(new RegistrationFile("test", "Test",
                "https://lms.test", "client", URI.create("https://lms.test/auth"), URI.create("https://lms.test/token"),
                URI.create("https://lms.test/jwks"), Set.of("1")));
        CourseFrameworks frameworks = new CourseFrameworks(database, clock);
        assessments = new SelfAssessments(database, frameworks, clock, () -> { }, question -> { });
        queries = new ClassQueries(database, frameworks);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private Membership launch(String subject, String role, String link) {
        LaunchClaims claims = new LaunchClaims(LtiClaim.RESOURCE_LINK_REQUEST, "1", "https://tool.test/lti/launch",
                Optional.of(subject), Optional.of(new LaunchClaims.ResourceLink(link, Optional.of("Self-assessment"),
                Optional.empty())), Optional.of(new LaunchClaims.Context("course-" + link, Optional.empty(),
                Optional.empty())), List.of(role), Optional.of("Name " + subject), Optional.empty(), Optional.empty(),
                Optional.empty(), Map.of("activity", "self-assessment"));
        return enrolments.record(new ValidatedLaunch(registration, claims, List.of()));
    }

    private Membership learner(String subject) {
        return launch(subject, "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner", LINK);
    }

    /** Rates every competency at {@code level} (with a note on the first) and submits. */
    private Assessment snapshot(Membership learner, int level) {
        Assessment started = assessments.startOrResume(learner);
        framework = assessments.frameworks().version(started.frameworkVersionId());
        Map<String, SelfAssessments.RatingInput> ratings = new LinkedHashMap<>();
        for (Competency c : framework.inUse()) {
            ratings.put(c.key(), new SelfAssessments.RatingInput(level, ratings.isEmpty() ? "note " + level : ""));
        }
        assessments.rate(learner, started.id(), ratings);
        return assessments.submit(learner, started.id());
    }

    @Test
    void theClassViewReadsEachLearnersLatestSnapshotAndWhoHasNotStarted() {
        Membership ann = learner("ann");
        snapshot(ann, 1);
        snapshot(ann, 4);
        snapshot(learner("bob"), 2);
        learner("cat");
        Membership dan = learner("dan");
        assessments.startOrResume(dan);
        launch("trainer", "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor", LINK);

        ClassView view = queries.classView(ann.resourceLink(), assessments.settings(ann.resourceLink()), framework);

        assertThat(view.learners()).extracting(r -> r.member().name()).containsExactly("Name ann", "Name bob");
        assertThat(view.learners().get(0).snapshots()).hasSize(2);
        assertThat(view.learners().get(0).cells()).allSatisfy(c -> assertThat(c.level()).hasValue(4.0));
        assertThat(view.learners().get(1).cells()).allSatisfy(c -> assertThat(c.level()).hasValue(2.0));
        assertThat(view.notStarted()).extracting(ClassView.Member::name).containsExactly("Name cat");
        assertThat(view.inProgress()).extracting(ClassView.Member::name).containsExactly("Name dan");
        assertThat(view.columns()).hasSize(framework.areasInUse().size());
    }

    @Test
    void onlyALearnerOfTheLinkIsFound() {
        Membership ann = learner("ann");
        Membership elsewhere = launch("eve", "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner", "other");
        Membership trainer = launch("tom", "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor", LINK);

        assertThat(queries.learner(ann.resourceLink(), ann.user().id())).hasValueSatisfying(m ->
                assertThat(m.role()).isEqualTo(CourseRole.LEARNER));
        assertThat(queries.learner(ann.resourceLink(), elsewhere.user().id())).isEmpty();
        assertThat(queries.learner(ann.resourceLink(), trainer.user().id())).isEmpty();
        assertThat(queries.learner(ann.resourceLink(), "no-such-user")).isEmpty();
    }

    @Test
    void aLearnersSnapshotsComeWithTheirRatingsOldestFirst() {
        Membership ann = learner("ann");
        snapshot(ann, 1);
        snapshot(ann, 3);
        assessments.startOrResume(ann);

        List<Assessment> snapshots = queries.snapshots(ann.resourceLink(), ann.user());

        assertThat(snapshots).extracting(Assessment::number).containsExactly(1, 2);
        assertThat(snapshots.get(1).levels()).hasSize(framework.inUse().size()).containsValue(3);
    }

    @Test
    void theExportReadsTheLinksSnapshotsPageByPageByAssessmentId() {
        Membership ann = learner("ann");
        List<String> ids = new ArrayList<>();
        ids.add(snapshot(ann, 1).id());
        ids.add(snapshot(ann, 2).id());
        ids.add(snapshot(learner("bob"), 3).id());
        assessments.startOrResume(learner("cat"));
        Membership other = launch("eve", "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner", "other");
        snapshot(other, 4);

        List<ClassQueries.ExportRow> first = queries.exportPage(ann.resourceLink(), "", 2);
        List<ClassQueries.ExportRow> second = queries.exportPage(ann.resourceLink(), first.get(1).assessmentId(), 2);

        assertThat(first).extracting(ClassQueries.ExportRow::assessmentId).containsExactlyElementsOf(ids.subList(0, 2));
        assertThat(second).extracting(ClassQueries.ExportRow::assessmentId).containsExactly(ids.get(2));
        assertThat(second.get(0).snapshot().learner()).isEqualTo("Name bob");
        assertThat(second.get(0).snapshot().levels()).hasSize(framework.inUse().size());
        assertThat(first.get(0).snapshot().evidence()).containsValue("note 1").hasSize(1);
    }

    @Test
    void theStreamedExportHoldsEverySnapshotOfTheLink() throws Exception {
        Membership ann = learner("ann");
        snapshot(ann, 1);
        snapshot(ann, 2);
        snapshot(learner("bob"), 3);
        List<Integer> pages = new ArrayList<>();
        ClassCsv csv = new ClassCsv((after, size) -> {
            List<ClassQueries.ExportRow> page = queries.exportPage(ann.resourceLink(), after, size);
            pages.add(page.size());
            return page;
        }, 2, assessments.frameworks()::version, assessments.settings(ann.resourceLink())::targetIn);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        csv.write(out);

        assertThat(pages).containsExactly(2, 1);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(1 + 3 * framework.inUse().size());
        assertThat(lines.stream().filter(l -> l.startsWith("Name bob,1,"))).hasSize(framework.inUse().size());
        assertThat(lines.stream().filter(l -> l.startsWith("Name ann,2,"))).hasSize(framework.inUse().size());
    }

    @Test
    void theLinksMembersAreReadThroughAnIndexOnTheLink() {
        // H2 indexes the foreign key itself (PostgreSQL does not: V16's ix_membership_link is for it).
        assertThat(plan(ClassQueries.MEMBERS, List.of(LINK))).containsPattern("PUBLIC\\.\\w+: RESOURCE_LINK_ID = \\?1")
                .doesNotContain("tableScan");
    }

    @Test
    void theLatestSnapshotsAreFoundThroughTheLearnersNumbers() {
        assertThat(plan(ClassQueries.LATEST_RATINGS, List.of(LINK, "SUBMITTED", "SUBMITTED")))
                .doesNotContain("tableScan");
    }

    @Test
    void anExportPageIsReadThroughTheLinkStateAndIdIndex() {
        assertThat(plan(ClassQueries.EXPORT_SNAPSHOTS, List.of(LINK, "SUBMITTED", "")))
                .contains("IX_SA_ASSESSMENT_LINK_STATE");
        assertThat(plan(ClassQueries.EXPORT_RATINGS, List.of(LINK, "SUBMITTED", "", "z")))
                .contains("IX_SA_ASSESSMENT_LINK_STATE").doesNotContain("tableScan");
    }

    private String plan(String jpql, List<Object> parameters) {
        return QueryPlans.explain(database, jpql, Object[].class, parameters);
    }
}
