package com.essentialslti.infra;

import com.essentialslti.course.Activity;
import com.essentialslti.course.CourseActivity;
import com.essentialslti.course.CourseRole;
import com.essentialslti.course.Enrolments;
import com.essentialslti.course.Membership;
import com.essentialslti.course.MissedTopics;
import com.essentialslti.grading.GradeOutbox;
import com.essentialslti.grading.OutboxScore;
import com.essentialslti.grading.RelayFixture;
import com.essentialslti.grading.ScoreRelay;
import com.essentialslti.lti.claims.LaunchClaims;
import com.essentialslti.lti.claims.LtiClaim;
import com.essentialslti.lti.keys.KeyRing;
import com.essentialslti.lti.launch.ValidatedLaunch;
import com.essentialslti.selfassessment.Assessment;
import com.essentialslti.selfassessment.SelfAssessments;
import com.essentialslti.selfassessment.framework.CourseFrameworks;
import com.essentialslti.selfassessment.framework.FrameworkContent;
import com.essentialslti.selfassessment.framework.FrameworkVersion;
import com.essentialslti.lti.registration.Registration;
import com.essentialslti.lti.registration.RegistrationFile;
import com.essentialslti.lti.registration.Registrations;
import com.essentialslti.lti.registration.UnknownDeployment;
import com.essentialslti.lti.session.LaunchSession;
import com.essentialslti.lti.session.LaunchTokens;
import com.essentialslti.lti.session.LoginRequest;
import com.essentialslti.lti.session.LoginState;
import com.essentialslti.lti.session.LoginStates;
import com.essentialslti.quiz.Attempt;
import com.essentialslti.quiz.FeedbackMode;
import com.essentialslti.quiz.GradingMethod;
import com.essentialslti.quiz.QuizSettings;
import com.essentialslti.quiz.Quizzes;
import com.essentialslti.quiz.bank.QuestionVersion;
import com.essentialslti.quiz.bank.Topic;
import com.essentialslti.testing.MutableClock;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the tool keeps in its database, specified once and run on every database the operator may choose: H2 (the
 * embedded default) and PostgreSQL. Each test gets a new, empty database; {@link #restart()} closes it and opens it
 * again, as a restart of the tool would.
 */
abstract class PersistenceContract {

    /** One database that exists for one test: opening it again opens the same data. */
    protected record Site(String name, String url, String user, String password) {
    }

    /** Creates a new, empty database. */
    protected abstract Site newSite() throws Exception;

    /** Removes a database once every connection to it is closed. */
    protected void remove(Site site) throws Exception {
    }

    static final Instant START = Instant.parse("2025-03-03T09:00:00Z");
    static final Duration GRACE = Duration.ofDays(7);
    static final Duration SESSION_LIFETIME = Duration.ofMinutes(120);

    static final String MOODLE = "https://moodle.example.org";
    static final String MOODLE_CLIENT = "Gx7kP2qLm";
    static final String CANVAS = "https://canvas.instructure.com";
    static final String CANVAS_CLIENT = "10000000000001";
    static final String CANVAS_DEPLOYMENT = "12:8865aa05b4b79b64a91a86042e43af5ea8ae79eb";

    static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
    static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";

    /** The longest login parameter LoginResource accepts (its MAX_PARAM_LENGTH). */
    static final int LOGIN_PARAM_MAX = 4096;

    @TempDir
    Path configDir;

    final MutableClock clock = new MutableClock(START);
    private final List<Site> sites = new ArrayList<>();
    private final List<Database> open = new ArrayList<>();
    private Site site;
    Database db;

    @BeforeEach
    void openFreshDatabase() throws Exception {
        site = createSite();
        db = open(site);
    }

    @AfterEach
    void closeAndRemoveDatabases() throws Exception {
        Collections.reverse(open);
        open.forEach(Database::close);
        for (Site created : sites) {
            remove(created);
        }
    }

    Site createSite() throws Exception {
        Site created = newSite();
        sites.add(created);
        return created;
    }

    Database open(Site where) {
        Database opened = Database.open(where.url(), where.user(), where.password());
        open.add(opened);
        return opened;
    }

    /** The same database opened a second time, as a second tool process sharing it opens it. */
    Database openAgain() {
        return open(site);
    }

    /** Closes the database and opens it again: the tool stopped and started. */
    Database restart() {
        open.remove(db);
        db.close();
        db = open(site);
        return db;
    }

    long count(String entity) {
        return db.read(em -> em.createQuery("SELECT COUNT(e) FROM " + entity + " e", Long.class).getSingleResult());
    }

    Registrations registrations() {
        return new Registrations(db, clock);
    }

    Registration moodle() {
        return registrations().save(new RegistrationFile("test", "Moodle", MOODLE, MOODLE_CLIENT,
                URI.create(MOODLE + "/mod/lti/auth.php"), URI.create(MOODLE + "/mod/lti/token.php"),
                URI.create(MOODLE + "/mod/lti/certs.php"), Set.of("1")));
    }

    void writePlatform(String fileName, String json) throws IOException {
        Path platforms = Files.createDirectories(configDir.resolve("platforms"));
        Files.writeString(platforms.resolve(fileName), json, StandardCharsets.UTF_8);
    }

    static String moodleJson(String... deploymentIds) {
        return platformJson("Moodle", MOODLE, MOODLE_CLIENT, MOODLE + "/mod/lti/auth.php",
                MOODLE + "/mod/lti/token.php", MOODLE + "/mod/lti/certs.php", deploymentIds);
    }

    static String canvasJson() {
        return platformJson("Canvas", CANVAS, CANVAS_CLIENT, "https://sso.canvaslms.com/api/lti/authorize_redirect",
                "https://sso.canvaslms.com/login/oauth2/token", "https://sso.canvaslms.com/api/lti/security/jwks",
                CANVAS_DEPLOYMENT);
    }

    static String platformJson(String name, String issuer, String clientId, String login, String token, String keys,
                               String... deploymentIds) {
        String ids = Stream.of(deploymentIds).map(d -> "\"" + d + "\"").collect(Collectors.joining(", "));
        return """
                {
                  "name": "%s",
                  "issuer": "%s",
                  "client_id": "%s",
                  "auth_login_url": "%s",
                  "auth_token_url": "%s",
                  "key_set_url": "%s",
                  "deployment_ids": [%s]
                }
                """.formatted(name, issuer, clientId, login, token, keys, ids);
    }

    /** A validated resource link launch from Moodle, with defaults a test changes where it matters. */
    static final class Launch {
        private final Registration registration;
        private String subject = "42";
        private String deploymentId = "1";
        private String linkId = "link-7";
        private Optional<String> linkTitle = Optional.of("Readiness quiz");
        private Optional<LaunchClaims.Context> context = Optional.of(new LaunchClaims.Context("course-3",
                Optional.of("MGT101"), Optional.of("Essentials of management")));
        private List<String> roles = List.of(LEARNER);
        private Optional<String> name = Optional.of("Ada Lovelace");
        private Optional<String> email = Optional.of("ada@example.org");
        private Optional<LaunchClaims.GradeServiceClaim> gradeService = Optional.empty();
        private Map<String, String> custom = Map.of();

        Launch(Registration registration) {
            this.registration = registration;
        }

        Launch subject(String value) {
            subject = value;
            return this;
        }

        Launch deployment(String value) {
            deploymentId = value;
            return this;
        }

        Launch link(String value) {
            linkId = value;
            return this;
        }

        Launch linkTitle(String value) {
            linkTitle = Optional.ofNullable(value);
            return this;
        }

        Launch noContext() {
            context = Optional.empty();
            return this;
        }

        Launch context(String contextId) {
            context = Optional.of(new LaunchClaims.Context(contextId, Optional.empty(), Optional.empty()));
            return this;
        }

        Launch roles(String... values) {
            roles = List.of(values);
            return this;
        }

        Launch name(String value) {
            name = Optional.ofNullable(value);
            return this;
        }

        Launch email(String value) {
            email = Optional.ofNullable(value);
            return this;
        }

        Launch gradeService(LaunchClaims.GradeServiceClaim claim) {
            gradeService = Optional.ofNullable(claim);
            return this;
        }

        Launch custom(String name, String value) {
            custom = Map.of(name, value);
            return this;
        }

        LaunchSession session(Instant expiresAt) {
            return new LaunchSession(registration.id(), deploymentId, subject, linkId, expiresAt);
        }

        ValidatedLaunch build() {
            LaunchClaims claims = new LaunchClaims(LtiClaim.RESOURCE_LINK_REQUEST, deploymentId,
                    "https://tool.example.org/lti/launch", Optional.of(subject),
                    Optional.of(new LaunchClaims.ResourceLink(linkId, linkTitle, Optional.empty())),
                    context, roles, name, email, Optional.of("Moodle"), gradeService, custom);
            return new ValidatedLaunch(registration, claims, List.of("all checks (built by the test)"));
        }
    }

    private static long migrationScripts() throws Exception {
        URL location = Database.class.getClassLoader().getResource("db/migration");
        try (Stream<Path> files = Files.list(Path.of(location.toURI()))) {
            return files.filter(f -> f.getFileName().toString().matches("V[0-9._]+__.+\\.sql")).count();
        }
    }

    @Nested
    class Migrations {

        @Test
        void everyMigrationRunsOnAFreshDatabase() throws Exception {
            assertThat(db.migrationsApplied()).isPositive().isEqualTo(migrationScripts());
        }

        @Test
        void reopeningTheDatabaseRunsNoMigrationAgain() {
            assertThat(restart().migrationsApplied()).isZero();
        }

        @Test
        void everyEntityMapsOntoTheMigratedSchema() {
            for (String entity : List.of("ToolKey", "AppSecret", "Registration", "Deployment", "UnknownDeployment",
                    "UsedLoginState", "LtiUser", "Course", "ResourceLink", "Membership", "ImportReceipt")) {
                List<?> rows = db.read(em -> em.createQuery("SELECT e FROM " + entity + " e").getResultList());
                assertThat(rows).as("every column of %s exists", entity).isEmpty();
            }
        }

        /** A new database migrated up to {@code version}, holding the rows these statements write. */
        Site migratedTo(String version, String... inserts) throws Exception {
            Site site = createSite();
            org.flywaydb.core.Flyway.configure().dataSource(site.url(), site.user(), site.password())
                    .locations("classpath:db/migration").target(version).load().migrate();
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(site.url(), site.user(),
                    site.password()); java.sql.Statement sql = c.createStatement()) {
                for (String insert : inserts) {
                    sql.execute(insert);
                }
            }
            return site;
        }

        @Test
        void aQuestionVersionWrittenBeforeV6GetsItsQuestionsTopic() throws Exception {
            Site before = migratedTo("5",
                    "INSERT INTO quiz_topic (id, bank_scope, topic_key, name, advice) "
                            + "VALUES ('t1', 'bank', 'governance', 'Governance', 'Read on')",
                    "INSERT INTO quiz_question_version (id, question_id, version, question_type, difficulty, text, "
                            + "created_at) VALUES ('v1', 'q1', 1, 'SINGLE', 'EASY', 'Which?', 0)",
                    "INSERT INTO quiz_question (id, bank_scope, topic_id, retired, current_version, created_at) "
                            + "VALUES ('q1', 'bank', 't1', FALSE, 'v1', 0)");

            Database upgraded = open(before);

            assertThat((long) upgraded.migrationsApplied()).isEqualTo(migrationScripts() - 5);
            Object topic = upgraded.read(em -> em.createNativeQuery(
                    "SELECT topic_id FROM quiz_question_version WHERE id = 'v1'").getSingleResult());
            assertThat(topic).isEqualTo("t1");
        }

        @Test
        void aQuestionWrittenBeforeV11HasNoGeneralFeedbackNorPartialCreditAndScoresAsBefore() throws Exception {
            Site before = migratedTo("9",
                    "INSERT INTO quiz_topic (id, bank_scope, topic_key, name, advice) "
                            + "VALUES ('t1', 'bank', 'governance', 'Governance', 'Read on')",
                    "INSERT INTO quiz_question_version (id, question_id, version, question_type, difficulty, text, "
                            + "created_at, topic_id) VALUES ('v1', 'q1', 1, 'SINGLE', 'EASY', 'Which?', 0, 't1')",
                    "INSERT INTO quiz_option (version_id, position, text, correct, feedback) "
                            + "VALUES ('v1', 0, 'Right', TRUE, ''), ('v1', 1, 'Wrong', FALSE, '')");

            Database upgraded = open(before);

            com.essentialslti.quiz.bank.QuestionVersion version = upgraded.read(em ->
                    em.find(com.essentialslti.quiz.bank.QuestionVersion.class, "v1"));
            assertThat(version.generalFeedback()).isEmpty();
            assertThat(version.options()).extracting(com.essentialslti.quiz.bank.AnswerOption::partialCredit)
                    .containsExactly(0.0, 0.0);
            assertThat(version.score(java.util.Set.of(1), true)).isZero();
        }

        @Test
        void anAttemptInProgressBeforeV9GetsItsQuizsCloseDateAsDeadline() throws Exception {
            Site before = migratedTo("8",
                    "INSERT INTO registration (id, name, issuer, client_id, auth_login_url, auth_token_url, "
                            + "key_set_url, source, updated_at) VALUES ('r', 'LMS', 'https://lms', 'c', "
                            + "'https://lms/a', 'https://lms/t', 'https://lms/k', 'f', 0)",
                    "INSERT INTO resource_link (id, registration_id, deployment_id, link_id) "
                            + "VALUES ('l', 'r', '1', 'link')",
                    "INSERT INTO lti_user (id, registration_id, subject, first_seen, last_seen) "
                            + "VALUES ('u', 'r', 's', 0, 0)",
                    "INSERT INTO quiz_settings (resource_link_id, question_count, attempts_allowed, grading_method, "
                            + "pass_mark, ready_mark, feedback_mode, close_at, shuffle, partial_credit, updated_at) "
                            + "VALUES ('l', 5, 0, 'HIGHEST', 50, 80, 'IMMEDIATELY', 5000, TRUE, TRUE, 0)",
                    "INSERT INTO quiz_attempt (id, resource_link_id, user_id, number, state, started_at, "
                            + "deadline_at, row_version) VALUES ('a', 'l', 'u', 1, 'IN_PROGRESS', 0, NULL, 1)");

            Database upgraded = open(before);

            Object deadline = upgraded.read(em -> em.createNativeQuery(
                    "SELECT deadline_at FROM quiz_attempt WHERE id = 'a'").getSingleResult());
            assertThat(((Number) deadline).longValue()).isEqualTo(5000L);
        }

        @Test
        void twoDatabasesOpenAtOnceKeepTheirDataApart() throws Exception {
            Database other = open(createSite());
            moodle();

            assertThat(count("Registration")).isEqualTo(1);
            assertThat(new Registrations(other, clock).all()).isEmpty();
        }
    }

    @Nested
    class ToolKeys {

        KeyRing toolRing() {
            return new KeyRing(db, "tool", clock, GRACE).load();
        }

        @Test
        void theFirstLoadGeneratesA2048BitRsaSigningKeyWithAKid() {
            RSAKey key = toolRing().signingKey();

            assertThat(key.size()).isEqualTo(2048);
            assertThat(key.getKeyID()).isNotBlank();
            assertThat(key.isPrivate()).as("the signing key holds its private part").isTrue();
        }

        @Test
        void theKeySetPublishesTheActiveKeyWithoutItsPrivatePart() {
            KeyRing ring = toolRing();

            assertThat(ring.publicKeySet().getKeys())
                    .singleElement()
                    .satisfies(k -> assertThat(k.getKeyID()).isEqualTo(ring.signingKey().getKeyID()))
                    .satisfies(k -> assertThat(k.isPrivate()).isFalse());
        }

        @Test
        void aRotationByAnotherProcessIsPickedUpAtItsNextRefresh() {
            KeyRing here = toolRing();
            KeyRing otherProcess = toolRing();
            String before = here.signingKey().getKeyID();

            String rotated = otherProcess.rotate();

            assertThat(here.refresh()).isTrue();
            assertThat(here.signingKey().getKeyID()).isEqualTo(rotated);
            assertThat(here.publicKeySet().getKeys()).extracting(k -> k.getKeyID())
                    .containsExactlyInAnyOrder(before, rotated);
            assertThat(here.publicKeySet().toString()).isEqualTo(otherProcess.publicKeySet().toString());
        }

        @Test
        void aNewKeyIsPublishedBeforeItSigns() {
            KeyRing ring = new KeyRing(db, "tool", clock, GRACE, Duration.ofSeconds(15)).load();
            String before = ring.signingKey().getKeyID();
            clock.advance(Duration.ofDays(1));

            String rotated = ring.rotate();

            assertThat(ring.publicKeySet().getKeyByKeyId(rotated)).as("published at once").isNotNull();
            assertThat(ring.signingKey().getKeyID()).as("the old key signs while the others learn the new")
                    .isEqualTo(before);
            clock.advance(Duration.ofSeconds(15));
            assertThat(ring.signingKey().getKeyID()).isEqualTo(rotated);
        }

        @Test
        void aRefreshWithoutARotationChangesNothing() {
            KeyRing ring = toolRing();
            RSAKey before = ring.signingKey();

            assertThat(ring.refresh()).isFalse();
            assertThat(ring.signingKey()).isSameAs(before);
        }

        @Test
        void loadingAgainKeepsTheKeyInsteadOfGeneratingAnother() {
            String kid = toolRing().signingKey().getKeyID();

            assertThat(toolRing().signingKey().getKeyID()).isEqualTo(kid);
            assertThat(count("ToolKey")).isEqualTo(1);
        }

        @Test
        void theKeySurvivesARestart() {
            RSAKey before = toolRing().signingKey();

            restart();
            RSAKey after = toolRing().signingKey();

            assertThat(after.getKeyID()).isEqualTo(before.getKeyID());
            assertThat(after.getModulus()).isEqualTo(before.getModulus());
        }

        @Test
        void rotationMakesANewKeyTheSigningKey() {
            KeyRing ring = toolRing();
            String old = ring.signingKey().getKeyID();

            String fresh = ring.rotate();

            assertThat(fresh).isNotEqualTo(old);
            assertThat(ring.signingKey().getKeyID()).isEqualTo(fresh);
        }

        @Test
        void theRetiredKeyStaysPublishedDuringTheGracePeriod() {
            KeyRing ring = toolRing();
            String old = ring.signingKey().getKeyID();
            clock.advance(Duration.ofDays(30));
            String fresh = ring.rotate();

            clock.advance(GRACE.minusSeconds(1));

            assertThat(ring.publicKeySet().getKeys()).extracting(JWK::getKeyID).containsExactlyInAnyOrder(old, fresh);
        }

        @Test
        void theRetiredKeyLeavesTheKeySetWhenTheGracePeriodEnds() {
            KeyRing ring = toolRing();
            clock.advance(Duration.ofDays(30));
            String fresh = ring.rotate();

            clock.advance(GRACE);

            assertThat(ring.publicKeySet().getKeys()).extracting(JWK::getKeyID).containsExactly(fresh);
        }

        @Test
        void aRotationSurvivesARestart() {
            KeyRing ring = toolRing();
            String old = ring.signingKey().getKeyID();
            String fresh = ring.rotate();

            restart();
            KeyRing reloaded = toolRing();

            assertThat(reloaded.signingKey().getKeyID()).isEqualTo(fresh);
            assertThat(reloaded.publicKeySet().getKeys()).extracting(JWK::getKeyID)
                    .containsExactlyInAnyOrder(old, fresh);
        }

        @Test
        void theToolAndTheSandboxHaveSeparateKeys() {
            KeyRing tool = toolRing();
            KeyRing sandbox = new KeyRing(db, "sandbox", clock, GRACE).load();
            String toolKid = tool.signingKey().getKeyID();

            sandbox.rotate();

            assertThat(sandbox.signingKey().getKeyID()).isNotEqualTo(toolKid);
            assertThat(toolRing().signingKey().getKeyID()).isEqualTo(toolKid);
            assertThat(toolRing().publicKeySet().getKeys()).extracting(JWK::getKeyID).containsExactly(toolKid);
        }
    }

    @Nested
    class RegistrationFiles {

        /** Moodle's file (deployment "1") written and read; returns its registration's id. */
        String moodleFromItsFile(Registrations registrations) throws IOException {
            writePlatform("moodle.json", moodleJson("1"));
            registrations.loadFiles(configDir);
            return registrations.find(MOODLE, MOODLE_CLIENT).orElseThrow().id();
        }

        @Test
        void wellFormedFilesLoad() throws IOException {
            writePlatform("moodle.json", moodleJson("1", "2"));
            writePlatform("canvas.json", canvasJson());

            Registrations.LoadReport report = registrations().loadFiles(configDir);

            assertThat(report.problems()).isEmpty();
            assertThat(report.loaded()).containsExactly("platforms/canvas.json", "platforms/moodle.json");
        }

        @Test
        void aLoadedRegistrationCarriesEveryValueOfItsFile() throws IOException {
            writePlatform("moodle.json", moodleJson("1", "2"));
            Registrations registrations = registrations();

            registrations.loadFiles(configDir);

            assertThat(registrations.find(MOODLE, MOODLE_CLIENT)).hasValueSatisfying(r -> {
                assertThat(r.name()).isEqualTo("Moodle");
                assertThat(r.authLoginUrl()).isEqualTo(URI.create(MOODLE + "/mod/lti/auth.php"));
                assertThat(r.authTokenUrl()).isEqualTo(URI.create(MOODLE + "/mod/lti/token.php"));
                assertThat(r.keySetUrl()).isEqualTo(URI.create(MOODLE + "/mod/lti/certs.php"));
                assertThat(r.source()).isEqualTo("platforms/moodle.json");
                assertThat(r.deploymentIds()).containsExactly("1", "2");
            });
        }

        @Test
        void theServiceHostsOfAFileAreKeptAndChangeWithIt() throws IOException {
            writePlatform("canvas.json", canvasJson().replace("\"deployment_ids\"",
                    "\"service_hosts\": [\"school.instructure.com\"], \"deployment_ids\""));
            Registrations registrations = registrations();
            assertThat(registrations.loadFiles(configDir).problems()).isEmpty();
            Registration first = registrations.all().get(0);

            assertThat(first.serviceHosts()).containsExactly("school.instructure.com");

            writePlatform("canvas.json", canvasJson());
            Registrations again = registrations();
            again.loadFiles(configDir);
            assertThat(again.byId(first.id()).orElseThrow().serviceHosts()).isEmpty();
        }

        @Test
        void aBadFileIsReportedWithFileFieldAndReasonAndTheOthersStillLoad() throws IOException {
            writePlatform("a-moodle.json", moodleJson("1"));
            writePlatform("b-broken.json", platformJson("Broken", "https://lms.example.org", "abc",
                    "https://lms.example.org/auth", "https://lms.example.org/token", "certs.php", "1"));
            writePlatform("c-canvas.json", canvasJson());
            Registrations registrations = registrations();

            Registrations.LoadReport report = registrations.loadFiles(configDir);

            assertThat(report.problems()).containsExactly("platforms/b-broken.json: field 'key_set_url' must be an "
                    + "absolute http(s) URL, got 'certs.php'");
            assertThat(report.loaded()).containsExactly("platforms/a-moodle.json", "platforms/c-canvas.json");
            assertThat(registrations.all()).extracting(Registration::issuer).containsExactlyInAnyOrder(MOODLE, CANVAS);
        }

        @Test
        void aFileThatIsNotJsonIsReportedAndTheOthersStillLoad() throws IOException {
            writePlatform("half-written.json", "{\"name\": \"Moodle\", ");
            writePlatform("moodle.json", moodleJson("1"));

            Registrations.LoadReport report = registrations().loadFiles(configDir);

            assertThat(report.problems()).singleElement().asString()
                    .startsWith("platforms/half-written.json: not a JSON object");
            assertThat(report.loaded()).containsExactly("platforms/moodle.json");
        }

        @Test
        void aFileTheDatabaseRefusesIsReportedAndTheOthersStillLoad() throws IOException {
            writePlatform("a-long.json", platformJson("x".repeat(300), "https://lms.example.org", "abc",
                    "https://lms.example.org/auth", "https://lms.example.org/token", "https://lms.example.org/keys",
                    "1"));
            writePlatform("b-moodle.json", moodleJson("1"));
            Registrations registrations = registrations();

            Registrations.LoadReport report = registrations.loadFiles(configDir);

            assertThat(report.problems()).singleElement().asString().startsWith("platforms/a-long.json: ");
            assertThat(report.loaded()).containsExactly("platforms/b-moodle.json");
            assertThat(registrations.all()).extracting(Registration::issuer).containsExactly(MOODLE);
        }

        @Test
        void aValueTooLongForItsColumnIsReportedWithTheFieldName() throws IOException {
            writePlatform("long.json", platformJson("x".repeat(300), "https://lms.example.org", "abc",
                    "https://lms.example.org/auth", "https://lms.example.org/token", "https://lms.example.org/keys",
                    "1"));

            Registrations.LoadReport report = registrations().loadFiles(configDir);

            assertThat(report.problems()).singleElement().asString()
                    .startsWith("platforms/long.json: ")
                    .contains("'name'")
                    .contains("255");
        }

        @Test
        void onlyJsonFilesAreRead() throws IOException {
            writePlatform("moodle.json", moodleJson("1"));
            writePlatform("README.md", "Put one JSON file per platform here.");
            writePlatform("moodle.json.bak", "{");

            Registrations.LoadReport report = registrations().loadFiles(configDir);

            assertThat(report.loaded()).containsExactly("platforms/moodle.json");
            assertThat(report.problems()).isEmpty();
        }

        @Test
        void aMissingPlatformsDirectoryIsReportedNotFatal() {
            Registrations registrations = registrations();

            Registrations.LoadReport report = registrations.loadFiles(configDir);

            assertThat(report.loaded()).isEmpty();
            assertThat(report.problems()).singleElement().asString().contains("no such directory");
            assertThat(registrations.all()).isEmpty();
        }

        @Test
        void loadingTheSameFilesTwiceChangesNothing() throws IOException {
            writePlatform("moodle.json", moodleJson("1", "2"));
            writePlatform("canvas.json", canvasJson());
            Registrations registrations = registrations();
            registrations.loadFiles(configDir);
            Set<String> ids = registrations.all().stream().map(Registration::id).collect(Collectors.toSet());

            Registrations.LoadReport again = registrations.loadFiles(configDir);

            assertThat(again.problems()).isEmpty();
            assertThat(registrations.all()).extracting(Registration::id).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(registrations.find(MOODLE, MOODLE_CLIENT).orElseThrow().deploymentIds())
                    .containsExactly("1", "2");
            assertThat(count("Registration")).isEqualTo(2);
            assertThat(count("Deployment")).isEqualTo(3);
        }

        @Test
        void aDeploymentRemovedFromItsFileIsRemoved() throws IOException {
            writePlatform("moodle.json", moodleJson("1", "2"));
            Registrations registrations = registrations();
            registrations.loadFiles(configDir);

            writePlatform("moodle.json", moodleJson("1"));
            registrations.loadFiles(configDir);

            Registration moodle = registrations.find(MOODLE, MOODLE_CLIENT).orElseThrow();
            assertThat(moodle.deploymentIds()).containsExactly("1");
            assertThat(moodle.hasDeployment("2")).isFalse();
            assertThat(count("Deployment")).isEqualTo(1);
        }

        @Test
        void aDeploymentAddedToItsFileIsAddedToTheSameRegistration() throws IOException {
            Registrations registrations = registrations();
            String id = moodleFromItsFile(registrations);

            writePlatform("moodle.json", moodleJson("1", "3"));
            registrations.loadFiles(configDir);

            Registration moodle = registrations.find(MOODLE, MOODLE_CLIENT).orElseThrow();
            assertThat(moodle.id()).isEqualTo(id);
            assertThat(moodle.deploymentIds()).containsExactly("1", "3");
        }

        @Test
        void changedEndpointsReplaceTheStoredOnes() throws IOException {
            writePlatform("moodle.json", moodleJson("1"));
            Registrations registrations = registrations();
            registrations.loadFiles(configDir);

            writePlatform("moodle.json", platformJson("Moodle (new keys)", MOODLE, MOODLE_CLIENT,
                    MOODLE + "/mod/lti/auth.php", MOODLE + "/mod/lti/token.php", MOODLE + "/mod/lti/certs2.php", "1"));
            registrations.loadFiles(configDir);

            assertThat(registrations.find(MOODLE, MOODLE_CLIENT)).hasValueSatisfying(r -> {
                assertThat(r.name()).isEqualTo("Moodle (new keys)");
                assertThat(r.keySetUrl()).isEqualTo(URI.create(MOODLE + "/mod/lti/certs2.php"));
            });
            assertThat(count("Registration")).isEqualTo(1);
        }

        @Test
        void oneIssuerMayHoldSeveralClientIds() throws IOException {
            writePlatform("moodle-a.json", moodleJson("1"));
            writePlatform("moodle-b.json", platformJson("Moodle, second tool", MOODLE, "second-client",
                    MOODLE + "/mod/lti/auth.php", MOODLE + "/mod/lti/token.php", MOODLE + "/mod/lti/certs.php", "2"));
            Registrations registrations = registrations();

            registrations.loadFiles(configDir);

            assertThat(registrations.forIssuer(MOODLE)).extracting(Registration::clientId)
                    .containsExactlyInAnyOrder(MOODLE_CLIENT, "second-client");
            assertThat(registrations.find(MOODLE, "second-client").orElseThrow().deploymentIds()).containsExactly("2");
        }

        @Test
        void aRegistrationWhoseFileIsGoneIsRetiredAtTheNextStartAndKept() throws IOException {
            writePlatform("moodle.json", moodleJson("1"));
            writePlatform("canvas.json", canvasJson());
            registrations().loadFiles(configDir);
            Files.delete(configDir.resolve("platforms/moodle.json"));
            clock.advance(Duration.ofDays(1));
            restart();
            Registrations registrations = registrations();

            Registrations.LoadReport report = registrations.loadFiles(configDir);

            assertThat(report.retired()).containsExactly("platforms/moodle.json");
            assertThat(registrations.find(MOODLE, MOODLE_CLIENT)).as("kept: its learners and courses refer to it")
                    .hasValueSatisfying(moodle -> {
                        assertThat(moodle.retired()).isTrue();
                        assertThat(moodle.retiredAt()).hasValue(START.plus(Duration.ofDays(1)));
                    });
            assertThat(registrations.find(CANVAS, CANVAS_CLIENT).orElseThrow().retired()).isFalse();
        }

        @Test
        void aFileThatComesBackPutsItsRegistrationBackInService() throws IOException {
            Registrations registrations = registrations();
            String id = moodleFromItsFile(registrations);
            Files.delete(configDir.resolve("platforms/moodle.json"));
            registrations.loadFiles(configDir);

            writePlatform("moodle.json", moodleJson("1"));
            Registrations.LoadReport report = registrations.loadFiles(configDir);

            assertThat(report.retired()).isEmpty();
            assertThat(registrations.find(MOODLE, MOODLE_CLIENT)).hasValueSatisfying(moodle -> {
                assertThat(moodle.id()).as("the same registration, with its learners").isEqualTo(id);
                assertThat(moodle.retired()).isFalse();
            });
        }

        @Test
        void aFileTheToolRefusesDoesNotRetireItsRegistration() throws IOException {
            Registrations registrations = registrations();
            moodleFromItsFile(registrations);
            writePlatform("moodle.json", "{ \"name\": \"Moodle\", "); // a typo must not end every launch

            Registrations.LoadReport report = registrations.loadFiles(configDir);

            assertThat(report.refused()).containsExactly("platforms/moodle.json");
            assertThat(report.retired()).isEmpty();
            assertThat(registrations.find(MOODLE, MOODLE_CLIENT).orElseThrow().retired()).isFalse();
        }

        @Test
        void eachRefusedFileIsCountedOnceWhateverItsNumberOfProblems() throws IOException {
            writePlatform("broken.json", platformJson("Broken", "not-a-url", "abc", "auth", "token", "certs", "1"));

            Registrations.LoadReport report = registrations().loadFiles(configDir);

            assertThat(report.problems()).hasSizeGreaterThan(1);
            assertThat(report.refused()).containsExactly("platforms/broken.json");
        }

        @Test
        void aRegistrationFromElsewhereThanAFileIsNotRetired() throws IOException {
            Registration sandbox = registrations().save(new RegistrationFile("sandbox", "Sandbox",
                    "http://localhost:8080/sandbox", "sandbox-client", URI.create("http://localhost:8080/sandbox/auth"),
                    URI.create("http://localhost:8080/sandbox/token"), URI.create("http://localhost:8080/sandbox/jwks"),
                    Set.of("1")));
            Files.createDirectories(configDir.resolve("platforms"));
            Registrations registrations = registrations();

            Registrations.LoadReport report = registrations.loadFiles(configDir);

            assertThat(report.retired()).isEmpty();
            assertThat(registrations.byId(sandbox.id()).orElseThrow().retired()).isFalse();
        }
    }

    @Nested
    class UnknownDeployments {

        @Test
        void anUnknownDeploymentIsRecordedForTheOperator() {
            Registration moodle = moodle();
            Registrations registrations = registrations();

            registrations.recordUnknownDeployment(moodle, "9");

            assertThat(registrations.unknownDeployments()).singleElement().satisfies(u -> {
                assertThat(u.registrationId()).isEqualTo(moodle.id());
                assertThat(u.deploymentId()).isEqualTo("9");
                assertThat(u.attempts()).isEqualTo(1);
                assertThat(u.lastSeen()).isEqualTo(START);
            });
        }

        @Test
        void aDeploymentTheOperatorAddedSinceIsNoLongerUnknown() {
            Registration moodle = moodle();
            Registrations registrations = registrations();
            registrations.recordUnknownDeployment(moodle, "9");
            registrations.recordUnknownDeployment(moodle, "10");

            registrations.save(new RegistrationFile("test", "Moodle", MOODLE, MOODLE_CLIENT,
                    URI.create(MOODLE + "/mod/lti/auth.php"), URI.create(MOODLE + "/mod/lti/token.php"),
                    URI.create(MOODLE + "/mod/lti/certs.php"), Set.of("1", "9")));

            assertThat(registrations.unknownDeployments()).extracting(UnknownDeployment::deploymentId)
                    .containsExactly("10");
            assertThat(registrations.unknownDeploymentCount()).isEqualTo(1);
        }

        @Test
        void everyFurtherAttemptIsCounted() {
            Registration moodle = moodle();
            Registrations registrations = registrations();
            registrations.recordUnknownDeployment(moodle, "9");
            clock.advance(Duration.ofMinutes(5));
            registrations.recordUnknownDeployment(moodle, "9");
            clock.advance(Duration.ofMinutes(5));

            registrations.recordUnknownDeployment(moodle, "9");

            assertThat(registrations.unknownDeployments()).singleElement().satisfies(u -> {
                assertThat(u.attempts()).isEqualTo(3);
                assertThat(u.lastSeen()).isEqualTo(START.plus(Duration.ofMinutes(10)));
            });
        }

        @Test
        void eachUnknownDeploymentIsCountedOnItsOwn() {
            Registration moodle = moodle();
            Registrations registrations = registrations();
            registrations.recordUnknownDeployment(moodle, "9");
            registrations.recordUnknownDeployment(moodle, "9");

            registrations.recordUnknownDeployment(moodle, "10");

            assertThat(registrations.unknownDeployments())
                    .extracting(UnknownDeployment::deploymentId, UnknownDeployment::attempts)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("9", 2L),
                            org.assertj.core.groups.Tuple.tuple("10", 1L));
        }
    }

    @Nested
    class LoginStateStore {

        LoginStates states;
        LoginRequest login;

        @BeforeEach
        void registerMoodle() {
            states = new LoginStates(db, clock);
            login = new LoginRequest(moodle().id(), "42", "{\"cmid\":7,\"launchid\":\"ltilaunch1_1\"}",
                    "https://tool.example.org/lti/launch", "1", null);
        }

        @Test
        void anIssuedStateIsFoundWithItsNonceAndLogin() {
            LoginState issued = states.issue(login);

            assertThat(states.find(issued.state())).hasValueSatisfying(found -> {
                assertThat(found.id()).isEqualTo(issued.id());
                assertThat(found.nonce()).isEqualTo(issued.nonce());
                assertThat(found.login()).isEqualTo(login);
                assertThat(found.storageTarget()).isEmpty();
            });
        }

        @Test
        void aLoginWritesNothingToTheDatabase() {
            long before = usedStates();

            for (int i = 0; i < 50; i++) {
                states.issue(login);
            }

            assertThat(usedStates()).isEqualTo(before);
            Object secrets = db.read(em -> em.createNativeQuery("SELECT COUNT(*) FROM app_secret").getSingleResult());
            assertThat(((Number) secrets).longValue()).isEqualTo(1);
        }

        @Test
        void everyLoginGetsItsOwnStateAndNonce() {
            LoginState first = states.issue(login);
            LoginState second = states.issue(login);

            assertThat(Set.of(first.id(), first.state(), first.nonce(), second.id(), second.state(), second.nonce()))
                    .hasSize(6);
        }

        @Test
        void aStateTheToolDidNotSealIsNotFound() {
            String issued = states.issue(login).state();
            char last = issued.charAt(issued.length() - 1);
            String altered = issued.substring(0, issued.length() - 1) + (last == 'A' ? 'B' : 'A');

            assertThat(states.find(altered)).isEmpty();
            assertThat(states.find(issued.replaceFirst("^[^.]+", "czI"))).isEmpty(); // another format
            assertThat(states.find("never-issued")).isEmpty();
            assertThat(states.find(null)).isEmpty();
            assertThat(states.find("x".repeat(LoginStates.MAX_STATE_LENGTH + 1))).isEmpty();
        }

        @Test
        void aStateIssuedByAnotherDatabasesToolIsNotFound() {
            LoginState issued = states.issue(login);
            try (Database other = Database.open("jdbc:h2:mem:" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                    "sa", "")) {
                assertThat(new LoginStates(other, clock).find(issued.state())).isEmpty();
            }
        }

        @Test
        void aStateCanBeUsedOnce() {
            LoginState issued = states.issue(login);
            assertThat(states.used(issued)).isFalse();

            assertThat(states.consume(issued)).isTrue();
            assertThat(states.used(issued)).isTrue();
            assertThat(states.consume(states.find(issued.state()).orElseThrow())).isFalse();
        }

        @Test
        void twoConcurrentUsesOfOneStateLetOnePass() throws Exception {
            LoginState issued = states.issue(login);
            var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                var uses = pool.invokeAll(java.util.Collections.nCopies(4,
                        (java.util.concurrent.Callable<Boolean>) () -> states.consume(issued)));
                long passed = 0;
                for (var use : uses) {
                    passed += use.get() ? 1 : 0;
                }
                assertThat(passed).isEqualTo(1);
            } finally {
                pool.shutdown();
            }
        }

        @Test
        void aStateCanBeUsedUntilItExpires() {
            LoginState issued = states.issue(login);

            clock.advance(LoginStates.TTL.minusSeconds(1));

            assertThat(states.consume(issued)).isTrue();
        }

        @Test
        void anExpiredStateCannotBeUsed() {
            LoginState issued = states.issue(login);

            clock.advance(LoginStates.TTL);

            assertThat(states.consume(issued)).isFalse();
            assertThat(states.find(issued.state()).orElseThrow().expiredAt(clock.instant())).isTrue();
        }

        @Test
        void aStateSurvivesARestartBetweenLoginAndLaunch() {
            LoginState issued = states.issue(login);

            restart();

            LoginStates afterRestart = new LoginStates(db, clock);
            assertThat(afterRestart.consume(afterRestart.find(issued.state()).orElseThrow())).isTrue();
        }

        @Test
        void itsUseIsRememberedAcrossARestart() {
            LoginState issued = states.issue(login);
            states.consume(issued);

            restart();

            assertThat(new LoginStates(db, clock).consume(issued)).isFalse();
        }

        @Test
        void aLoginWithParametersAsLongAsTheLoginPageAcceptsMakesAState() {
            LoginRequest longest = new LoginRequest(login.registrationId(), "h".repeat(LOGIN_PARAM_MAX),
                    "m".repeat(LOGIN_PARAM_MAX),
                    "https://tool.example.org/lti/launch?x=" + "t".repeat(LOGIN_PARAM_MAX - 38), "1",
                    "s".repeat(LOGIN_PARAM_MAX));

            LoginState issued = states.issue(longest);

            assertThat(issued.state().length()).isLessThanOrEqualTo(LoginStates.MAX_STATE_LENGTH);
            assertThat(states.find(issued.state()).orElseThrow().login()).isEqualTo(longest);
        }

        @Test
        void hintsWithAnyCharactersComeBackAsSent() {
            LoginRequest odd = new LoginRequest(login.registrationId(), "a.b=c&d", "{\"x\":\"é…😀\"}",
                    "https://tool.example.org/lti/launch", null, "_parent");

            assertThat(states.find(states.issue(odd).state()).orElseThrow().login()).isEqualTo(odd);
        }

        @Test
        void theStorageCheckBelongsToItsState() {
            LoginState first = states.issue(login);
            LoginState second = states.issue(login);

            assertThat(states.storageCheckMatches(first, states.storageCheck(first))).isTrue();
            assertThat(states.storageCheckMatches(first, states.storageCheck(second))).isFalse();
            assertThat(states.storageCheckMatches(first, null)).isFalse();
        }

        @Test
        void purgingForgetsTheUsesOfExpiredStatesOnly() {
            LoginState old = states.issue(login);
            states.consume(old);
            clock.advance(LoginStates.TTL.plusSeconds(1));
            LoginState recent = states.issue(login);
            states.consume(recent);

            assertThat(states.purgeExpired()).isEqualTo(1);
            assertThat(usedStates()).isEqualTo(1);
        }

        private long usedStates() {
            return ((Number) db.read(em -> em.createNativeQuery("SELECT COUNT(*) FROM used_login_state")
                    .getSingleResult())).longValue();
        }
    }

    @Nested
    class LaunchTokenSigning {

        LaunchTokens tokens() {
            return new LaunchTokens(db, clock, SESSION_LIFETIME);
        }

        @Test
        void anIssuedTokenVerifiesToItsSession() {
            String token = tokens().issue("reg-1", "1", "42", "link-7");

            assertThat(tokens().verify(token)).contains(
                    new LaunchSession("reg-1", "1", "42", "link-7", START.plus(SESSION_LIFETIME)));
        }

        @Test
        void valuesWithDotsAndNonAsciiCharactersComeBackUnchanged() {
            String token = tokens().issue("reg-1", CANVAS_DEPLOYMENT, "jörg.müller@example.org", "a.b.c");

            assertThat(tokens().verify(token)).hasValueSatisfying(s -> {
                assertThat(s.deploymentId()).isEqualTo(CANVAS_DEPLOYMENT);
                assertThat(s.subject()).isEqualTo("jörg.müller@example.org");
                assertThat(s.resourceLinkId()).isEqualTo("a.b.c");
            });
        }

        @Test
        void aTokenIssuedBeforeARestartVerifiesAfterIt() {
            String token = tokens().issue("reg-1", "1", "42", "link-7");

            restart();

            assertThat(tokens().verify(token)).isPresent();
        }

        @Test
        void aTokenOfAnotherInstallationIsRefused() throws Exception {
            Database other = open(createSite());
            String foreign = new LaunchTokens(other, clock, SESSION_LIFETIME).issue("reg-1", "1", "42", "link-7");

            assertThat(tokens().verify(foreign)).isEmpty();
        }

        @Test
        void aTokenWithAnotherSubjectIsRefused() {
            String token = tokens().issue("reg-1", "1", "42", "link-7");
            String[] parts = token.split("\\.");
            parts[2] = Base64.getUrlEncoder().withoutPadding().encodeToString("1".getBytes(StandardCharsets.UTF_8));

            assertThat(tokens().verify(String.join(".", parts))).isEmpty();
        }

        @Test
        void aTokenWithALaterExpiryIsRefused() {
            String token = tokens().issue("reg-1", "1", "42", "link-7");
            String[] parts = token.split("\\.");
            parts[4] = Long.toString(Long.parseLong(parts[4]) + 86_400);

            assertThat(tokens().verify(String.join(".", parts))).isEmpty();
        }

        @Test
        void aTokenWithAnAlteredSignatureIsRefused() {
            String token = tokens().issue("reg-1", "1", "42", "link-7");
            int signature = token.lastIndexOf('.') + 1;
            char first = token.charAt(signature);
            String altered = token.substring(0, signature) + (first == 'A' ? 'B' : 'A') + token.substring(signature + 1);

            assertThat(tokens().verify(altered)).isEmpty();
        }

        @Test
        void aTokenIsValidUntilItsLifetimeEnds() {
            String token = tokens().issue("reg-1", "1", "42", "link-7");

            clock.advance(SESSION_LIFETIME.minusSeconds(1));

            assertThat(tokens().verify(token)).isPresent();
        }

        @Test
        void anExpiredTokenIsRefused() {
            String token = tokens().issue("reg-1", "1", "42", "link-7");

            clock.advance(SESSION_LIFETIME);

            assertThat(tokens().verify(token)).isEmpty();
        }

        @Test
        void malformedTokensAreRefusedWithoutAnError() {
            LaunchTokens tokens = tokens();

            for (String malformed : new String[] {null, "", ".", "abc", "a.b", "a.b.c.d.e.f", "a.b.c.d.e.!!!",
                    "x".repeat(5000)}) {
                assertThat(tokens.verify(malformed)).as("token %s", malformed).isEmpty();
            }
        }
    }

    @Nested
    class EnrolmentRecords {

        Registration moodle;
        Enrolments enrolments;

        @BeforeEach
        void registerMoodle() {
            moodle = moodle();
            enrolments = new Enrolments(db, clock);
        }

        @Test
        void aFirstLaunchRecordsTheUserTheCourseTheLinkAndTheMembership() {
            Membership membership = enrolments.record(new Launch(moodle).build());

            assertThat(membership.role()).isEqualTo(CourseRole.LEARNER);
            assertThat(membership.user().subject()).isEqualTo("42");
            assertThat(membership.user().name()).contains("Ada Lovelace");
            assertThat(membership.user().email()).contains("ada@example.org");
            assertThat(membership.resourceLink().linkId()).isEqualTo("link-7");
            assertThat(membership.resourceLink().deploymentId()).isEqualTo("1");
            assertThat(membership.resourceLink().title()).contains("Readiness quiz");
            assertThat(membership.resourceLink().course()).hasValueSatisfying(course -> {
                assertThat(course.contextId()).isEqualTo("course-3");
                assertThat(course.label()).contains("MGT101");
                assertThat(course.title()).contains("Essentials of management");
            });
            assertThat(List.of(count("LtiUser"), count("Course"), count("ResourceLink"), count("Membership")))
                    .containsOnly(1L);
        }

        @Test
        void aSecondLaunchUpdatesTheRecordsInsteadOfDuplicatingThem() {
            enrolments.record(new Launch(moodle).build());

            Membership again = enrolments.record(new Launch(moodle).roles(INSTRUCTOR).name("Ada King")
                    .linkTitle("Readiness quiz, week 2").build());

            assertThat(again.role()).isEqualTo(CourseRole.TRAINER);
            assertThat(again.user().name()).contains("Ada King");
            assertThat(again.resourceLink().title()).contains("Readiness quiz, week 2");
            assertThat(List.of(count("LtiUser"), count("Course"), count("ResourceLink"), count("Membership")))
                    .containsOnly(1L);
        }

        @Test
        void aNameOrEmailTheLaunchNoLongerSharesIsForgotten() {
            enrolments.record(new Launch(moodle).build());

            Membership again = enrolments.record(new Launch(moodle).name(null).email(null).build());

            assertThat(again.user().name()).isEmpty();
            assertThat(again.user().email()).isEmpty();
        }

        @Test
        void twoPeopleAtOneLinkShareTheLinkAndTheCourse() {
            enrolments.record(new Launch(moodle).subject("42").build());

            enrolments.record(new Launch(moodle).subject("43").roles(INSTRUCTOR).build());

            assertThat(count("LtiUser")).isEqualTo(2);
            assertThat(count("Membership")).isEqualTo(2);
            assertThat(count("ResourceLink")).isEqualTo(1);
            assertThat(count("Course")).isEqualTo(1);
        }

        @Test
        void theSameLinkIdInAnotherDeploymentIsAnotherLink() {
            enrolments.record(new Launch(moodle).deployment("1").build());

            enrolments.record(new Launch(moodle).deployment("2").build());

            assertThat(count("ResourceLink")).isEqualTo(2);
            assertThat(count("Course")).isEqualTo(2);
            assertThat(count("LtiUser")).isEqualTo(1);
        }

        @Test
        void aLaunchWithoutAContextRecordsALinkWithoutACourse() {
            Membership membership = enrolments.record(new Launch(moodle).noContext().build());

            assertThat(membership.resourceLink().course()).isEmpty();
            assertThat(count("Course")).isZero();
        }

        @Test
        void theLaunchSessionFindsTheMembershipItActsAs() {
            Launch launch = new Launch(moodle).roles(INSTRUCTOR);
            enrolments.record(launch.build());

            assertThat(enrolments.find(launch.session(START.plus(SESSION_LIFETIME)))).hasValueSatisfying(m -> {
                assertThat(m.role()).isEqualTo(CourseRole.TRAINER);
                assertThat(m.user().subject()).isEqualTo("42");
                assertThat(m.resourceLink().linkId()).isEqualTo("link-7");
            });
        }

        @Test
        void theActivitiesBesideALinkAreTheOtherLinksOfItsCourseThatHaveOne() {
            Membership here = enrolments.record(new Launch(moodle).custom("activity", "quiz").build());
            enrolments.record(new Launch(moodle).link("link-8").linkTitle("Second quiz").custom("activity", "quiz")
                    .build());
            enrolments.record(new Launch(moodle).link("link-9").linkTitle("Not chosen yet").build());
            enrolments.record(new Launch(moodle).link("link-10").context("course-4").custom("activity", "quiz")
                    .build());

            assertThat(enrolments.activitiesBeside(here.resourceLink()))
                    .containsExactly(new CourseActivity(Activity.READINESS_QUIZ, "Second quiz"));
        }

        @Test
        void aLinkWithoutACourseHasNoActivitiesBesideIt() {
            Membership alone = enrolments.record(new Launch(moodle).noContext().custom("activity", "quiz").build());
            enrolments.record(new Launch(moodle).link("link-8").noContext().custom("activity", "quiz").build());

            assertThat(enrolments.activitiesBeside(alone.resourceLink())).isEmpty();
        }

        @Test
        void aLaunchSessionOfSomeoneElseFindsNothing() {
            enrolments.record(new Launch(moodle).subject("42").build());

            assertThat(enrolments.find(new Launch(moodle).subject("43").session(START))).isEmpty();
            assertThat(enrolments.find(new Launch(moodle).link("link-8").session(START))).isEmpty();
            assertThat(enrolments.find(new Launch(moodle).deployment("2").session(START))).isEmpty();
        }
    }

    @Nested
    class QuizAttempts {

        static final LaunchClaims.GradeServiceClaim GRADES = new LaunchClaims.GradeServiceClaim(
                List.of(LaunchClaims.GradeServiceClaim.SCOPE_SCORE, LaunchClaims.GradeServiceClaim.SCOPE_LINEITEM),
                Optional.of(URI.create(MOODLE + "/mod/lti/services.php/3/lineitems?type_id=1")),
                Optional.of(URI.create(MOODLE + "/mod/lti/services.php/3/lineitems/9/lineitem?type_id=1")));

        Registration moodle;
        Enrolments enrolments;
        Quizzes quizzes;

        @BeforeEach
        void registerMoodle() {
            moodle = moodle();
            enrolments = new Enrolments(db, clock);
            quizzes = new Quizzes(db, clock, new java.util.Random(11), () -> { });
        }

        Membership learner(String subject) {
            return enrolments.record(new Launch(moodle).subject(subject).custom("activity", "quiz")
                    .gradeService(GRADES).build());
        }

        Attempt answerAll(Membership learner, int option) {
            Attempt attempt = quizzes.startOrResume(learner);
            for (int i = 0; i < attempt.items().size(); i++) {
                quizzes.answer(learner, attempt.id(), i, Set.of(option));
            }
            return attempt;
        }

        /** Starts an attempt and ticks the right options of every question. */
        Attempt answerRightly(Membership learner) {
            Attempt attempt = quizzes.startOrResume(learner);
            List<QuestionVersion> questions = quizzes.view(learner, attempt.id()).questions();
            for (int i = 0; i < questions.size(); i++) {
                List<Integer> shown = attempt.item(i).optionOrder();
                quizzes.answer(learner, attempt.id(), i, questions.get(i).correctOptions().stream()
                        .map(shown::indexOf).collect(java.util.stream.Collectors.toSet()));
            }
            return attempt;
        }

        void changeGradingMethod(Membership trainer, GradingMethod method) {
            quizzes.changeSettings(trainer.resourceLink(), new QuizSettings.Values(5, 0, method, 50, 80,
                    Optional.empty(), FeedbackMode.IMMEDIATELY, Optional.empty(), true, true));
        }

        List<OutboxScore> outbox() {
            return db.read(em -> em.createQuery("SELECT o FROM OutboxScore o ORDER BY o.scoreTimestamp",
                    OutboxScore.class).getResultList());
        }

        @Test
        void theQuizTellsAnotherActivityTheTopicsMissedInTheLearnersLatestAttemptInTheCourse() {
            Membership learner = learner("42");
            String course = learner.resourceLink().course().orElseThrow().id();
            MissedTopics before = new MissedTopics(course, learner.user().id());
            quizzes.answer(before);
            assertThat(before.topics()).as("no attempt submitted yet").isEmpty();
            changeGradingMethod(learner, GradingMethod.HIGHEST);

            quizzes.submit(learner, answerRightly(learner).id());
            Attempt wrong = answerAll(learner, 0);
            quizzes.submit(learner, wrong.id());

            Quizzes.AttemptView latest = quizzes.view(learner, wrong.id(), true);
            Map<String, String> expected = new java.util.LinkedHashMap<>();
            for (int i = 0; i < latest.questions().size(); i++) {
                Double earned = latest.attempt().item(i).score();
                if (earned == null || earned < 1.0) {
                    Topic topic = latest.topicsByVersion().get(latest.questions().get(i).id());
                    expected.putIfAbsent(topic.key(), topic.name());
                }
            }
            MissedTopics question = new MissedTopics(course, learner.user().id());
            quizzes.answer(question);
            assertThat(question.topics()).isEqualTo(expected);
            assertThat(question.topics().keySet()).as("keys of the shipped bank")
                    .allSatisfy(key -> assertThat(key).matches("[a-z0-9-]+"));

            MissedTopics elsewhere = new MissedTopics("another-course", learner.user().id());
            quizzes.answer(elsewhere);
            assertThat(elsewhere.topics()).isEmpty();
            MissedTopics someoneElse = new MissedTopics(course, learner("43").user().id());
            quizzes.answer(someoneElse);
            assertThat(someoneElse.topics()).isEmpty();
        }

        @Test
        void aLearnerWhoGotEverythingRightMissedNoTopic() {
            Membership learner = learner("44");
            quizzes.submit(learner, answerRightly(learner).id());
            MissedTopics question = new MissedTopics(learner.resourceLink().course().orElseThrow().id(),
                    learner.user().id());
            quizzes.answer(question);
            assertThat(question.topics()).isEmpty();
        }

        @Test
        void theFirstAttemptInACourseSeedsItsBankFromTheShippedOne() {
            Attempt attempt = quizzes.startOrResume(learner("42"));
            assertThat(attempt.items()).hasSize(5);
            assertThat(count("Question")).isGreaterThanOrEqualTo(25);
            assertThat(count("Topic")).isEqualTo(11);
        }

        @Test
        void startingAgainResumesTheAttemptInProgress() {
            Membership learner = learner("42");
            Attempt first = quizzes.startOrResume(learner);
            quizzes.answer(learner, first.id(), 0, Set.of(1));
            Attempt again = quizzes.startOrResume(learner("42"));
            assertThat(again.id()).isEqualTo(first.id());
            assertThat(again.item(0).answered()).isTrue();
        }

        @Test
        void submittingScoresTheAttemptAndQueuesTheGradeInTheSameTransaction() {
            Membership learner = learner("42");
            Attempt attempt = answerAll(learner, 0);
            Attempt submitted = quizzes.submit(learner, attempt.id());
            assertThat(submitted.score()).isPresent();
            assertThat(outbox()).singleElement().satisfies(score -> {
                assertThat(score.subject()).isEqualTo("42");
                assertThat(score.scoreGiven()).isEqualTo(Math.round(submitted.score().get() * 10000) / 100.0);
                assertThat(score.scoreMaximum()).isEqualTo(100.0);
                assertThat(score.lineItemUrl()).hasValue(GRADES.lineItem().orElseThrow().toString());
                assertThat(score.state()).isEqualTo(OutboxScore.State.WAITING);
            });
        }

        @Test
        void submittingAgainChangesNothingAndQueuesNothing() {
            Membership learner = learner("42");
            Attempt attempt = answerAll(learner, 0);
            Attempt first = quizzes.submit(learner, attempt.id());
            clock.advance(Duration.ofSeconds(30));
            Attempt second = quizzes.submit(learner, attempt.id());
            assertThat(second.score()).isEqualTo(first.score());
            assertThat(second.submittedAt()).isEqualTo(first.submittedAt());
            assertThat(outbox()).hasSize(1);
        }

        @Test
        void aNewerGradeSupersedesAWaitingOneAndItsTimestampIsAtLeastASecondLater() {
            Membership learner = learner("42");
            quizzes.submit(learner, answerAll(learner, 0).id());
            quizzes.submit(learner, answerAll(learner, 1).id()); // the same instant on the clock
            List<OutboxScore> scores = outbox();
            assertThat(scores).extracting(OutboxScore::state)
                    .containsExactly(OutboxScore.State.SUPERSEDED, OutboxScore.State.WAITING);
            assertThat(scores.get(1).timestamp()).isAfterOrEqualTo(scores.get(0).timestamp().plusSeconds(1));
        }

        @Test
        void aNewGradingMethodQueuesTheGradesItChanges() {
            Membership trainer = enrolments.record(new Launch(moodle).subject("7").roles(INSTRUCTOR)
                    .custom("activity", "quiz").gradeService(GRADES).build());
            Membership learner = learner("42");
            quizzes.submit(learner, quizzes.startOrResume(learner).id()); // nothing answered: 0
            clock.advance(Duration.ofSeconds(5));
            quizzes.submit(learner, answerRightly(learner).id()); // 100, the highest

            changeGradingMethod(trainer, GradingMethod.AVERAGE);

            assertThat(outbox()).extracting(OutboxScore::scoreGiven).containsExactly(0.0, 100.0, 50.0);
        }

        @Test
        void aGradingMethodThatChangesNoGradeQueuesNothing() {
            Membership trainer = enrolments.record(new Launch(moodle).subject("7").roles(INSTRUCTOR)
                    .custom("activity", "quiz").gradeService(GRADES).build());
            Membership learner = learner("42");
            quizzes.submit(learner, answerRightly(learner).id());

            changeGradingMethod(trainer, GradingMethod.LATEST);

            assertThat(outbox()).extracting(OutboxScore::scoreGiven).containsExactly(100.0);
        }

        @Test
        void withoutAGradeServiceNothingIsQueued() {
            Membership learner = enrolments.record(new Launch(moodle).custom("activity", "quiz").build());
            quizzes.submit(learner, answerAll(learner, 0).id());
            assertThat(outbox()).isEmpty();
        }

        /** Learner 42, on a link whose trainer set a time limit of this many minutes. */
        Membership learnerWithATimeLimitOf(int minutes) {
            Membership trainer = enrolments.record(new Launch(moodle).subject("7").roles(INSTRUCTOR).build());
            quizzes.changeSettings(trainer.resourceLink(), new QuizSettings.Values(5, 0, GradingMethod.HIGHEST,
                    50, 80, Optional.of(minutes), FeedbackMode.IMMEDIATELY, Optional.empty(), true, true));
            return learner("42");
        }

        @Test
        void whenTheTimeRunsOutWhatWasSavedIsSubmittedEvenIfTheLearnerNeverComesBack() {
            Membership learner = learnerWithATimeLimitOf(10);
            Attempt attempt = quizzes.startOrResume(learner);
            quizzes.answer(learner, attempt.id(), 0, Set.of(0));
            clock.advance(Duration.ofMinutes(10));

            assertThat(quizzes.submitOverdue()).isEqualTo(1);

            Attempt submitted = quizzes.view(learner, attempt.id()).attempt();
            assertThat(submitted.submitted()).isTrue();
            assertThat(submitted.item(0).answered()).isTrue();
            assertThat(submitted.submittedAt()).hasValue(START.plus(Duration.ofMinutes(10)));
            assertThat(outbox()).hasSize(1);
        }

        @Test
        void anAnswerAfterTheTimeLimitIsRefused() {
            Membership learner = learnerWithATimeLimitOf(1);
            Attempt attempt = quizzes.startOrResume(learner);
            clock.advance(Duration.ofMinutes(2));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> quizzes.answer(learner, attempt.id(), 0,
                    Set.of(0))).isInstanceOf(Attempt.Closed.class);
            assertThat(quizzes.view(learner, attempt.id()).attempt().submitted()).isTrue();
        }

        @Test
        void goingOnWithAnAttemptWhoseTimeRanOutShowsItSubmittedAndStartsNoOther() {
            Membership learner = learnerWithATimeLimitOf(1);
            Attempt attempt = quizzes.startOrResume(learner);
            clock.advance(Duration.ofMinutes(2));

            Attempt resumed = quizzes.startOrResume(learner);

            assertThat(resumed.id()).isEqualTo(attempt.id());
            assertThat(resumed.submitted()).isTrue();
            assertThat(quizzes.overview(learner).finished()).hasSize(1);
            assertThat(quizzes.overview(learner).inProgress()).isEmpty();
        }

        @Test
        void anAttemptInProgressIsSubmittedWhenTheTrainerClosesTheQuiz() {
            Membership trainer = enrolments.record(new Launch(moodle).subject("7").roles(INSTRUCTOR).build());
            Membership learner = learner("42");
            Attempt attempt = quizzes.startOrResume(learner);
            quizzes.answer(learner, attempt.id(), 0, Set.of(0));
            quizzes.changeSettings(trainer.resourceLink(), new QuizSettings.Values(5, 0, GradingMethod.HIGHEST,
                    50, 80, Optional.empty(), FeedbackMode.AFTER_CLOSE, Optional.of(START.plus(Duration.ofMinutes(5))),
                    true, true));
            clock.advance(Duration.ofMinutes(5));

            assertThat(quizzes.submitOverdue()).isEqualTo(1);

            Attempt submitted = quizzes.view(learner, attempt.id()).attempt();
            assertThat(submitted.submitted()).isTrue();
            assertThat(submitted.item(0).answered()).isTrue();
            assertThat(outbox()).hasSize(1);
        }

        @Test
        void anotherLearnerCannotReachTheAttempt() {
            Attempt attempt = quizzes.startOrResume(learner("42"));
            Membership other = learner("43");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> quizzes.view(other, attempt.id()))
                    .isInstanceOf(Quizzes.NoSuchAttempt.class);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> quizzes.submit(other, attempt.id()))
                    .isInstanceOf(Quizzes.NoSuchAttempt.class);
        }
    }

    @Nested
    class GradeOutboxAndRelay {

        RelayFixture fixture;
        ScoreRelay relay;
        URI column;

        @BeforeEach
        void startPlatform() throws IOException {
            fixture = new RelayFixture(db, clock);
            relay = fixture.relay();
            column = fixture.column("link-1");
        }

        @AfterEach
        void stopPlatform() {
            fixture.close();
        }

        /** One parked score per learner, a second apart, in this order. */
        List<OutboxScore> parkedScoresOf(String... subjects) {
            fixture.platform.gradebook().ungradeable(subjects);
            List<OutboxScore> queued = new ArrayList<>();
            for (String subject : subjects) {
                queued.add(fixture.queue(fixture.learner(subject, "link-1"), column, 40));
                clock.advance(Duration.ofSeconds(1));
            }
            relay.deliverDue();
            return queued;
        }

        @Test
        void theOperatorSeesParkedScoresNewestFirstWithTheirCourseLinkAndTheLmsAnswer() {
            parkedScoresOf("ada", "bob");
            fixture.queue(fixture.learner("cy", "link-1"), column, 80);
            relay.deliverDue(); // delivered: not listed

            GradeOutbox.Parked parked = db.read(em -> GradeOutbox.parked(em, 10));

            assertThat(parked.truncated()).isFalse();
            assertThat(parked.scores()).extracting(OutboxScore::subject).containsExactly("bob", "ada");
            OutboxScore newest = parked.scores().get(0);
            assertThat(newest.registrationId()).isEqualTo(fixture.registration.id());
            assertThat(newest.lastStatus()).hasValue(400);
            assertThat(newest.lastAnswer()).hasValueSatisfying(a -> assertThat(a).contains("Incorrect score"));
            assertThat(newest.lineItemUrl()).hasValue(column.toString());
            assertThat(parked.link(newest)).hasValueSatisfying(link -> {
                assertThat(link.linkId()).isEqualTo("link-1");
                assertThat(link.title()).hasValue("Quiz link-1");
                assertThat(link.course()).hasValueSatisfying(course -> {
                    assertThat(course.contextId()).isEqualTo("course-1");
                    assertThat(course.title()).hasValue("Essentials");
                });
            });
        }

        @Test
        void theListStopsAtItsLimitAndSaysSo() {
            parkedScoresOf("ada", "bob", "cy");

            GradeOutbox.Parked limited = db.read(em -> GradeOutbox.parked(em, 2));
            assertThat(limited.scores()).extracting(OutboxScore::subject).containsExactly("cy", "bob");
            assertThat(limited.truncated()).isTrue();

            assertThat(db.read(em -> GradeOutbox.parked(em, 3)).truncated()).isFalse();
        }

        @Test
        void aScoreSentAgainLeavesTheList() {
            List<OutboxScore> parked = parkedScoresOf("ada", "bob");

            Optional<OutboxScore> queued = db.transaction(em -> GradeOutbox.sendAgain(em, parked.get(0).id(),
                    clock.instant()));

            assertThat(queued).isPresent();

            assertThat(db.read(em -> GradeOutbox.parked(em, 10)).scores()).extracting(OutboxScore::subject)
                    .containsExactly("bob");
        }

        void awaitOrFail(CountDownLatch latch) {
            try {
                if (!latch.await(30, TimeUnit.SECONDS)) {
                    throw new AssertionError("the other request never got there");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        /** Ada's new result, queued in a transaction that waits for {@code commit} before it commits. */
        Future<OutboxScore> queueAndHold(ExecutorService requests, CountDownLatch queued, CountDownLatch commit) {
            Membership ada = fixture.learner("ada", "link-1");
            return requests.submit(() -> db.transaction(em -> {
                OutboxScore score = GradeOutbox.enqueue(em, fixture.scoreOf(ada, column, 90), clock.instant());
                queued.countDown();
                awaitOrFail(commit);
                return score;
            }));
        }

        @Test
        void aParkedScoreSentAgainWhileANewerOneIsBeingQueuedStaysSuperseded() throws Exception {
            OutboxScore parked = parkedScoresOf("ada").get(0);
            CountDownLatch queued = new CountDownLatch(1);
            CountDownLatch commit = new CountDownLatch(1);
            ExecutorService requests = Executors.newFixedThreadPool(2);
            try {
                Future<OutboxScore> newer = queueAndHold(requests, queued, commit);
                awaitOrFail(queued);
                Future<Optional<OutboxScore>> sentAgain = requests.submit(() -> db.transaction(em ->
                        GradeOutbox.sendAgain(em, parked.id(), clock.instant())));
                Thread.sleep(200); // "send again" reaches the parked score meanwhile, or after: the outcome is one
                commit.countDown();

                assertThat(sentAgain.get(30, TimeUnit.SECONDS)).as("nothing left to send again").isEmpty();
                OutboxScore newest = fixture.reload(newer.get(30, TimeUnit.SECONDS));
                assertThat(fixture.reload(parked).state()).isEqualTo(OutboxScore.State.SUPERSEDED);
                assertThat(newest.state()).isEqualTo(OutboxScore.State.WAITING);
            } finally {
                commit.countDown();
                requests.shutdownNow();
            }
        }

        @Test
        void aScoreQueuedWhileAParkedOneIsSentAgainSupersedesItWithANewerTimestamp() throws Exception {
            OutboxScore parked = parkedScoresOf("ada").get(0);
            CountDownLatch sentAgain = new CountDownLatch(1);
            CountDownLatch commit = new CountDownLatch(1);
            ExecutorService requests = Executors.newFixedThreadPool(2);
            try {
                Future<Optional<OutboxScore>> again = requests.submit(() -> db.transaction(em -> {
                    Optional<OutboxScore> waiting = GradeOutbox.sendAgain(em, parked.id(), clock.instant());
                    sentAgain.countDown();
                    awaitOrFail(commit);
                    return waiting;
                }));
                awaitOrFail(sentAgain);
                Future<OutboxScore> newer = queueAndHold(requests, new CountDownLatch(1), new CountDownLatch(0));
                Thread.sleep(200); // the new score is queued meanwhile, or after: the outcome is one
                commit.countDown();

                assertThat(again.get(30, TimeUnit.SECONDS)).isPresent();
                OutboxScore queued = fixture.reload(newer.get(30, TimeUnit.SECONDS));
                OutboxScore old = fixture.reload(parked);
                assertThat(old.state()).isEqualTo(OutboxScore.State.SUPERSEDED);
                assertThat(queued.state()).isEqualTo(OutboxScore.State.WAITING);
                assertThat(queued.timestamp()).as("Moodle refuses a timestamp not newer than the last it took")
                        .isAfter(old.timestamp());
            } finally {
                commit.countDown();
                requests.shutdownNow();
            }
        }

        List<OutboxScore> scoresOf(int learners) {
            List<OutboxScore> queued = new ArrayList<>();
            for (int i = 0; i < learners; i++) {
                queued.add(fixture.queue(fixture.learner("learner-" + i, "link-1"), column, 50 + i));
            }
            return queued;
        }

        @Test
        void twoToolProcessesSharingTheDatabaseSendEachScoreExactlyOnce() throws Exception {
            List<OutboxScore> queued = scoresOf(24);
            ScoreRelay other = fixture.relay(openAgain());
            fixture.platform.gradebook().delay(Duration.ofMillis(20)); // both relays find scores still on their way
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService processes = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> runs = List.of(processes.submit(() -> {
                    start.await();
                    return relay.deliverDue();
                }), processes.submit(() -> {
                    start.await();
                    return other.deliverDue();
                }));
                start.countDown();
                for (Future<Integer> run : runs) {
                    run.get(60, TimeUnit.SECONDS);
                }
            } finally {
                processes.shutdownNow();
            }

            assertThat(fixture.platform.gradebook().scorePosts()).as("one POST per score, none answered 409")
                    .hasSize(24).allSatisfy(post -> assertThat(post.status()).isEqualTo(200));
            assertThat(queued).allSatisfy(score -> assertThat(fixture.reload(score).state())
                    .isEqualTo(OutboxScore.State.DELIVERED));
        }

        @Test
        void ofSendersClaimingOneScoreAtOnceExactlyOneGetsIt() throws Exception {
            OutboxScore score = scoresOf(1).get(0);
            Database other = openAgain();
            Instant leaseEnd = clock.instant().plus(Duration.ofMinutes(1));
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService senders = Executors.newFixedThreadPool(8);
            List<Future<Boolean>> claims = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    Database process = i % 2 == 0 ? db : other;
                    claims.add(senders.submit(() -> {
                        start.await();
                        return process.losableTransaction(em -> GradeOutbox.claim(em, score.id(), clock.instant(),
                                leaseEnd));
                    }));
                }
                start.countDown();
                List<Boolean> won = new ArrayList<>();
                for (Future<Boolean> claim : claims) {
                    won.add(claim.get(30, TimeUnit.SECONDS));
                }
                assertThat(won).containsOnlyOnce(true);
            } finally {
                senders.shutdownNow();
            }
            assertThat(fixture.reload(score).nextTryAt()).isEqualTo(leaseEnd.truncatedTo(ChronoUnit.MILLIS));
        }

        @Test
        void aScoreClaimedByAProcessThatDiedIsSentByAnotherOnceTheLeaseHasRunOut() {
            OutboxScore score = scoresOf(1).get(0);
            Duration lease = ScoreRelay.leaseFor(RelayFixture.REQUEST_TIMEOUT);
            boolean claimed = db.transaction(em -> GradeOutbox.claim(em, score.id(), clock.instant(),
                    clock.instant().plus(lease)));
            assertThat(claimed).isTrue(); // ... and the process that claimed it is killed before it sends
            ScoreRelay survivor = fixture.relay(openAgain());

            survivor.deliverDue();
            clock.advance(lease.minusMillis(1));
            survivor.deliverDue();
            assertThat(fixture.platform.gradebook().scorePosts()).as("the lease holds").isEmpty();

            clock.advance(Duration.ofMillis(1));
            survivor.deliverDue();
            assertThat(fixture.platform.gradebook().scorePosts()).singleElement()
                    .satisfies(post -> assertThat(post.status()).isEqualTo(200));
            assertThat(fixture.reload(score).state()).isEqualTo(OutboxScore.State.DELIVERED);
        }
    }

    @Nested
    class SelfAssessmentRecords {

        Registration moodle;
        Enrolments enrolments;

        @BeforeEach
        void registerMoodle() {
            moodle = moodle();
            enrolments = new Enrolments(db, clock);
        }

        SelfAssessments assessments(Database on) {
            return new SelfAssessments(on, new CourseFrameworks(on, clock), clock, () -> { }, question -> { });
        }

        Membership learner(String subject) {
            return enrolments.record(new Launch(moodle).subject(subject).link("link-sa")
                    .linkTitle("Competency self-assessment").custom("activity", "self-assessment")
                    .gradeService(QuizAttempts.GRADES).build());
        }

        /** Rates every competency of the assessment's framework at {@code level}. */
        void rateAll(SelfAssessments assessments, Membership learner, Assessment assessment, int level) {
            Map<String, SelfAssessments.RatingInput> ratings = new java.util.LinkedHashMap<>();
            assessments.view(learner, assessment.id()).framework().inUse()
                    .forEach(c -> ratings.put(c.key(), new SelfAssessments.RatingInput(level, "")));
            assessments.rate(learner, assessment.id(), ratings);
        }

        /** Runs each call on its own thread, released together; returns what each returned. */
        <T> List<T> atOnce(List<java.util.concurrent.Callable<T>> calls) throws Exception {
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(calls.size());
            try {
                List<Future<T>> running = calls.stream().map(call -> threads.submit(() -> {
                    start.await();
                    return call.call();
                })).toList();
                start.countDown();
                List<T> results = new ArrayList<>();
                for (Future<T> each : running) {
                    results.add(each.get(60, TimeUnit.SECONDS));
                }
                return results;
            } finally {
                threads.shutdownNow();
            }
        }

        @Test
        void twoFirstUsesAtOnceSeedTheCoursesFrameworkOnce() throws Exception {
            CourseFrameworks here = new CourseFrameworks(db, clock);
            CourseFrameworks there = new CourseFrameworks(openAgain(), clock);

            List<String> versions = atOnce(List.of(() -> here.current("course-3").versionId(),
                    () -> there.current("course-3").versionId()));

            assertThat(versions.get(0)).isEqualTo(versions.get(1));
            assertThat(count("FrameworkVersion")).isEqualTo(1);
            assertThat(count("CourseFramework")).isEqualTo(1);
            assertThat(here.current("course-3").number()).isEqualTo(1);
        }

        @Test
        void aChangeWritesANewVersionAndASnapshotKeepsTheOneItWasMadeWith() {
            SelfAssessments assessments = assessments(db);
            Membership learner = learner("42");
            Assessment first = assessments.startOrResume(learner);
            rateAll(assessments, learner, first, 2);
            assessments.submit(learner, first.id());
            String scope = learner.resourceLink().courseScope();
            CourseFrameworks.Current before = assessments.frameworks().current(scope);

            CourseFrameworks.Current after = assessments.frameworks().change(scope, before.versionId(),
                    f -> new FrameworkContent("Renamed framework", f.description(), f.scale(), f.areas(),
                            f.targets()), "renamed by the test");

            assertThat(after.number()).isEqualTo(2);
            assertThat(assessments.frameworks().history(scope)).extracting(FrameworkVersion::number)
                    .containsExactly(2, 1);
            assertThat(assessments.snapshots(learner)).singleElement()
                    .satisfies(s -> assertThat(s.frameworkVersionId()).isEqualTo(before.versionId()));
            assertThat(assessments.result(learner, first.id()).profile().framework().name())
                    .isEqualTo(before.content().name());
            Assessment retake = assessments.startOrResume(learner);
            assertThat(retake.frameworkVersionId()).isEqualTo(after.versionId());
        }

        @Test
        void twoSubmitsOfOneAssessmentAtOnceQueueOneGrade() throws Exception {
            SelfAssessments here = assessments(db);
            SelfAssessments there = assessments(openAgain());
            Membership learner = learner("42");
            Assessment assessment = here.startOrResume(learner);
            rateAll(here, learner, assessment, 3);

            List<Assessment> submitted = atOnce(List.of(() -> here.submit(learner, assessment.id()),
                    () -> there.submit(learner, assessment.id())));

            assertThat(submitted).allSatisfy(a -> assertThat(a.submitted()).isTrue());
            assertThat(submitted.get(0).submittedAt()).isEqualTo(submitted.get(1).submittedAt());
            List<OutboxScore> outbox = db.read(em -> em.createQuery("SELECT o FROM OutboxScore o",
                    OutboxScore.class).getResultList());
            assertThat(outbox).singleElement().satisfies(score -> {
                assertThat(score.scoreGiven()).isEqualTo(100.0);
                assertThat(score.scoreMaximum()).isEqualTo(100.0);
            });
        }

        @Test
        void twoStartsAtOnceMakeOneAssessment() throws Exception {
            SelfAssessments here = assessments(db);
            SelfAssessments there = assessments(openAgain());
            Membership learner = learner("42");
            here.frameworks().current(learner.resourceLink().courseScope()); // seeded: starts race

            List<Assessment> started = atOnce(List.of(() -> here.startOrResume(learner),
                    () -> there.startOrResume(learner)));

            assertThat(started.get(0).id()).isEqualTo(started.get(1).id());
            assertThat(count("Assessment")).isEqualTo(1);
        }
    }

    @Nested
    class Restart {

        @Test
        void keysRegistrationsAndEnrolmentsSurviveARestart() throws IOException {
            String kid = new KeyRing(db, "tool", clock, GRACE).load().signingKey().getKeyID();
            writePlatform("moodle.json", moodleJson("1"));
            Registrations registrations = registrations();
            registrations.loadFiles(configDir);
            Registration moodle = registrations.find(MOODLE, MOODLE_CLIENT).orElseThrow();
            new Enrolments(db, clock).record(new Launch(moodle).roles(INSTRUCTOR).build());
            String token = new LaunchTokens(db, clock, SESSION_LIFETIME).issue(moodle.id(), "1", "42", "link-7");

            restart();

            assertThat(db.migrationsApplied()).isZero();
            assertThat(new KeyRing(db, "tool", clock, GRACE).load().signingKey().getKeyID()).isEqualTo(kid);
            Registrations reread = registrations();
            reread.refresh();
            assertThat(reread.find(MOODLE, MOODLE_CLIENT)).hasValueSatisfying(r ->
                    assertThat(r.deploymentIds()).containsExactly("1"));
            LaunchSession session = new LaunchTokens(db, clock, SESSION_LIFETIME).verify(token).orElseThrow();
            assertThat(new Enrolments(db, clock).find(session)).hasValueSatisfying(m -> {
                assertThat(m.user().subject()).isEqualTo("42");
                assertThat(m.user().name()).contains("Ada Lovelace");
                assertThat(m.role()).isEqualTo(CourseRole.TRAINER);
            });
        }
    }
}
