package com.essentialslti.system;

import com.essentialslti.system.QuizIT.Member;
import com.essentialslti.testing.Browser;
import com.essentialslti.testing.Browser.Page;
import com.essentialslti.testing.IdTokenBuilder;
import com.essentialslti.testing.PlatformSimulator;
import com.essentialslti.testing.SelfAssessor;
import com.nimbusds.jose.util.JSONObjectUtils;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trainer's pages of the course's framework on the real tool, over complete LTI launches: rewording, retiring
 * and restoring competencies and levels as new versions (a past snapshot keeps its words), the stale-page guard,
 * who may change what, and the Moodle CSV and CASE JSON export and import (preview, confirm once, problems with
 * their lines, hostile files). The launches are {@link SelfAssessmentIT}'s, on this class's platform simulator.
 */
@ExtendWith(ArquillianExtension.class)
class SelfAssessmentFrameworkIT {

    static final String TOOL = LaunchIT.TOOL;
    static final String FRAMEWORK = "/self-assessment/framework";

    static PlatformSimulator platform;

    @Deployment(testable = false)
    static WebArchive tool() {
        return SelfAssessmentIT.tool();
    }

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = new PlatformSimulator(28181, TOOL);
        SelfAssessmentIT.platform = platform;
    }

    @AfterAll
    static void stopPlatform() {
        SelfAssessmentIT.platform = null;
        platform.close();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Fixtures

    static Member trainer(String user, String course) {
        return SelfAssessmentIT.launch(user, SelfAssessmentIT.at(IdTokenBuilder.INSTRUCTOR, "link-" + course, course));
    }

    static Member learner(String user, String course) {
        return SelfAssessmentIT.launch(user, SelfAssessmentIT.at(IdTokenBuilder.LEARNER, "link-" + course, course));
    }

    static Page framework(Member trainer) {
        Page page = trainer.get(FRAMEWORK);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return page;
    }

    /** The framework version id the page's forms carry. */
    static String version(Page page) {
        return page.document().selectFirst("input[name=version]").val();
    }

    /** The rows of the page's list of versions. */
    static int versions(Page framework) {
        return framework.document().select("table:has(caption:contains(newest first)) tbody tr").size();
    }

    /** The competency keys of the framework page, in page order (each has an "Edit" link). */
    static List<String> keys(Page framework) {
        return framework.document().select("main a[href^=/self-assessment/framework/competency/]").stream()
                .map(a -> a.attr("href").replaceFirst("^/self-assessment/framework/competency/([^?]+)\\?.*$", "$1"))
                .toList();
    }

    /** The framework page's areas and their competencies' names (retired ones marked), in page order. */
    static Map<String, List<String>> areas(Page framework) {
        Map<String, List<String>> areas = new LinkedHashMap<>();
        for (Element area : framework.document().select("main h3")) {
            areas.put(area.text(), area.nextElementSibling().children().stream()
                    .map(li -> li.ownText().strip() + (li.selectFirst("strong") != null ? " (retired)" : ""))
                    .toList());
        }
        return areas;
    }

    /** A POST of one of the framework's small forms (retire, restore, a level) against the version given. */
    static Page change(Member trainer, String path, String version, String... fields) {
        StringBuilder body = new StringBuilder(SelfAssessmentIT.form("version", version));
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.append('&').append(SelfAssessmentIT.form(fields[i], fields[i + 1]));
        }
        return trainer.post(path, body.toString());
    }

    /** A change that must be saved: its redirect is followed to the framework page, which says so. */
    static Page changed(Member trainer, String path, String version, String... fields) {
        Page saved = trainer.follow(change(trainer, path, version, fields));
        assertThat(saved.text()).contains("Your change is saved as a new version of the framework.");
        return saved;
    }

    /** The names of the competencies a learner's first area page asks about. */
    static List<String> ratedOnTheFirstArea(Member learner) {
        return SelfAssessmentIT.start(learner).document().select("main .competency-name").eachText();
    }

    /** How many competencies the review lists once a learner has rated every one. */
    static int reviewed(Member learner) {
        Page review = SelfAssessor.rateEverything(learner.browser(), TOOL, learner.session(), key -> 2);
        assertThat(review.text()).contains("Review your self-assessment");
        return review.document().select("main h2 + ul > li").size();
    }

    static Page upload(Member trainer, String fileName, byte[] content) {
        return trainer.browser().postFile(TOOL + FRAMEWORK + "/import", Map.of("s", trainer.session()), "file",
                fileName, content);
    }

    static Browser.Form confirmation(Page preview) {
        return preview.form("form[action$=/import/confirm]");
    }

    static byte[] moodleSample() throws IOException {
        try (InputStream in = SelfAssessmentFrameworkIT.class.getResourceAsStream(
                "/selfassessment/moodle-framework-export.csv")) {
            return in.readAllBytes();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Changes, each a new version

    @Test
    void aRewordedCompetencyIsWhatTheNextAssessmentShowsWhileAnEarlierSnapshotKeepsItsWords() {
        String course = "course-saf-reword";
        Member trainer = trainer("saf-reword-trainer", course);
        String key = keys(framework(trainer)).get(0);
        Page form = trainer.get(FRAMEWORK + "/competency/" + key);
        assertThat(form.status()).isEqualTo(200);
        String oldName = form.document().selectFirst("input[name=name]").val();
        String newName = "Runs the portfolio's stage gates";
        Member ada = learner("saf-reword-1", course);
        Page snapshot = SelfAssessmentIT.assess(ada, 2);
        assertThat(snapshot.text()).contains(oldName);

        Browser.Form fields = form.form("form[action^=/self-assessment/framework/competency/]");
        Map<String, String> reworded = new LinkedHashMap<>(fields.fields());
        reworded.put("name", newName);
        reworded.put("description", "Decides with the board which projects go on.");
        Page saved = trainer.follow(trainer.browser().post(fields.action(), reworded));

        assertThat(saved.text()).contains("Your change is saved as a new version of the framework.")
                .contains(newName).contains("Reworded " + key);
        assertThat(trainer.get(FRAMEWORK + "/competency/" + key).document().selectFirst("textarea[name=description]")
                .text()).isEqualTo("Decides with the board which projects go on.");
        assertThat(ratedOnTheFirstArea(learner("saf-reword-2", course))).contains(newName).doesNotContain(oldName);
        Page before = ada.get(snapshot.uri().getPath());
        assertThat(before.text()).as("the snapshot keeps its version's words").contains(oldName)
                .doesNotContain(newName);
    }

    @Test
    void aCompetencyWithOneLevelLeftBlankComesBackWithItsProblemAndTheTrainersWords() {
        Member trainer = trainer("saf-blank-trainer", "course-saf-blank");
        Page before = framework(trainer);
        String key = keys(before).get(0);
        Browser.Form form = trainer.get(FRAMEWORK + "/competency/" + key)
                .form("form[action^=/self-assessment/framework/competency/]");
        Map<String, String> fields = new LinkedHashMap<>(form.fields());
        fields.put("name", "Kept as typed");
        fields.put("behaviour.2", " ");

        Page refused = trainer.browser().post(form.action(), fields);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("Describe the behaviour at each of the scale's");
        assertThat(refused.document().selectFirst("input[name=name]").val()).isEqualTo("Kept as typed");
        assertThat(versions(framework(trainer))).as("nothing saved").isEqualTo(versions(before));
    }

    @Test
    void aRetiredCompetencyIsNoLongerRatedAndARestoredOneIsAgain() {
        String course = "course-saf-retire";
        Member trainer = trainer("saf-retire-trainer", course);
        Page page = framework(trainer);
        String key = keys(page).get(1);
        int all = reviewed(learner("saf-retire-1", course));
        assertThat(all).isEqualTo(SelfAssessmentIT.COMPETENCIES);

        Page retired = changed(trainer, FRAMEWORK + "/competency/" + key + "/retire", version(page));

        assertThat(retired.document().select("main li:has(strong:containsOwn(retired))")).hasSize(1);
        assertThat(reviewed(learner("saf-retire-2", course))).isEqualTo(all - 1);

        changed(trainer, FRAMEWORK + "/competency/" + key + "/restore", version(retired));
        assertThat(reviewed(learner("saf-retire-3", course))).isEqualTo(all);
    }

    @Test
    void aLevelIsRenamedAndARetiredLevelIsNoLongerOffered() {
        String course = "course-saf-level";
        Member trainer = trainer("saf-level-trainer", course);
        Page page = framework(trainer);
        int levels = page.document().select("main form[action$=/retire][action*=/level/]").size();
        assertThat(levels).isGreaterThanOrEqualTo(3);

        Page renamed = changed(trainer, FRAMEWORK + "/level/2", version(page), "name", "Practising",
                "summary", "Does it with some help.");
        assertThat(renamed.document().selectFirst("input#level-name-2").val()).isEqualTo("Practising");
        assertThat(renamed.text()).contains("Renamed level 2");
        Page retired = changed(trainer, FRAMEWORK + "/level/" + levels + "/retire", version(renamed));
        assertThat(retired.document().select("main form[action$=/level/" + levels + "/restore]")).hasSize(1);

        Member ada = learner("saf-level-1", course);
        Page area = SelfAssessmentIT.start(ada);
        assertThat(area.document().select("main label strong").eachText()).contains("Practising:");
        assertThat(area.document().select("input[type=radio][value=" + levels + "]")).isEmpty();
        String first = SelfAssessor.competencies(area).iterator().next();
        Page refused = ada.post(area.uri().getPath(), SelfAssessmentIT.form("level." + first,
                String.valueOf(levels)) + "&go=next");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("Choose one of the levels offered");

        changed(trainer, FRAMEWORK + "/level/" + levels + "/restore", version(retired));
        assertThat(SelfAssessmentIT.start(learner("saf-level-2", course)).document()
                .select("input[type=radio][value=" + levels + "]")).isNotEmpty();
    }

    @Test
    void aChangeMadeOnAStalePageIsRefusedWithWordsAndChangesNothing() {
        String course = "course-saf-stale";
        Member trainer = trainer("saf-stale-trainer", course);
        Page stale = framework(trainer);
        String key = keys(stale).get(0);
        Page now = changed(trainer, FRAMEWORK + "/level/1", version(stale), "name", "Newcomer",
                "summary", "New to it.");
        assertThat(now.document().selectFirst("input#level-name-1").val()).isEqualTo("Newcomer");

        for (String path : List.of("/competency/" + key + "/retire", "/level/2/retire", "/level/1")) {
            Page refused = change(trainer, FRAMEWORK + path, version(stale), "name", "Beginner", "summary", "");
            assertThat(refused.status()).as(path).isEqualTo(409);
            assertThat(refused.text()).contains("The framework was changed by someone else meanwhile");
        }
        Map<String, String> reword = new LinkedHashMap<>(trainer.get(FRAMEWORK + "/competency/" + key)
                .form("form[action^=/self-assessment/framework/competency/]").fields());
        reword.put("version", version(stale));
        reword.put("name", "A stale rewording");
        assertThat(trainer.browser().post(TOOL + FRAMEWORK + "/competency/" + key, reword).status()).isEqualTo(409);

        assertUnchanged(trainer, now);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Who may change the framework

    @Test
    void aLearnerIsRefusedEveryFrameworkPageAndChange() throws IOException {
        String course = "course-saf-learner";
        Member trainer = trainer("saf-learner-trainer", course);
        Page page = framework(trainer);
        String version = version(page);
        String key = keys(page).get(0);
        String area = page.document().selectFirst("main a[href*=/framework/area/]").attr("href")
                .replaceFirst("^.*/area/([^/]+)/new.*$", "$1");
        Member ada = learner("saf-learner-1", course);

        for (String path : List.of(FRAMEWORK, FRAMEWORK + "/competency/" + key, FRAMEWORK + "/area/" + area + "/new",
                FRAMEWORK + "/import", FRAMEWORK + "/export.csv", FRAMEWORK + "/export.json")) {
            Page refused = ada.get(path);
            assertThat(refused.status()).as("GET " + path).isEqualTo(403);
            assertThat(refused.text()).as(path).contains("trainers");
        }
        for (String path : List.of("/competency/" + key, "/competency/" + key + "/retire",
                "/competency/" + key + "/restore", "/area/" + area + "/new", "/level/1", "/level/2/retire",
                "/level/2/restore")) {
            Page refused = change(ada, FRAMEWORK + path, version, "name", "Learner's words", "summary", "x",
                    "description", "x");
            assertThat(refused.status()).as("POST " + path).isEqualTo(403);
        }
        assertThat(upload(ada, "framework.csv", moodleSample()).status()).isEqualTo(403);
        assertThat(confirmedBy(ada, upload(trainer, "framework.csv", moodleSample())).status()).isEqualTo(403);

        assertUnchanged(trainer, page);
    }

    /** The confirmation of a trainer's preview, posted with another member's launch token. */
    static Page confirmedBy(Member other, Page preview) {
        assertThat(preview.status()).as(preview.text()).isEqualTo(200);
        Map<String, String> confirm = new LinkedHashMap<>(confirmation(preview).fields());
        confirm.put("s", other.session());
        return other.browser().post(TOOL + FRAMEWORK + "/import/confirm", confirm);
    }

    /** The course's framework is as the page {@code before} showed it: no new version, the same competencies. */
    static void assertUnchanged(Member trainer, Page before) {
        Page after = framework(trainer);
        assertThat(version(after)).as("nothing changed").isEqualTo(version(before));
        assertThat(versions(after)).isEqualTo(versions(before));
        assertThat(areas(after)).isEqualTo(areas(before));
        assertThat(after.document().selectFirst("input#level-name-1").val())
                .isEqualTo(before.document().selectFirst("input#level-name-1").val());
    }

    @Test
    void aTrainerOfAnotherCourseCannotChangeThisCoursesFramework() throws IOException {
        String course = "course-saf-owner";
        Member owner = trainer("saf-owner-trainer", course);
        Page page = framework(owner);
        String version = version(page);
        String key = keys(page).get(0);
        Member stranger = trainer("saf-stranger-trainer", "course-saf-stranger");

        for (String path : List.of("/competency/" + key + "/retire", "/level/2/retire", "/level/1")) {
            Page refused = change(stranger, FRAMEWORK + path, version, "name", "Stranger's words", "summary", "");
            assertThat(refused.status()).as(path).isBetween(400, 499);
        }
        assertThat(confirmedBy(stranger, upload(owner, "framework.csv", moodleSample())).status())
                .isBetween(400, 499);

        assertUnchanged(owner, page);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Export and import

    @Test
    void theMoodleCsvExportDownloadsAndImportsBackToTheSameCompetencies() {
        String course = "course-saf-csv";
        Member trainer = trainer("saf-csv-trainer", course);
        Page before = framework(trainer);

        Page csv = trainer.get(FRAMEWORK + "/export.csv");

        assertDownload(csv, "text/csv", "competency-framework.csv");
        assertThat(csv.body().lines().findFirst()).hasValueSatisfying(header -> assertThat(header)
                .startsWith("Parent ID number,ID number,Short name,Description,"));
        assertRoundTrip(trainer, before, "competency-framework.csv", csv.body(), "Moodle competency framework CSV");
    }

    @Test
    void theCaseJsonExportDownloadsAndImportsBackToTheSameCompetencies() throws Exception {
        String course = "course-saf-case";
        Member trainer = trainer("saf-case-trainer", course);
        Page before = framework(trainer);

        Page json = trainer.get(FRAMEWORK + "/export.json");

        assertDownload(json, "application/json", "competency-framework.case.json");
        assertThat(JSONObjectUtils.parse(json.body())).containsKeys("CFDocument", "CFItems", "CFAssociations");
        assertRoundTrip(trainer, before, "competency-framework.case.json", json.body(), "CASE 1.0 JSON");
    }

    static void assertDownload(Page download, String type, String fileName) {
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith(type));
        assertThat(download.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"" + fileName + "\"");
    }

    /**
     * Imports an export back: the preview saves nothing, the confirmation makes one new version with the same areas
     * and competencies, and a second confirmation of the same preview saves nothing more.
     */
    static void assertRoundTrip(Member trainer, Page before, String fileName, String export, String format) {
        Page preview = upload(trainer, fileName, export.getBytes(StandardCharsets.UTF_8));
        assertThat(preview.status()).as(preview.text()).isEqualTo(200);
        assertThat(preview.text()).contains("Preview: ").contains("This " + format + " file holds "
                + before.document().select("main a[href^=/self-assessment/framework/competency/]").size()
                + " competencies");
        assertThat(versions(framework(trainer))).as("the preview saves nothing").isEqualTo(versions(before));

        Page imported = trainer.follow(trainer.browser().submit(confirmation(preview)));

        assertThat(imported.text()).contains("Your change is saved as a new version of the framework.")
                .contains("Imported \"");
        assertThat(areas(imported)).as("the same competencies").isEqualTo(areas(before));
        assertThat(versions(imported)).isEqualTo(versions(before) + 1);

        Page again = trainer.browser().submit(confirmation(preview));
        assertThat(again.status()).as("a double click: the second confirmation finds the first").isEqualTo(303);
        assertThat(versions(framework(trainer))).as("confirmed once").isEqualTo(versions(before) + 1);
    }

    @Test
    void anImportedFrameworkIsWhatLearnersRateNext() throws IOException {
        String course = "course-saf-import";
        Member trainer = trainer("saf-import-trainer", course);
        Page preview = upload(trainer, "moodle-framework-export.csv", moodleSample());
        assertThat(preview.status()).as(preview.text()).isEqualTo(200);
        assertThat(preview.text()).contains("Preview: PMO Manager Competencies")
                .contains("Designs a governance framework");

        Page imported = trainer.follow(trainer.browser().submit(confirmation(preview)));

        assertThat(areas(imported)).containsEntry("Governance", List.of("Designs a governance framework",
                "Reports portfolio status")).containsEntry("Delivery support", List.of("Plans resources"));
        Member ada = learner("saf-import-1", course);
        Page area = SelfAssessmentIT.start(ada);
        assertThat(area.document().selectFirst("main h1").text()).endsWith("Governance");
        assertThat(area.document().select("main .competency-name").eachText())
                .containsExactly("Designs a governance framework", "Reports portfolio status");
        assertThat(area.document().select("main label strong").eachText()).contains("Not yet competent:",
                "Competent:", "Expert:");
    }

    @Test
    void aMoodleCsvWithProblemsShowsThemWithTheirLinesAndSavesNothing() throws IOException {
        String course = "course-saf-invalid";
        Member trainer = trainer("saf-invalid-trainer", course);
        Page before = framework(trainer);
        String sample = new String(moodleSample(), StandardCharsets.UTF_8);

        String thirdLevel = sample + "GOV-1,GOV-1-A,\"Runs one gate\",\"<p>Too deep.</p>\",1,,,,0,null,,46,,\n";
        Page refused = upload(trainer, "deep.csv", thirdLevel.getBytes(StandardCharsets.UTF_8));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("Nothing was saved").containsPattern("line 9: .*level 3");
        assertThat(refused.document().select("form[action$=/import/confirm]")).isEmpty();

        List<String> lines = sample.lines().toList();
        String noFramework = lines.get(0) + "\n" + String.join("\n", lines.subList(2, lines.size())) + "\n";
        Page noRow = upload(trainer, "no-framework.csv", noFramework.getBytes(StandardCharsets.UTF_8));
        assertThat(noRow.status()).isEqualTo(400);
        assertThat(noRow.text()).contains("the file has no framework row");

        assertThat(versions(framework(trainer))).as("nothing saved").isEqualTo(versions(before));
    }

    @Test
    void aHostileFileIsRefused() {
        Member trainer = trainer("saf-hostile-trainer", "course-saf-hostile");
        Page before = framework(trainer);

        Page large = upload(trainer, "large.csv", "x".repeat(760 * 1024).getBytes(StandardCharsets.UTF_8));
        assertThat(large.status()).isEqualTo(400);
        assertThat(large.text()).contains("The file is larger than 750 KB");

        Page deep = upload(trainer, "deep.json", ("{\"a\":" .repeat(20_000) + "1" + "}".repeat(20_000))
                .getBytes(StandardCharsets.UTF_8));
        assertThat(deep.status()).isEqualTo(400);
        assertThat(deep.text()).contains("levels deep").doesNotContain("Exception");

        assertThat(versions(framework(trainer))).as("nothing saved").isEqualTo(versions(before));
    }
}
