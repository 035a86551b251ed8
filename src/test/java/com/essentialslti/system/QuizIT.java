package com.essentialslti.system;

import com.essentialslti.lti.claims.LtiClaim;
import com.essentialslti.testing.Browser.Page;
import com.essentialslti.testing.Browser;
import com.essentialslti.testing.IdTokenBuilder;
import com.essentialslti.testing.PlatformSimulator;
import com.essentialslti.testing.QuizTaker;
import com.essentialslti.testing.SimulatedGradebook;
import com.nimbusds.jose.util.JSONObjectUtils;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The readiness quiz on the real tool (Payara Micro), reached through complete LTI launches from the platform
 * simulator: a learner's attempt from start to result, and who may reach what.
 */
@ExtendWith(ArquillianExtension.class)
class QuizIT {

    static final String TOOL = LaunchIT.TOOL;
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

    /** A learner, trainer or admin in a browser, launched at a quiz link. */
    record Member(Browser browser, String session, Page landing) {

        Page get(String path) {
            return browser.get(TOOL + path + (path.contains("?") ? "&" : "?") + "s=" + session);
        }

        Page post(String path, String body) {
            return browser.postRaw(TOOL + path, "application/x-www-form-urlencoded",
                    "s=" + session + (body.isEmpty() ? "" : "&" + body));
        }

        /** Follows a 303 to its page. */
        Page follow(Page redirect) {
            assertThat(redirect.status()).as(redirect.body()).isEqualTo(303);
            return browser.follow(redirect);
        }
    }

    static Member launch(String user, String role, String link, String course) {
        return launch(user, t -> t.roles(role).with(LtiClaim.RESOURCE_LINK, Map.of("id", link, "title",
                "Readiness quiz")).with(LtiClaim.CONTEXT, Map.of("id", course, "title", "Essentials " + course))
                .with(LtiClaim.CUSTOM, Map.of("activity", "quiz")));
    }

    static Member launch(String user, UnaryOperator<IdTokenBuilder> token) {
        Browser browser = new Browser();
        Page landing = LaunchIT.landing(browser, LaunchIT.launch(platform, browser, platform.loginFor(user), token));
        Element session = landing.document().selectFirst("input[name=s]");
        String value = session != null ? session.val() : landing.document()
                .selectFirst("script[src=/assets/page-address.js]").attr("data-address").replaceFirst(".*s=", "");
        return new Member(browser, value, landing);
    }

    static Member learner(String user, String link) {
        return launch(user, IdTokenBuilder.LEARNER, link, "course-quiz");
    }

    /** Starts (or resumes) and answers every question with the first option shown; returns the result page. */
    static Page takeTheQuiz(Member learner) {
        return QuizTaker.takeTheQuiz(learner.browser(), TOOL, learner.session());
    }

    @Test
    void aLearnerLaunchingAQuizLinkLandsOnTheQuizOverview() {
        Member pat = learner("quiz-overview-1", "link-overview");
        assertThat(pat.landing().text()).contains("Questions").contains("5").contains("Unlimited")
                .contains("Start the quiz");
    }

    @Test
    void aLearnerAnswersSubmitsAndSeesTheResultWithAVerdictAndTopics() {
        Page result = takeTheQuiz(learner("quiz-flow-1", "link-flow"));
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.text()).contains("Your result:").containsAnyOf("Ready for the course",
                "The course will fill these gaps", "Start with the course").contains("Your answers")
                .contains("(your answer)").contains("Next steps Talk to your trainer");
    }

    @Test
    void correctAnswersAndFeedbackNeverReachTheBrowserBeforeSubmitting() throws Exception {
        Member learner = learner("quiz-secret-1", "link-secret");
        List<String> feedback = shippedFeedback();
        Page question = learner.follow(learner.post("/quiz/start", ""));
        for (int n = 0; n < 5; n++) {
            String body = question.body();
            assertThat(feedback).noneMatch(body::contains);
            assertThat(question.document().select("[data-correct], .ok, .feedback")).isEmpty();
            question = learner.follow(learner.post(question.uri().getPath(), "go=next"));
        }
        assertThat(feedback).noneMatch(question.body()::contains);
    }

    @Test
    void goingToAnotherQuestionFromTheQuestionListSavesTheAnswerFirst() {
        Member learner = learner("quiz-list-1", "link-list");
        Page question = learner.follow(learner.post("/quiz/start", ""));
        String firstQuestion = question.uri().getPath();
        assertThat(question.document().select("nav button[name=go]")).extracting(b -> b.attr("value"))
                .contains("question-3").doesNotContain("question-1");

        Page third = learner.follow(learner.post(firstQuestion, "choice=1&go=question-3"));

        assertThat(third.uri().getPath()).isEqualTo(firstQuestion.replace("/question/1", "/question/3"));
        Page saved = learner.get(firstQuestion);
        assertThat(saved.document().selectFirst("input[name=choice][value=1]").hasAttr("checked")).isTrue();
    }

    @Test
    void closingTheIframeAndLaunchingAgainResumesTheAttemptWithItsAnswers() {
        Member first = learner("quiz-resume-1", "link-resume");
        Page question = first.follow(first.post("/quiz/start", ""));
        String firstQuestion = question.uri().getPath();
        first.follow(first.post(firstQuestion, "choice=1&go=next"));

        Member again = learner("quiz-resume-1", "link-resume");
        assertThat(again.landing().text()).contains("Continue your attempt");
        Page resumed = again.follow(again.post("/quiz/start", ""));
        assertThat(resumed.uri().getPath()).isEqualTo(firstQuestion.replace("/question/1", "/question/2"));
        Page saved = again.get(firstQuestion);
        assertThat(saved.document().selectFirst("input[name=choice][value=1]").hasAttr("checked")).isTrue();
    }

    @Test
    void submittingTwiceAtOnceGivesOneResult() throws Exception {
        Member learner = learner("quiz-double-1", "link-double");
        Page question = learner.follow(learner.post("/quiz/start", ""));
        String submit = question.uri().getPath().replaceFirst("/question/\\d+", "/submit");
        List<CompletableFuture<Page>> clicks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            clicks.add(CompletableFuture.supplyAsync(() -> learner.post(submit, "")));
        }
        for (CompletableFuture<Page> click : clicks) {
            assertThat(click.get().status()).isEqualTo(303);
            assertThat(click.get().location().orElseThrow()).contains(submit.replace("/submit", "/result"));
        }
        assertThat(learner.post(submit, "").status()).as("a replayed POST").isEqualTo(303);
        Page overview = learner.get("/quiz");
        assertThat(overview.document().select("table tbody tr")).hasSize(1);
    }

    @Test
    void whenTheTimeLimitRunsOutTheServerSubmitsWhatWasSaved() throws Exception {
        Member trainer = launch("quiz-time-trainer", IdTokenBuilder.INSTRUCTOR, "link-time", "course-quiz");
        trainer.post("/quiz/settings", "questionCount=3&attemptsAllowed=0&gradingMethod=HIGHEST&passMark=50"
                + "&readyMark=80&timeLimit=1&feedbackMode=IMMEDIATELY&shuffle=on");
        Member learner = learner("quiz-time-1", "link-time");
        Page question = learner.follow(learner.post("/quiz/start", ""));
        assertThat(question.text()).contains("Time left");
        String first = question.uri().getPath();
        learner.follow(learner.post(first, "choice=0&go=next"));

        Thread.sleep(61_000); // the shortest time limit a trainer can set is a minute
        Page late = learner.post(first.replace("/question/1", "/question/2"), "choice=0&go=next");

        assertThat(late.status()).isEqualTo(303);
        assertThat(late.location().orElseThrow()).contains("/result");
        Page result = learner.follow(late);
        assertThat(result.text()).contains("Your result:");
        assertThat(result.document().select("li:contains((your answer))")).as("only the answer saved in time")
                .hasSize(1);
    }

    @Test
    void aLearnerCannotOpenAnotherLearnersAttempt() {
        Member owner = learner("quiz-owner-1", "link-private");
        String attempt = owner.follow(owner.post("/quiz/start", "")).uri().getPath();
        Member other = learner("quiz-other-1", "link-private");
        assertThat(other.get(attempt).status()).isEqualTo(404);
        assertThat(other.post(attempt, "choice=0&go=next").status()).isEqualTo(404);
        assertThat(other.post(attempt.replaceFirst("/question/\\d+", "/submit"), "").status()).isEqualTo(404);
    }

    @Test
    void aLearnerCannotReachTheTrainersSettings() {
        Member learner = learner("quiz-nosettings-1", "link-guarded");
        Page refused = learner.post("/quiz/settings", "questionCount=1&attemptsAllowed=1&gradingMethod=HIGHEST"
                + "&passMark=0&readyMark=0&feedbackMode=IMMEDIATELY");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text()).contains("trainers");
    }

    @Test
    void aTrainerSeesSettingsAndResultsOfTheirLinkOnly() {
        takeTheQuiz(learner("quiz-results-a", "link-course-a"));
        takeTheQuiz(launch("quiz-results-b", IdTokenBuilder.LEARNER, "link-course-b", "course-b"));
        Member trainer = launch("quiz-trainer-a", IdTokenBuilder.INSTRUCTOR, "link-course-a", "course-quiz");
        assertThat(trainer.landing().text()).contains("Settings").contains("Results")
                .contains("Grades are not returned: the LMS did not enable grade services for this link");
        assertThat(trainer.landing().document().select("table tbody tr")).hasSize(1);
    }

    @Test
    void theResultsListShowsEachAttemptWithItsScoreAndVerdict() {
        Member learner = learner("quiz-results-two", "link-results-two");
        String first = takeTheQuiz(learner).document().selectFirst("h1").text().replace("Your result: ", "");
        String second = takeTheQuiz(learner).document().selectFirst("h1").text().replace("Your result: ", "");
        Member trainer = launch("quiz-results-trainer", IdTokenBuilder.INSTRUCTOR, "link-results-two", "course-quiz");

        List<String> attempts = trainer.landing().document().select("table tbody tr ul.attempts li").eachText();

        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0)).startsWith("Attempt 1: " + first + ", ").contains("(submitted ");
        assertThat(attempts.get(1)).startsWith("Attempt 2: " + second + ", ").contains("(submitted ");
    }

    @Test
    void aTrainerLimitsAttemptsAndTheLearnerIsToldWhenNoneIsLeft() {
        Member trainer = launch("quiz-limit-trainer", IdTokenBuilder.INSTRUCTOR, "link-limit", "course-quiz");
        Page saved = trainer.post("/quiz/settings", "questionCount=3&attemptsAllowed=1&gradingMethod=LATEST"
                + "&passMark=50&readyMark=80&timeLimit=&feedbackMode=IMMEDIATELY&closeAt=&shuffle=on");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.text()).contains("The settings are saved");

        Member learner = learner("quiz-limit-1", "link-limit");
        assertThat(learner.landing().text()).contains("0 of 1 used");
        takeTheQuiz(learner);
        Page again = learner.post("/quiz/start", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text()).contains("used all 1 attempts");
    }

    @Test
    void aGradingMethodTheFormDoesNotOfferIsRefusedInWords() {
        Member trainer = launch("quiz-bad-method", IdTokenBuilder.INSTRUCTOR, "link-bad-method", "course-quiz");
        Page refused = trainer.post("/quiz/settings", "questionCount=5&attemptsAllowed=0&gradingMethod=BEST"
                + "&passMark=50&readyMark=80&feedbackMode=IMMEDIATELY");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("Grading method: choose one of the options offered.")
                .doesNotContain("enum").doesNotContain("com.essentialslti");
    }

    @Test
    void settingsThatMakeNoSenseAreRefusedWithTheReason() {
        Member trainer = launch("quiz-bad-settings", IdTokenBuilder.INSTRUCTOR, "link-bad-settings", "course-quiz");
        Page refused = trainer.post("/quiz/settings", "questionCount=5&attemptsAllowed=0&gradingMethod=HIGHEST"
                + "&passMark=90&readyMark=60&feedbackMode=IMMEDIATELY");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("cannot be below the pass mark");
    }

    @Test
    void aTrainerChoosesTheQuizForALinkThePlatformDidNotSetUp() {
        Member trainer = launch("quiz-chooser", t -> t.roles(IdTokenBuilder.INSTRUCTOR)
                .with(LtiClaim.RESOURCE_LINK, Map.of("id", "link-unset", "title", "New link")));
        assertThat(trainer.landing().text()).contains("Choose this link's activity");
        Page chosen = trainer.follow(trainer.post("/home/activity", "activity=quiz"));
        assertThat(chosen.text()).contains("Settings").contains("Results");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Grades back to the LMS (Assignment and Grade Services)

    static Member learnerWithGrades(String user, String link, URI lineItem) {
        return withGrades(user, IdTokenBuilder.LEARNER, link, lineItem);
    }

    static Member trainerWithGrades(String user, String link, URI lineItem) {
        return withGrades(user, IdTokenBuilder.INSTRUCTOR, link, lineItem);
    }

    static Member withGrades(String user, String role, String link, URI lineItem) {
        return launch(user, t -> platform.withAgs(lineItem).apply(t.roles(role)
                .with(LtiClaim.RESOURCE_LINK, Map.of("id", link, "title", "Readiness quiz"))
                .with(LtiClaim.CONTEXT, Map.of("id", "course-grades", "title", "Essentials (grades)"))
                .with(LtiClaim.CUSTOM, Map.of("activity", "quiz"))));
    }

    static URI column(String link) {
        return platform.gradebook().addLineItem("Readiness quiz", 100, link, null, null);
    }

    static List<SimulatedGradebook.ScorePost> postsFor(String user, Duration within) throws InterruptedException {
        Instant until = Instant.now().plus(within);
        while (Instant.now().isBefore(until)) {
            List<SimulatedGradebook.ScorePost> posts = platform.gradebook().scorePosts().stream()
                    .filter(p -> p.body().contains("\"" + user + "\"") && p.status() < 300).toList();
            if (!posts.isEmpty()) {
                return posts;
            }
            Thread.sleep(50);
        }
        return List.of();
    }

    static double percentOn(Page result) {
        String heading = result.document().selectFirst("h1").text();
        return Double.parseDouble(heading.replaceAll(".*: ([0-9.]+)%.*", "$1"));
    }

    @Test
    void aSubmittedAttemptReachesTheGradebookAsAFullyGradedScoreForTheLaunchUser() throws Exception {
        URI lineItem = column("link-grades-1");
        Page result = takeTheQuiz(learnerWithGrades("grades-user-1", "link-grades-1", lineItem));

        List<SimulatedGradebook.ScorePost> posts = postsFor("grades-user-1", Duration.ofSeconds(10));
        assertThat(posts).hasSize(1);
        SimulatedGradebook.ScorePost post = posts.get(0);
        assertThat(post.contentType()).isEqualTo("application/vnd.ims.lis.v1.score+json");
        assertThat(post.url().toString()).isEqualTo(lineItem.toString().replace("/lineitem?", "/lineitem/scores?"));
        Map<String, Object> score = JSONObjectUtils.parse(post.body());
        assertThat(score).containsEntry("userId", "grades-user-1").containsEntry("activityProgress", "Completed")
                .containsEntry("gradingProgress", "FullyGraded");
        assertThat(((Number) score.get("scoreMaximum")).doubleValue()).isEqualTo(100.0);
        assertThat(((Number) score.get("scoreGiven")).doubleValue()).as("the result page rounds to 0.1")
                .isCloseTo(percentOn(result), org.assertj.core.data.Offset.offset(0.05));
        assertThat(Instant.parse((String) score.get("timestamp"))).isBefore(Instant.now().plusSeconds(1));
        assertThat(platform.gradebook().grade(lineItem, "grades-user-1")).isPresent();
    }

    @Test
    void theGradeSentIsTheOneTheGradingMethodGives() throws Exception {
        URI lineItem = column("link-grades-method");
        Member trainer = trainerWithGrades("grades-method-trainer", "link-grades-method", lineItem);
        trainer.post("/quiz/settings", "questionCount=50&attemptsAllowed=0&gradingMethod=AVERAGE&passMark=50"
                + "&readyMark=80&feedbackMode=IMMEDIATELY&shuffle=on");
        Member learner = learnerWithGrades("grades-method-user", "link-grades-method", lineItem);
        // The first attempt answers nothing (0%); its result shows the right answer to every question of the bank.
        String started = learner.follow(learner.post("/quiz/start", "")).uri().getPath();
        Page nothing = learner.follow(learner.post(started.replaceFirst("/question/\\d+", "/submit"), ""));
        Map<String, List<String>> right = rightAnswersOn(nothing);
        Page review = answerRightly(learner, right); // the second: 100%

        learner.follow(learner.post(review.uri().getPath().replace("/review", "/submit"), ""));

        assertThat(percentOn(learner.get(review.uri().getPath().replace("/review", "/result")))).isEqualTo(100.0);
        Instant until = Instant.now().plusSeconds(10);
        while (platform.gradebook().grade(lineItem, "grades-method-user").map(g -> g.value() != 50.0).orElse(true)
                && Instant.now().isBefore(until)) {
            Thread.sleep(50);
        }
        assertThat(platform.gradebook().grade(lineItem, "grades-method-user")).hasValueSatisfying(grade ->
                assertThat(grade.value()).as("the average of 0 and 100").isEqualTo(50.0));
    }

    /** The right options' texts of each question on a result page that shows them, by question text. */
    static Map<String, List<String>> rightAnswersOn(Page result) {
        Map<String, List<String>> right = new java.util.HashMap<>();
        for (org.jsoup.nodes.Element answer : result.document().select("section.answer")) {
            right.put(answer.selectFirst("p").text(), answer.select("li:has(span.ok)").stream()
                    .map(li -> li.ownText().strip()).toList());
        }
        return right;
    }

    /** Starts an attempt and ticks the right options of every question; returns the review page. */
    static Page answerRightly(Member learner, Map<String, List<String>> right) {
        Page page = learner.follow(learner.post("/quiz/start", ""));
        while (page.uri().getPath().contains("/question/")) {
            List<String> correct = right.get(page.document().selectFirst("legend").text());
            StringBuilder choices = new StringBuilder();
            for (org.jsoup.nodes.Element option : page.document().select("div.option")) {
                if (correct.contains(option.selectFirst("label").text())) {
                    choices.append("choice=").append(option.selectFirst("input").val()).append('&');
                }
            }
            page = learner.follow(learner.post(page.uri().getPath(), choices + "go=next"));
        }
        return page;
    }

    @Test
    void submittingTwiceAtOnceSendsOneScore() throws Exception {
        Member learner = learnerWithGrades("grades-double-user", "link-grades-double", column("link-grades-double"));
        Page review = QuizTaker.answerEverything(learner.browser(), TOOL, learner.session(), 0);
        String submit = review.uri().getPath().replace("/review", "/submit");
        List<CompletableFuture<Page>> clicks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            clicks.add(CompletableFuture.supplyAsync(() -> learner.post(submit, "")));
        }
        clicks.forEach(CompletableFuture::join);

        assertThat(postsFor("grades-double-user", Duration.ofSeconds(10))).hasSize(1);
        Thread.sleep(1500); // a second score would follow the first within the relay's next round
        assertThat(platform.gradebook().scorePosts()).filteredOn(p -> p.body().contains("\"grades-double-user\""))
                .hasSize(1);
    }

    @Test
    void withoutALineItemInTheLaunchTheToolCreatesOneForTheLink() throws Exception {
        takeTheQuiz(learnerWithGrades("grades-user-2", "link-grades-2", null));
        assertThat(postsFor("grades-user-2", Duration.ofSeconds(10))).hasSize(1);
        assertThat(platform.gradebook().lineItems()).anySatisfy(item -> {
            assertThat(item.resourceLinkId()).isEqualTo("link-grades-2");
            assertThat(item.scoreMaximum()).isEqualTo(100.0);
        });
    }

    @Test
    void whenTheLmsAnswers500TheScoreArrivesOnceItTakesItAgain() throws Exception {
        URI lineItem = column("link-grades-3");
        Member learner = learnerWithGrades("grades-user-3", "link-grades-3", lineItem);
        platform.gradebook().failNextScorePosts(2);
        takeTheQuiz(learner);
        assertThat(postsFor("grades-user-3", Duration.ofSeconds(20))).hasSize(1);
    }

    @Test
    void whenTheLmsIsDownTheTrainerSeesTheGradeWaitingAndItArrivesWhenTheLmsIsBack() throws Exception {
        URI lineItem = column("link-grades-4");
        Member learner = learnerWithGrades("grades-user-4", "link-grades-4", lineItem);
        platform.gradebook().down(true);
        try {
            takeTheQuiz(learner);
            Thread.sleep(1500);
            Member trainer = trainerWithGrades("grades-trainer-4", "link-grades-4", lineItem);
            assertThat(trainer.landing().text()).contains("Waiting");
            assertThat(postsFor("grades-user-4", Duration.ofMillis(200))).isEmpty();
        } finally {
            platform.gradebook().down(false);
        }
        assertThat(postsFor("grades-user-4", Duration.ofSeconds(20))).hasSize(1);
    }

    @Test
    void whenTheLmsRefusesTheToolsTokenRequestTheTrainerIsToldAndTheGradeArrivesOnceTheLmsTakesTheTool()
            throws Exception {
        URI lineItem = column("link-grades-9");
        Member learner = learnerWithGrades("grades-user-9", "link-grades-9", lineItem);
        platform.tokens().expireAllTokens(); // the tool must ask for a token again
        platform.tokens().failNext(3, 401); // as when the LMS cannot check the tool's key, or does not know it
        takeTheQuiz(learner);
        Thread.sleep(500);
        Member trainer = trainerWithGrades("grades-trainer-9", "link-grades-9", lineItem);

        assertThat(trainer.landing().text()).contains("the LMS refused the tool itself (HTTP 401)")
                .contains("check the tool's registration");
        assertThat(postsFor("grades-user-9", Duration.ofSeconds(30))).as("sent again by itself").hasSize(1);
    }

    @Test
    void whenTheLmsAnswersTooLateTheScoreIsSentAgainWithTheSameValueAndTimestamp() throws Exception {
        URI lineItem = column("link-grades-7");
        Member learner = learnerWithGrades("grades-user-7", "link-grades-7", lineItem);
        platform.gradebook().delay(Duration.ofSeconds(3)); // longer than the tool's AGS_TIMEOUT_SECONDS=2
        try {
            takeTheQuiz(learner);
            Thread.sleep(2500);
        } finally {
            platform.gradebook().delay(Duration.ZERO);
        }
        Instant until = Instant.now().plusSeconds(20);
        List<SimulatedGradebook.ScorePost> posts = List.of();
        while (Instant.now().isBefore(until)) {
            posts = platform.gradebook().scorePosts().stream()
                    .filter(p -> p.body().contains("\"grades-user-7\"")).toList();
            if (posts.size() >= 2) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(posts).as("the late answer, then the retry").hasSizeGreaterThanOrEqualTo(2);
        assertThat(posts).extracting(SimulatedGradebook.ScorePost::body).as("one value, one timestamp")
                .containsOnly(posts.get(0).body());
        assertThat(posts).extracting(SimulatedGradebook.ScorePost::status).contains(200, 409);
        assertThat(platform.gradebook().grade(lineItem, "grades-user-7")).isPresent();
    }

    @Test
    void aStaleAccessTokenIsRefreshedOnce() throws Exception {
        URI lineItem = column("link-grades-5");
        takeTheQuiz(learnerWithGrades("grades-user-5a", "link-grades-5", lineItem));
        assertThat(postsFor("grades-user-5a", Duration.ofSeconds(10))).hasSize(1);
        int tokensBefore = platform.tokens().tokenRequests();
        platform.tokens().expireAllTokens();

        takeTheQuiz(learnerWithGrades("grades-user-5b", "link-grades-5", lineItem));

        assertThat(postsFor("grades-user-5b", Duration.ofSeconds(10))).hasSize(1);
        assertThat(platform.tokens().tokenRequests()).isEqualTo(tokensBefore + 1);
    }

    @Test
    void aScoreTheLmsRefusesIsParkedWithItsAnswerForTheTrainerToSendAgain() throws Exception {
        URI lineItem = column("link-grades-6");
        platform.gradebook().ungradeable("grades-user-6");
        takeTheQuiz(learnerWithGrades("grades-user-6", "link-grades-6", lineItem));
        Member trainer = trainerOnceRefused("grades-trainer-6", "link-grades-6", lineItem);
        assertThat(trainer.landing().text()).contains("Refused by the LMS (HTTP 400)")
                .contains("Incorrect score received");
        assertThat(trainer.landing().document().select("form[action$=/send-again]")).hasSize(1);
    }

    /** A trainer launching the link until its page shows a score the LMS refused (at most 10 s). */
    static Member trainerOnceRefused(String user, String link, URI lineItem) throws InterruptedException {
        Member trainer = null;
        Instant until = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(until)) {
            trainer = trainerWithGrades(user, link, lineItem);
            if (trainer.landing().text().contains("Refused by the LMS")) {
                break;
            }
            Thread.sleep(200);
        }
        return trainer;
    }

    @Test
    void aTrainerSendsAParkedScoreAgainFromTheStaffPageAndItArrivesOnce() throws Exception {
        URI lineItem = column("link-grades-10");
        platform.gradebook().ungradeable("grades-user-10");
        Member learner = learnerWithGrades("grades-user-10", "link-grades-10", lineItem);
        takeTheQuiz(learner);
        Member trainer = trainerOnceRefused("grades-trainer-10", "link-grades-10", lineItem);
        Element form = trainer.landing().document().selectFirst("form[action$=/send-again]");
        assertThat(form).as(trainer.landing().text()).isNotNull();
        Member stranger = trainer("grades-stranger-10", "link-grades-stranger-10", "course-grades-stranger");

        assertOnlyItsTrainerSendsItAgain(platform.gradebook(), "grades-user-10", form.attr("action"), trainer,
                learner, stranger);

        assertThat(platform.gradebook().grade(lineItem, "grades-user-10")).isPresent();
        assertThat(trainerWithGrades("grades-trainer-10", "link-grades-10", lineItem).landing().text())
                .doesNotContain("Refused by the LMS");
    }

    /**
     * The trainer's "Send again" ({@code sendAgain}, a path) of a score the LMS refused for {@code user}, who is now
     * gradeable again: a learner and another course's trainer are refused and nothing is sent; the trainer's puts it
     * back in line and it reaches the gradebook once; sending it again, or a score that is not parked, is refused
     * in words.
     */
    static void assertOnlyItsTrainerSendsItAgain(SimulatedGradebook gradebook, String user, String sendAgain,
                                                 Member trainer, Member learner, Member stranger)
            throws InterruptedException {
        gradebook.gradeable(user);
        assertThat(learner.post(sendAgain, "").status()).as("a learner").isEqualTo(403);
        Page strangers = stranger.post(sendAgain, "");
        assertThat(strangers.status()).as("another course's trainer").isEqualTo(400);
        assertThat(strangers.text()).contains("That grade is not waiting for a resend");
        Thread.sleep(1000); // the relay would send it within its next round, had it been put back in line
        assertThat(taken(gradebook, user)).as("still parked").isEmpty();

        Page sent = trainer.post(sendAgain, "");

        assertThat(sent.status()).as(sent.text()).isEqualTo(303);
        assertThat(sent.location()).hasValueSatisfying(to -> assertThat(to).contains("s=" + trainer.session()));
        Instant until = Instant.now().plusSeconds(10);
        while (taken(gradebook, user).isEmpty() && Instant.now().isBefore(until)) {
            Thread.sleep(50);
        }
        Thread.sleep(1500);
        assertThat(taken(gradebook, user)).as("taken once").hasSize(1);
        Page again = trainer.post(sendAgain, "");
        assertThat(again.status()).as("no longer parked").isEqualTo(400);
        assertThat(again.text()).contains("That grade is not waiting for a resend");
        Page unknown = trainer.post("/grades/" + java.util.UUID.randomUUID() + "/send-again", "");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text()).contains("That grade is not waiting for a resend");
    }

    static List<SimulatedGradebook.ScorePost> taken(SimulatedGradebook gradebook, String user) {
        return gradebook.scorePosts().stream().filter(p -> p.body().contains("\"" + user + "\"")
                && p.status() < 300).toList();
    }

    /** A request to the operator API, with {@code Authorization: Bearer <token>} unless the token is null. */
    static Page operator(String method, String path, String token) {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(URI.create(TOOL + path))
                .method(method, java.net.http.HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return new Browser().send(request);
    }

    /** The operator's list entry for a learner's parked score, once the relay has parked it. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> parkedScoreOf(String user, Duration within) throws Exception {
        Instant until = Instant.now().plus(within);
        while (Instant.now().isBefore(until)) {
            Page list = operator("GET", "/admin/grades/parked", "it-operator-token-of-at-least-32-chars");
            assertThat(list.status()).as(list.body()).isEqualTo(200);
            for (Object each : (List<Object>) JSONObjectUtils.parse(list.body()).get("parked")) {
                Map<String, Object> parked = (Map<String, Object>) each;
                if (user.equals(parked.get("subject"))) {
                    return parked;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no parked score of " + user + " in the operator's list");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOperatorSeesAScoreTheLmsRefusedWithItsAnswerAndSendsItAgainOnceTheLmsTakesIt() throws Exception {
        assertThat(operator("GET", "/admin/grades/parked", null).status()).isEqualTo(401);
        Page wrongToken = operator("GET", "/admin/grades/parked", "not-the-token");
        assertThat(wrongToken.status()).isEqualTo(401);
        assertThat(wrongToken.body()).contains("\"error\":\"unauthorized\"");
        URI lineItem = column("link-grades-8");
        platform.gradebook().ungradeable("grades-user-8");
        takeTheQuiz(learnerWithGrades("grades-user-8", "link-grades-8", lineItem));

        Map<String, Object> parked = parkedScoreOf("grades-user-8", Duration.ofSeconds(10));

        assertThat(parked).containsEntry("lms_status", 400L).containsEntry("lineitem", lineItem.toString());
        assertThat((String) parked.get("lms_answer")).contains("Incorrect score received");
        assertThat((Map<String, Object>) parked.get("platform")).containsEntry("issuer", PlatformSimulator.ISSUER);
        assertThat((Map<String, Object>) parked.get("course")).containsEntry("context_id", "course-grades");
        assertThat((Map<String, Object>) parked.get("resource_link")).containsEntry("id", "link-grades-8")
                .containsEntry("title", "Readiness quiz");
        String sendAgain = "/admin/grades/parked/" + parked.get("id") + "/send-again";
        assertThat(operator("POST", sendAgain, null).status()).isEqualTo(401);
        assertThat(postsFor("grades-user-8", Duration.ofMillis(200))).isEmpty();

        platform.gradebook().gradeable("grades-user-8");
        Page sent = operator("POST", sendAgain, "it-operator-token-of-at-least-32-chars");

        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(JSONObjectUtils.parse(sent.body())).containsEntry("state", "WAITING");
        assertThat(postsFor("grades-user-8", Duration.ofSeconds(10))).hasSize(1);
        assertThat(platform.gradebook().grade(lineItem, "grades-user-8")).isPresent();
        Page again = operator("POST", sendAgain, "it-operator-token-of-at-least-32-chars");
        assertThat(again.status()).as("no longer parked").isEqualTo(404);
        assertThat(again.body()).contains("\"error\":\"no_such_parked_score\"");
    }

    // ---------------------------------------------------------------------------------------------------------
    // The question bank

    static Member trainer(String user, String link, String course) {
        return launch(user, IdTokenBuilder.INSTRUCTOR, link, course);
    }

    static String newQuestion(String topic, String text, String type, String... optionsThenCorrect) {
        StringBuilder body = new StringBuilder("topic=" + Browser.encode(Map.of("t", topic)).substring(2)
                + "&type=" + type + "&difficulty=EASY&text=" + Browser.encode(Map.of("t", text)).substring(2));
        for (String option : optionsThenCorrect) {
            body.append(option.startsWith("correct=") ? "&" + option
                    : "&option=" + Browser.encode(Map.of("t", option)).substring(2) + "&feedback=Because.");
        }
        return body.toString();
    }

    @Test
    void aTrainerWritesAQuestionAndFindsItInTheCoursesBank() {
        Member trainer = trainer("bank-trainer-1", "link-bank-1", "course-bank-1");
        Page saved = trainer.follow(trainer.post("/quiz/bank", newQuestion("Stakeholders",
                "Who owns a benefit?", "SINGLE", "The business", "The PMO", "correct=0")));
        assertThat(saved.text()).contains("The question is saved").contains("Who owns a benefit?")
                .contains("Stakeholders");
    }

    @Test
    void aQuestionThatBreaksTheRulesOfItsTypeIsRefusedWithTheReasonAndTheFormKeepsItsText() {
        Member trainer = trainer("bank-trainer-2", "link-bank-2", "course-bank-2");
        Page refused = trainer.post("/quiz/bank", newQuestion("Roles", "Pick one", "SINGLE", "A", "B",
                "correct=0", "correct=1"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("exactly one correct");
        assertThat(refused.document().selectFirst("textarea[name=text]").text()).isEqualTo("Pick one");
    }

    @Test
    void editingAQuestionNeverChangesAPastResult() {
        Member trainer = trainer("bank-trainer-3", "link-bank-3", "course-bank-3");
        trainer.post("/quiz/settings", "questionCount=50&attemptsAllowed=0&gradingMethod=HIGHEST&passMark=50"
                + "&readyMark=80&feedbackMode=IMMEDIATELY&shuffle=on");
        Member learner = launch("bank-learner-3", IdTokenBuilder.LEARNER, "link-bank-3", "course-bank-3");
        Page result = takeTheQuiz(learner);
        // A question answered wrongly, so that its topic is among the topics to work on.
        String anyQuestion = result.document().select("section.answer").stream()
                .filter(answer -> answer.selectFirst("h3").text().contains("not correct"))
                .findFirst().orElseThrow().selectFirst("p").text();
        String weakTopics = result.document().select("h2:contains(Topics to work on) + ul").text();

        Page bank = trainer.get("/quiz/bank");
        String editPath = bank.document().select("tr").stream()
                .filter(row -> row.text().startsWith(anyQuestion.substring(0, Math.min(60, anyQuestion.length()))))
                .findFirst().orElseThrow().selectFirst("a[href*=/edit]").attr("href").replaceFirst("\\?.*", "");
        Page form = trainer.get(editPath);
        String body = "topic=Edited&type=SINGLE&difficulty=HARD&text=A+rewritten+question"
                + "&option=Yes&feedback=&option=No&feedback=&correct=0";
        assertThat(trainer.post(editPath.replace("/edit", ""), body).status()).isEqualTo(303);
        assertThat(form.status()).isEqualTo(200);

        Page again = learner.get(result.uri().getPath());
        assertThat(again.text()).contains(anyQuestion).doesNotContain("A rewritten question");
        assertThat(again.document().select("h2:contains(Topics to work on) + ul").text()).isEqualTo(weakTopics)
                .doesNotContain("Edited");
        assertThat(trainer.get("/quiz/bank").text()).contains("A rewritten question").contains("version 2");
    }

    @Test
    void aRetiredQuestionIsNoLongerDrawn() {
        Member trainer = trainer("bank-trainer-4", "link-bank-4", "course-bank-4");
        trainer.post("/quiz/settings", "questionCount=50&attemptsAllowed=0&gradingMethod=HIGHEST&passMark=50"
                + "&readyMark=80&feedbackMode=IMMEDIATELY&shuffle=on");
        Page bank = trainer.get("/quiz/bank");
        Element first = bank.document().select("tbody tr").first();
        String retiredText = first.selectFirst("td").text();
        trainer.follow(trainer.post(first.selectFirst("form[action$=/retire]").attr("action"), ""));

        Page result = takeTheQuiz(launch("bank-learner-4", IdTokenBuilder.LEARNER, "link-bank-4", "course-bank-4"));
        String prefix = retiredText.endsWith("...") ? retiredText.substring(0, retiredText.length() - 3) : retiredText;
        assertThat(result.document().select("section.answer p").eachText()).noneMatch(t -> t.startsWith(prefix));
        assertThat(result.document().select("section.answer")).hasSizeGreaterThanOrEqualTo(25);
    }

    @Test
    void aLearnerCannotReachTheQuestionBank() {
        Member learner = learner("bank-learner-5", "link-bank-5");
        assertThat(learner.get("/quiz/bank").status()).isEqualTo(403);
        assertThat(learner.post("/quiz/bank", newQuestion("X", "Y", "SINGLE", "a", "b", "correct=0")).status())
                .isEqualTo(403);
    }

    @Test
    void aLearnerCannotImportNorExportQuestions() {
        Member learner = learner("bank-learner-7", "link-bank-7");
        assertThat(learner.get("/quiz/bank/import").status()).isEqualTo(403);
        assertThat(upload(learner, "questions.gift", GIFT).status()).isEqualTo(403);
        assertThat(learner.post("/quiz/bank/import/confirm", "format=GIFT&importId=" + java.util.UUID.randomUUID()
                + "&content=" + java.util.Base64.getUrlEncoder().encodeToString(GIFT.getBytes(
                java.nio.charset.StandardCharsets.UTF_8))).status()).isEqualTo(403);
        assertThat(learner.get("/quiz/bank/export.gift").status()).isEqualTo(403);
        assertThat(learner.get("/quiz/bank/export.xml").status()).isEqualTo(403);
    }

    @Test
    void aTrainerOfAnotherCourseCannotTouchThisCoursesQuestions() {
        Member owner = trainer("bank-trainer-6", "link-bank-6", "course-bank-6");
        String retire = owner.get("/quiz/bank").document().select("form[action$=/retire]").first().attr("action");
        Member stranger = trainer("bank-trainer-7", "link-bank-7", "course-bank-7");
        assertThat(stranger.post(retire, "").status()).isEqualTo(404);
        assertThat(stranger.get(retire.replace("/retire", "/preview")).status()).isEqualTo(404);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Import and export

    static Page upload(Member trainer, String fileName, String content) {
        return trainer.browser().postFile(TOOL + "/quiz/bank/import", Map.of("s", trainer.session()), "file",
                fileName, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static int bankSize(Member trainer) {
        return trainer.get("/quiz/bank").document().select("tbody tr").size();
    }

    static final String GIFT = """
            // two questions for the import test
            $CATEGORY: $course$/top/Imported governance

            ::Gate:: Who decides at a stage gate? {=The sponsor or board#Yes. ~The PMO#No, it advises.}

            ::Catalogue:: A service catalogue lists what the PMO offers. {T}
            """;

    @Test
    void anImportIsPreviewedAndSavesNothingUntilTheTrainerConfirms() {
        Member trainer = trainer("import-trainer-1", "link-import-1", "course-import-1");
        int before = bankSize(trainer);
        Page preview = upload(trainer, "questions.gift", GIFT);
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.text()).contains("Preview: 2 questions").contains("Who decides at a stage gate?")
                .contains("Imported governance");
        assertThat(bankSize(trainer)).isEqualTo(before);

        Page bank = trainer.follow(trainer.browser().submit(preview.form()));
        assertThat(bank.text()).contains("The questions are imported").contains("Who decides at a stage gate?");
        assertThat(bankSize(trainer)).isEqualTo(before + 2);
    }

    @Test
    void aFileJustUnderTheUploadCapIsImportedAfterItsPreview() {
        Member trainer = trainer("import-trainer-large", "link-import-large", "course-import-large");
        int before = bankSize(trainer);
        // Question marks: their base64 is full of the / that a form encoding triples.
        StringBuilder gift = new StringBuilder();
        for (int i = 0; gift.length() < 740 * 1024; i++) {
            gift.append("::Large ").append(i).append(":: Is it so").append("?".repeat(990)).append(" {T}\n\n");
        }
        int questions = gift.toString().split("\n\n").length;
        Page preview = upload(trainer, "large.gift", gift.toString());
        assertThat(preview.status()).as(preview.text()).isEqualTo(200);

        Page confirmed = trainer.browser().submit(preview.form());

        assertThat(confirmed.status()).isEqualTo(303);
        assertThat(bankSize(trainer)).isEqualTo(before + questions);
    }

    @Test
    void aFileWithThousandsOfProblemsListsTheFirstTwoHundred() {
        Member trainer = trainer("import-trainer-many", "link-import-many", "course-import-many");

        Page refused = upload(trainer, "many.gift", "::Q:: Who? {~A ~B}\n\n".repeat(900));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.document().select("li:contains(has no correct answer)")).hasSize(200);
        assertThat(refused.text()).contains("and 700 more problems");
    }

    @Test
    void confirmingTheSamePreviewTwiceImportsOnce() {
        Member trainer = trainer("import-trainer-twice", "link-import-twice", "course-import-twice");
        int before = bankSize(trainer);
        Page preview = upload(trainer, "questions.gift", GIFT);

        CompletableFuture<Page> first = CompletableFuture.supplyAsync(() -> trainer.browser().submit(preview.form()));
        CompletableFuture<Page> second = CompletableFuture.supplyAsync(() -> trainer.browser().submit(preview.form()));

        assertThat(List.of(first.join().status(), second.join().status())).as("a double click").containsOnly(303);
        assertThat(bankSize(trainer)).isEqualTo(before + 2);
    }

    @Test
    void aFileWithProblemsIsRefusedWithLineNumbersAndNothingIsSaved() {
        Member trainer = trainer("import-trainer-2", "link-import-2", "course-import-2");
        int before = bankSize(trainer);
        Page refused = upload(trainer, "questions.gift", GIFT + "\n::Broken:: Who leads? {~A ~B}\n");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("Nothing was saved").containsPattern("line \\d+");
        assertThat(bankSize(trainer)).isEqualTo(before);
    }

    @Test
    void aMixedFileListsTheQuestionsItSkipsAndWhyAndImportsTheRest() {
        Member trainer = trainer("import-trainer-mixed", "link-import-mixed", "course-import-mixed");
        int before = bankSize(trainer);
        Page preview = upload(trainer, "questions.gift", GIFT + "\n::Essay:: Describe your PMO. {}\n");
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.text()).contains("Questions skipped").contains("Preview: 2 questions")
                .containsPattern("line \\d+: question 'Essay': an empty answer block \\{\\} is an essay question");

        trainer.browser().submit(preview.form());

        assertThat(bankSize(trainer)).isEqualTo(before + 2);
    }

    @Test
    void theSameFileImportedAgainIsSaidToBeInTheBankAndLeftOut() {
        Member trainer = trainer("import-trainer-again", "link-import-again", "course-import-again");
        trainer.browser().submit(upload(trainer, "questions.gift", GIFT).form());
        int before = bankSize(trainer);

        Page again = upload(trainer, "questions.gift", GIFT);
        assertThat(again.text()).contains("2 of these questions are already in the bank");
        trainer.browser().submit(again.form());

        assertThat(bankSize(trainer)).isEqualTo(before);
    }

    @Test
    void textThatLooksLikeMarkupArrivesAsWrittenAndIsShownEscaped() {
        Member trainer = trainer("import-trainer-text", "link-import-text", "course-import-text");
        Page preview = upload(trainer, "questions.gift",
                "::T:: [html]<p>Which is <b>bold</b> &amp; &lt;escaped&gt;?</p><p>Second line</p> {=&lt;A&gt; ~B}\n");
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.text()).contains("Which is bold & <escaped>?").contains("<A>");
        assertThat(preview.body()).contains("&lt;escaped&gt;").doesNotContain("<escaped>").doesNotContain("<A>");
        trainer.browser().submit(preview.form());

        String exported = trainer.get("/quiz/bank/export.xml").body();
        assertThat(exported).contains("Which is bold &amp; &lt;escaped&gt;?<br><br>Second line", "&lt;A&gt;");
    }

    @Test
    void aMoodleXmlFileWithAnExternalEntityIsRefusedAndNothingIsRead() {
        Member trainer = trainer("import-trainer-3", "link-import-3", "course-import-3");
        Page refused = upload(trainer, "evil.xml", """
                <?xml version="1.0"?>
                <!DOCTYPE quiz [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <quiz><question type="truefalse"><name><text>&xxe;</text></name>
                <questiontext><text>&xxe;</text></questiontext>
                <answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer>
                </question></quiz>
                """);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("DTD").doesNotContain("root:");
    }

    @Test
    void scriptInAnImportedQuestionIsNeverKeptNorRun() {
        Member trainer = trainer("import-trainer-4", "link-import-4", "course-import-4");
        Page preview = upload(trainer, "questions.gift",
                "::X:: [html]<p>Which is right?<script>alert('x')</script></p> {=<b>This</b> ~That}\n");
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.body()).doesNotContain("<script>alert").doesNotContain("alert('x')");
        assertThat(preview.text()).contains("Which is right?");
    }

    @Test
    void theBankExportsAsGiftAndAsMoodleXml() {
        Member trainer = trainer("import-trainer-5", "link-import-5", "course-import-5");
        Page gift = trainer.get("/quiz/bank/export.gift");
        assertThat(gift.status()).isEqualTo(200);
        assertThat(gift.headers().firstValue("Content-Disposition")).hasValueSatisfying(v ->
                assertThat(v).contains("attachment"));
        assertThat(gift.body()).contains("$CATEGORY").contains("{");
        Page xml = trainer.get("/quiz/bank/export.xml");
        assertThat(xml.status()).isEqualTo(200);
        assertThat(xml.body()).contains("<quiz>").contains("type=\"multichoice\"");
    }

    private static List<String> shippedFeedback() throws Exception {
        try (var in = QuizIT.class.getResourceAsStream("/quiz/default-bank.json")) {
            Map<String, Object> bank = JSONObjectUtils.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<String> feedback = new ArrayList<>();
            for (Object q : (List<?>) bank.get("questions")) {
                for (Object o : (List<?>) ((Map<?, ?>) q).get("options")) {
                    feedback.add((String) ((Map<?, ?>) o).get("feedback"));
                }
            }
            return feedback;
        }
    }
}
