package com.essentialslti.system;

import com.essentialslti.lti.claims.LtiClaim;
import com.essentialslti.selfassessment.framework.DefaultFramework;
import com.essentialslti.selfassessment.framework.TargetProfile;
import com.essentialslti.system.QuizIT.Member;
import com.essentialslti.testing.Browser.Page;
import com.essentialslti.testing.IdTokenBuilder;
import com.essentialslti.testing.PlatformSimulator;
import com.essentialslti.testing.QuizTaker;
import com.essentialslti.testing.SelfAssessor;
import com.essentialslti.testing.SimulatedGradebook;
import com.nimbusds.jose.util.JSONObjectUtils;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The competency self-assessment on the real tool (Payara Micro), reached through complete LTI launches from the
 * platform simulator: a learner's self-assessment from start to profile, retakes, the completion grade, the
 * learner's CSV, and who may reach what.
 */
@ExtendWith(ArquillianExtension.class)
class SelfAssessmentIT {

    static final String TOOL = LaunchIT.TOOL;
    static final String COURSE = "course-sa";
    static final TargetProfile ASPIRING = DefaultFramework.content().target("aspiring").orElseThrow();
    static final int COMPETENCIES = DefaultFramework.content().inUse().size();
    static final int AREAS = DefaultFramework.content().areasInUse().size();

    static PlatformSimulator platform;

    @Deployment(testable = false)
    static WebArchive tool() {
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war")
                .importFrom(new File(System.getProperty("essentials.war")))
                .as(WebArchive.class);
    }

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = new PlatformSimulator(28181, TOOL);
    }

    @AfterAll
    static void stopPlatform() {
        platform.close();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Fixtures

    /** A launch at a self-assessment link of a course, as a member with {@code role}. */
    static UnaryOperator<IdTokenBuilder> at(String role, String link, String course) {
        return t -> t.roles(role).with(LtiClaim.RESOURCE_LINK, Map.of("id", link, "title",
                        "Competency self-assessment")).with(LtiClaim.CONTEXT, Map.of("id", course, "title",
                        "Essentials " + course))
                .with(LtiClaim.CUSTOM, Map.of("activity", "self-assessment"));
    }

    static Member launch(String user, UnaryOperator<IdTokenBuilder> token) {
        var browser = new com.essentialslti.testing.Browser();
        Page landing = LaunchIT.landing(browser, LaunchIT.launch(platform, browser, platform.loginFor(user), token));
        return new Member(browser, landing.document().selectFirst("input[name=s]").val(), landing);
    }

    static Member learner(String user, String link) {
        return launch(user, at(IdTokenBuilder.LEARNER, link, COURSE));
    }

    static Member trainer(String user, String link) {
        return launch(user, at(IdTokenBuilder.INSTRUCTOR, link, COURSE));
    }

    static Member withGrades(String user, String role, String link, URI lineItem) {
        return launch(user, t -> platform.withAgs(lineItem).apply(at(role, link, COURSE).apply(t)));
    }

    /** The trainer's settings form, with the defaults of a new link; each test changes what it is about. */
    record SettingsForm(String target, int retakes, int minDaysBetween, boolean askEvidence, String grading) {

        static SettingsForm defaults() {
            return new SettingsForm("aspiring", -1, 0, true, "COMPLETION");
        }

        SettingsForm retakes(int value) {
            return new SettingsForm(target, value, minDaysBetween, askEvidence, grading);
        }

        SettingsForm minDaysBetween(int value) {
            return new SettingsForm(target, retakes, value, askEvidence, grading);
        }

        SettingsForm grading(String value) {
            return new SettingsForm(target, retakes, minDaysBetween, askEvidence, value);
        }

        SettingsForm target(String value) {
            return new SettingsForm(value, retakes, minDaysBetween, askEvidence, grading);
        }

        String body() {
            return "target=" + target + "&retakes=" + retakes + "&minDaysBetween=" + minDaysBetween
                    + (askEvidence ? "&askEvidence=on" : "") + "&grading=" + grading;
        }
    }

    static void saveSettings(Member trainer, SettingsForm form) {
        Page saved = trainer.post("/self-assessment/settings", form.body());
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.text()).contains("Settings saved.");
    }

    static Page assess(Member learner, int level) {
        return SelfAssessor.assess(learner.browser(), TOOL, learner.session(), level);
    }

    static Page start(Member learner) {
        return SelfAssessor.start(learner.browser(), TOOL, learner.session());
    }

    /** The path of an assessment's pages, from one of them ({@code /self-assessment/assessment/<id>}). */
    static String assessmentOf(Page page) {
        return page.uri().getPath().replaceFirst("/(area/\\d+|review|result)$", "");
    }

    static String form(String field, String value) {
        return URLEncoder.encode(field, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static List<String> listAfter(Document result, String heading) {
        Element title = result.selectFirst("main h2:matchesOwn(^" + heading + "$)");
        assertThat(title).as("a heading '" + heading + "'").isNotNull();
        for (Element next = title.nextElementSibling(); next != null && !next.is("h2, section");
             next = next.nextElementSibling()) {
            if (next.is("ul, ol")) {
                return next.children().eachText();
            }
        }
        return List.of(); // no list under this heading
    }

    static List<String> strengths(Page result) {
        return listAfter(result.document(), "Your strengths");
    }

    static List<String> developmentAreas(Page result) {
        return listAfter(result.document(), "Your development areas");
    }

    // ---------------------------------------------------------------------------------------------------------
    // The learner's self-assessment

    @Test
    void aLearnerLaunchingASelfAssessmentLinkLandsOnItsOverview() {
        Member ada = learner("sa-overview-1", "link-sa-overview");
        assertThat(ada.landing().text()).contains("Competency self-assessment")
                .contains(COMPETENCIES + " competencies in " + AREAS + " areas").contains("Aware")
                .contains("Start the self-assessment");
    }

    @Test
    void aLearnerWhoClosesAndLaunchesAgainResumesWithTheirRatings() {
        Member first = learner("sa-resume-1", "link-sa-resume");
        Page area = start(first);
        String assessment = assessmentOf(area);
        for (int n = 1; n <= 3; n++) {
            area = SelfAssessor.rateAndGoOn(first.browser(), TOOL, first.session(), area, key -> 2);
        }
        assertThat(area.uri().getPath()).isEqualTo(assessment + "/area/4");

        Member again = learner("sa-resume-1", "link-sa-resume"); // a new launch, in a new browser
        assertThat(again.landing().text()).contains("Continue your self-assessment");
        Page resumed = start(again);

        assertThat(resumed.uri().getPath()).as("the first area not rated yet").isEqualTo(assessment + "/area/4");
        Page firstArea = again.get(assessment + "/area/1");
        assertThat(firstArea.document().select("input[type=radio][checked]")).isNotEmpty()
                .allSatisfy(radio -> assertThat(radio.val()).isEqualTo("2"));
        assertThat(firstArea.document().select("input[type=radio][checked]"))
                .hasSize(SelfAssessor.competencies(firstArea).size());
    }

    @Test
    void aLearnerRatesEveryAreaSubmitsAndSeesTheProfileAsAChartAndATable() {
        Member ada = learner("sa-flow-1", "link-sa-flow");
        Page review = SelfAssessor.rateEverything(ada.browser(), TOOL, ada.session(), key -> 3);
        assertThat(review.text()).contains("Review your self-assessment").doesNotContain("not rated");

        Page result = ada.follow(SelfAssessor.submit(ada.browser(), TOOL, ada.session(), review));

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.text()).contains("Your competency profile").contains("Self-assessment 1, submitted ")
                .contains("Aspiring PMO manager");
        Element chart = result.document().selectFirst("main svg[role=img]");
        assertThat(chart).as("the chart").isNotNull();
        assertThat(chart.selectFirst("title").text()).isEqualTo("Your competency profile against "
                + ASPIRING.name());
        assertThat(chart.select("rect")).hasSizeGreaterThanOrEqualTo(AREAS);
        assertThat(result.document().select("main table tbody tr")).as("one row per area").hasSize(AREAS);
        assertThat(result.document().select("main table tbody tr td:eq(1)").eachText()).containsOnly("3.0");
    }

    @Test
    void ratedAllAwareAgainstTheAspiringTargetEveryCompetencyAboveAwareIsADevelopmentArea() {
        long aboveAware = ASPIRING.levels().values().stream().filter(level -> level > 1).count();
        Page result = assess(learner("sa-aware-1", "link-sa-aware"), 1);

        assertThat(developmentAreas(result)).hasSize((int) aboveAware)
                .allSatisfy(line -> assertThat(line).contains("Aware, target ").contains("below"));
        assertThat(strengths(result)).hasSize(COMPETENCIES - (int) aboveAware)
                .allSatisfy(line -> assertThat(line).contains("Aware, target Aware"));
        assertThat(result.text()).contains("What you could do next:");
    }

    @Test
    void ratedAllAwareAgainstThePmoManagerTargetEveryCompetencyIsADevelopmentArea() {
        saveSettings(trainer("sa-manager-trainer", "link-sa-manager"), SettingsForm.defaults().target("manager"));
        Page result = assess(learner("sa-manager-1", "link-sa-manager"), 1);

        assertThat(developmentAreas(result)).hasSize(COMPETENCIES);
        assertThat(strengths(result)).isEmpty();
        assertThat(result.text()).contains("No competency is at its target yet");
    }

    @Test
    void ratedAllExpertNoCompetencyIsADevelopmentArea() {
        Page result = assess(learner("sa-expert-1", "link-sa-expert"), 4);

        assertThat(strengths(result)).hasSize(COMPETENCIES);
        assertThat(developmentAreas(result)).isEmpty();
        assertThat(result.text()).contains("You rated yourself at or above the target everywhere");
    }

    @Test
    void theAutosaveAnswers204AndKeepsTheRating() {
        Member ada = learner("sa-autosave-1", "link-sa-autosave");
        Page area = start(ada);
        String key = SelfAssessor.competencies(area).iterator().next();

        Page saved = ada.post(area.uri().getPath(), form("level." + key, "4") + "&go=autosave");

        assertThat(saved.status()).isEqualTo(204);
        assertThat(ada.get(area.uri().getPath()).document().selectFirst("input[name=level." + key + "][checked]")
                .val()).isEqualTo("4");
    }

    @Test
    void submittingBeforeEveryCompetencyIsRatedShowsTheReviewWithWhatIsMissing() {
        Member ada = learner("sa-early-1", "link-sa-early");
        Page area = start(ada);
        String assessment = assessmentOf(area);
        SelfAssessor.rateAndGoOn(ada.browser(), TOOL, ada.session(), area, key -> 2);

        Page refused = ada.post(assessment + "/submit", "");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text()).contains("Rate every competency before you submit");
        assertThat(ada.get(assessment + "/review").text()).doesNotContain("Your competency profile");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Retakes

    @Test
    void withRetakesAllowedASecondSnapshotShowsThePreviousOne() {
        Member ada = learner("sa-retake-1", "link-sa-retake");
        assess(ada, 1);

        Page second = assess(ada, 3);

        assertThat(second.text()).contains("Self-assessment 2, submitted ")
                .contains("Thin pale bars: your previous self-assessment");
        assertThat(second.document().select("main table thead th").eachText()).contains("Previous");
        assertThat(second.document().select("main table tbody tr td:eq(3)").eachText()).containsOnly("1.0");
        Page overview = ada.get("/self-assessment");
        assertThat(overview.document().select("main table.snapshots tbody tr")).hasSize(2);
        assertThat(overview.document().select("main table.history tbody tr")).as("how the profile moved").hasSize(2);
    }

    @Test
    void withNoRetakesASecondStartIsRefusedInWords() {
        saveSettings(trainer("sa-once-trainer", "link-sa-once"), SettingsForm.defaults().retakes(0));
        Member ada = learner("sa-once-1", "link-sa-once");
        assess(ada, 2);

        Page refused = ada.post("/self-assessment/start", "");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text()).contains("This self-assessment is taken once.");
        assertThat(refused.document().select("form[action=/self-assessment/start]")).isEmpty();
        assertThat(ada.get("/self-assessment").document().select("main table.snapshots tbody tr")).hasSize(1);
    }

    @Test
    void aMinimumOfDaysBetweenRefusesAnEarlyRetakeWithTheDateItIsPossible() {
        saveSettings(trainer("sa-days-trainer", "link-sa-days"), SettingsForm.defaults().minDaysBetween(7));
        Member ada = learner("sa-days-1", "link-sa-days");
        assess(ada, 2);

        Page refused = ada.post("/self-assessment/start", "");

        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK).withZone(ZoneOffset.UTC);
        Instant inAWeek = Instant.now().plus(Duration.ofDays(7));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text()).containsAnyOf("You can take it again from " + day.format(inAWeek) + ".",
                "You can take it again from " + day.format(inAWeek.minus(Duration.ofMinutes(5))) + ".");
    }

    // ---------------------------------------------------------------------------------------------------------
    // The completion grade

    static List<SimulatedGradebook.ScorePost> allPostsFor(String user) {
        return platform.gradebook().scorePosts().stream().filter(p -> p.body().contains("\"" + user + "\""))
                .toList();
    }

    /** The scores the gradebook took for this user, once there is one (or none after {@code within}). */
    static List<SimulatedGradebook.ScorePost> postsFor(String user, Duration within) throws InterruptedException {
        Instant until = Instant.now().plus(within);
        while (Instant.now().isBefore(until)) {
            List<SimulatedGradebook.ScorePost> taken = allPostsFor(user).stream().filter(p -> p.status() < 300)
                    .toList();
            if (!taken.isEmpty()) {
                return taken;
            }
            Thread.sleep(50);
        }
        return List.of();
    }

    @Test
    void aSubmittedSelfAssessmentReachesTheGradebookOnceAsACompletion() throws Exception {
        URI lineItem = platform.gradebook().addLineItem("Self-assessment", 100, "link-sa-grade", null, null);
        Member ada = withGrades("sa-grade-1", IdTokenBuilder.LEARNER, "link-sa-grade", lineItem);

        assess(ada, 2);

        List<SimulatedGradebook.ScorePost> posts = postsFor("sa-grade-1", Duration.ofSeconds(10));
        assertThat(posts).hasSize(1);
        Map<String, Object> score = JSONObjectUtils.parse(posts.get(0).body());
        assertThat(score).containsEntry("userId", "sa-grade-1").containsEntry("activityProgress", "Completed")
                .containsEntry("gradingProgress", "FullyGraded");
        assertThat(((Number) score.get("scoreGiven")).doubleValue()).isEqualTo(100.0);
        assertThat(((Number) score.get("scoreMaximum")).doubleValue()).isEqualTo(100.0);
        assertThat(platform.gradebook().grade(lineItem, "sa-grade-1")).hasValueSatisfying(grade ->
                assertThat(grade.value()).isEqualTo(100.0));

        assess(ada, 3);
        Thread.sleep(1500); // a second score would follow within the relay's next round
        assertThat(allPostsFor("sa-grade-1")).as("a retake sends nothing new").hasSize(1);
    }

    @Test
    void aCompletionScoreTheLmsRefusesIsParkedAndItsTrainerSendsItAgainOnce() throws Exception {
        URI lineItem = platform.gradebook().addLineItem("Self-assessment", 100, "link-sa-again", null, null);
        platform.gradebook().ungradeable("sa-again-1");
        Member ada = withGrades("sa-again-1", IdTokenBuilder.LEARNER, "link-sa-again", lineItem);
        assess(ada, 2);
        Map<String, Object> parked = QuizIT.parkedScoreOf("sa-again-1", Duration.ofSeconds(10));
        assertThat(parked).containsEntry("lms_status", 400L).containsEntry("lineitem", lineItem.toString());
        Member trainer = withGrades("sa-again-trainer", IdTokenBuilder.INSTRUCTOR, "link-sa-again", lineItem);
        Member stranger = launch("sa-again-stranger", at(IdTokenBuilder.INSTRUCTOR, "link-sa-again-other",
                "course-sa-other"));

        // The self-assessment's trainer page shows no delivery states yet: the id is the operator's list's.
        QuizIT.assertOnlyItsTrainerSendsItAgain(platform.gradebook(), "sa-again-1",
                "/grades/" + parked.get("id") + "/send-again", trainer, ada, stranger);

        assertThat(platform.gradebook().grade(lineItem, "sa-again-1")).hasValueSatisfying(grade ->
                assertThat(grade.value()).isEqualTo(100.0));
    }

    @Test
    void withGradingNoneNothingIsSent() throws Exception {
        URI lineItem = platform.gradebook().addLineItem("Self-assessment", 100, "link-sa-nograde", null, null);
        saveSettings(withGrades("sa-nograde-trainer", IdTokenBuilder.INSTRUCTOR, "link-sa-nograde", lineItem),
                SettingsForm.defaults().grading("NONE"));
        Member ada = withGrades("sa-nograde-1", IdTokenBuilder.LEARNER, "link-sa-nograde", lineItem);

        assess(ada, 2);

        Thread.sleep(1500);
        assertThat(allPostsFor("sa-nograde-1")).isEmpty();
        assertThat(platform.gradebook().grade(lineItem, "sa-nograde-1")).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Who may reach what

    @Test
    void aLearnerCannotOpenNorChangeAnotherLearnersAssessment() {
        Member owner = learner("sa-owner-1", "link-sa-private");
        Page area = start(owner);
        String assessment = assessmentOf(area);
        Member other = learner("sa-other-1", "link-sa-private");

        assertThat(other.get(assessment + "/area/1").status()).isEqualTo(404);
        assertThat(other.get(assessment + "/review").status()).isEqualTo(404);
        assertThat(other.get(assessment + "/result").status()).isEqualTo(404);
        Page rate = other.post(assessment + "/area/1", SelfAssessor.ratings(area, key -> 4) + "&go=next");
        assertThat(rate.status()).isEqualTo(404);
        assertThat(rate.text()).contains("No such self-assessment");
        assertThat(other.post(assessment + "/submit", "").status()).isEqualTo(404);

        assertThat(owner.get(assessment + "/area/1").document().select("input[type=radio][checked]"))
                .as("nothing rated by the other learner").isEmpty();
    }

    @Test
    void aLearnerCannotOpenAnotherLearnersResult() {
        Member owner = learner("sa-owner-2", "link-sa-private-2");
        Page result = assess(owner, 2);
        Member other = learner("sa-other-2", "link-sa-private-2");

        Page refused = other.get(result.uri().getPath());

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.text()).contains("No such self-assessment").doesNotContain("Your competency profile");
    }

    @Test
    void aLearnerCannotChangeTheSettings() {
        Member ada = learner("sa-nosettings-1", "link-sa-guarded");

        Page refused = ada.post("/self-assessment/settings", SettingsForm.defaults().retakes(0).body());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text()).contains("trainers");
        assertThat(ada.get("/self-assessment").text()).contains("You can take it again as often as you like");
    }

    @Test
    void aTrainerOfAnotherCourseSeesNothingOfThisCourse() {
        Member ada = learner("sa-course-a-learner", "link-sa-course-a");
        String note = "Led the PMO set-up at Contoso in March";
        Page area = start(ada);
        String first = area.uri().getPath();
        Page review = rateWithANote(ada, area, note);
        Page result = ada.follow(SelfAssessor.submit(ada.browser(), TOOL, ada.session(), review));
        Member stranger = launch("sa-course-b-trainer", at(IdTokenBuilder.INSTRUCTOR, "link-sa-course-b",
                "course-sa-other"));

        assertThat(stranger.landing().text()).doesNotContain("sa-course-a-learner").doesNotContain(note);
        for (String path : List.of(result.uri().getPath(), first, review.uri().getPath())) {
            Page refused = stranger.get(path);
            assertThat(refused.status()).as(path).isIn(403, 404);
            assertThat(refused.body()).doesNotContain(note);
        }
        Page csv = stranger.get("/self-assessment/snapshots.csv");
        assertThat(csv.status()).isIn(403, 404);
        assertThat(csv.body()).doesNotContain(note);

        saveSettings(stranger, SettingsForm.defaults().retakes(0));
        assertThat(ada.get("/self-assessment").text()).as("this course's settings are unchanged")
                .contains("You can take it again as often as you like").contains("Take it again");
    }

    /** Rates every competency Practitioner, with a note on the first one of this area; returns the review. */
    static Page rateWithANote(Member learner, Page area, String note) {
        String key = SelfAssessor.competencies(area).iterator().next();
        Page next = learner.follow(learner.post(area.uri().getPath(), SelfAssessor.ratings(area, k -> 2) + "&"
                + form("evidence." + key, note) + "&go=next"));
        return SelfAssessor.rateTheRest(learner.browser(), TOOL, learner.session(), next, k -> 2);
    }

    /** Posts one crafted field to the first area of a fresh assessment; returns the answer. */
    static Page crafted(Member learner, Page area, String fields) {
        String valid = form("level." + SelfAssessor.competencies(area).iterator().next(), "2");
        return learner.post(area.uri().getPath(), valid + "&" + fields + "&go=next");
    }

    static void assertRefusedAndNothingSaved(Member learner, Page area, Page answer, String words) {
        assertThat(answer.status()).as(answer.body()).isBetween(400, 499);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("text/html"));
        assertThat(answer.text()).contains(words);
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at com.");
        Page again = learner.get(area.uri().getPath());
        assertThat(again.document().select("input[type=radio][checked]")).as("nothing saved").isEmpty();
        assertThat(again.document().select("textarea").eachText()).allSatisfy(t -> assertThat(t).isEmpty());
    }

    @Test
    void aRatingOfACompetencyTheFrameworkDoesNotHaveIsRefusedAndNothingIsSaved() {
        Member ada = learner("sa-crafted-key", "link-sa-crafted-key");
        Page area = start(ada);
        assertRefusedAndNothingSaved(ada, area, crafted(ada, area, form("level.no.such.competency", "2")),
                "This self-assessment has no competency");
    }

    @Test
    void aLevelTheScaleDoesNotOfferIsRefusedAndNothingIsSaved() {
        Member ada = learner("sa-crafted-level", "link-sa-crafted-level");
        Page area = start(ada);
        String second = SelfAssessor.competencies(area).stream().skip(1).findFirst().orElseThrow();
        for (String level : List.of("0", "9", "-1", "abc", "2.5")) {
            assertRefusedAndNothingSaved(ada, area, crafted(ada, area, form("level." + second, level)),
                    "Choose one of the levels offered");
        }
    }

    @Test
    void anEvidenceNoteOverTheLimitIsRefusedAndNothingIsSaved() {
        Member ada = learner("sa-crafted-note", "link-sa-crafted-note");
        Page area = start(ada);
        String second = SelfAssessor.competencies(area).stream().skip(1).findFirst().orElseThrow();
        assertRefusedAndNothingSaved(ada, area, crafted(ada, area, form("evidence." + second, "x".repeat(1001))),
                "An evidence note is at most 1000 characters");
    }

    @Test
    void aRatingPostedToAnotherLearnersAssessmentIdIsRefusedAndChangesNothing() {
        Member owner = learner("sa-crafted-owner", "link-sa-crafted-id");
        Page ownersArea = start(owner);
        Member ada = learner("sa-crafted-id", "link-sa-crafted-id");
        start(ada);

        Page refused = crafted(ada, ownersArea, "");

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.text()).contains("No such self-assessment");
        assertThat(owner.get(ownersArea.uri().getPath()).document().select("input[type=radio][checked]")).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------
    // The learner's CSV

    @Test
    void theLearnersCsvHasTheHeaderAndOneLinePerCompetencyWithFormulasNeutralised() {
        Member ada = learner("sa-csv-1", "link-sa-csv");
        Page area = start(ada);
        String key = SelfAssessor.competencies(area).iterator().next();
        Page review = rateWithANote(ada, area, "=HYPERLINK(\"http://evil.example\")");
        ada.follow(SelfAssessor.submit(ada.browser(), TOOL, ada.session(), review));

        Page csv = ada.get("/self-assessment/snapshots.csv");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("Learner,Snapshot,Submitted (UTC),Framework version,Area,"
                + "Competency key,Competency,Level,Level name,Target level,Gap,Evidence");
        assertThat(lines).hasSize(1 + COMPETENCIES);
        String line = lines.stream().filter(l -> l.contains("," + key + ",")).findFirst().orElseThrow();
        assertThat(line).endsWith(",\"'=HYPERLINK(\"\"http://evil.example\"\")\"");
        assertThat(lines.stream().skip(1)).noneMatch(l -> l.contains(",=") || l.contains(",\"="));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Beside the readiness quiz

    @Test
    void aLearnerWhoMissedQuizTopicsSeesThemBesideTheirSelfRating() {
        Member quiz = launch("sa-quiz-1", t -> t.roles(IdTokenBuilder.LEARNER)
                .with(LtiClaim.RESOURCE_LINK, Map.of("id", "link-sa-quiz-quiz", "title", "Readiness quiz"))
                .with(LtiClaim.CONTEXT, Map.of("id", "course-sa-quiz", "title", "Essentials (quiz)"))
                .with(LtiClaim.CUSTOM, Map.of("activity", "quiz")));
        Page answered = QuizTaker.takeTheQuiz(quiz.browser(), TOOL, quiz.session());
        assertThat(answered.text()).contains("Your result:");
        Member ada = launch("sa-quiz-1", at(IdTokenBuilder.LEARNER, "link-sa-quiz-sa", "course-sa-quiz"));

        Page result = assess(ada, 3);

        assertThat(result.text()).contains("Your self-rating beside the readiness quiz")
                .contains("You rated yourself Experienced in ").contains("the readiness quiz suggests revisiting ");
    }
}
