package com.essentialslti.system;

import com.essentialslti.lti.claims.LtiClaim;
import com.essentialslti.testing.Browser;
import com.essentialslti.testing.Browser.Page;
import com.essentialslti.testing.IdTokenBuilder;
import com.essentialslti.testing.PlatformSimulator;
import com.essentialslti.testing.SelfAssessor;
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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The self-assessment's class view on the real tool (Payara Micro), reached through complete LTI launches from
 * the platform simulator: three learners launch, two submit, and the trainer reads the class, a learner's history
 * and the CSV; learners and a trainer of another course reach none of it.
 */
@ExtendWith(ArquillianExtension.class)
class SelfAssessmentClassIT {

    static final String TOOL = LaunchIT.TOOL;
    static final String LINK = "sa-class-link";
    static final String COURSE = "sa-class-course";
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

    /** A member in a browser, launched at a self-assessment link. */
    record Member(Browser browser, String session, Page landing) {

        Page get(String path) {
            return browser.get(TOOL + path + (path.contains("?") ? "&" : "?") + "s=" + session);
        }

        SelfAssessor assessor() {
            return new SelfAssessor(browser, TOOL, session);
        }
    }

    static Member launch(String user, String name, String role, String link, String course) {
        Browser browser = new Browser();
        Page landing = LaunchIT.landing(browser, LaunchIT.launch(platform, browser, platform.loginFor(user),
                t -> t.roles(role).with("name", name)
                        .with(LtiClaim.RESOURCE_LINK, Map.of("id", link, "title", "Competency self-assessment"))
                        .with(LtiClaim.CONTEXT, Map.of("id", course, "title", "Essentials " + course))
                        .with(LtiClaim.CUSTOM, Map.of("activity", "self-assessment"))));
        Element form = landing.document().selectFirst("input[name=s]");
        String session = form != null ? form.val() : landing.document()
                .selectFirst("script[src=/assets/page-address.js]").attr("data-address").replaceFirst(".*s=", "");
        return new Member(browser, session, landing);
    }

    /** One class for every test: Ann submits twice (1 then 3), Bob once (2), Cat only launches. */
    static final class TheClass {
        static final Member TRAINER;
        static final Member CAT;
        static final String ANN_ID;

        static {
            Member ann = launch("sa-ann", "Ann Able", IdTokenBuilder.LEARNER, LINK, COURSE);
            ann.assessor().takeIt(1);
            ann.assessor().takeIt(3);
            launch("sa-bob", "Bob Baker", IdTokenBuilder.LEARNER, LINK, COURSE).assessor().takeIt(2);
            CAT = launch("sa-cat", "Cat Cole", IdTokenBuilder.LEARNER, LINK, COURSE);
            TRAINER = launch("sa-trainer", "Tia Trainer", IdTokenBuilder.INSTRUCTOR, LINK, COURSE);
            ANN_ID = TRAINER.get("/self-assessment/class").document().select("table.class-table tbody th a")
                    .stream().filter(a -> a.text().equals("Ann Able")).findFirst().orElseThrow().attr("href")
                    .replaceFirst(".*/learner/", "").replaceFirst("\\?.*", "");
        }
    }

    @Test
    void theTrainersPageLinksTheClassView() {
        Element link = TheClass.TRAINER.landing().document().selectFirst("a[href^=/self-assessment/class?]");
        assertThat(link).isNotNull();
    }

    @Test
    void theTrainerSeesTheHeatMapWithATitleADescriptionAndALegendInWords() {
        Page page = TheClass.TRAINER.get("/self-assessment/class");

        assertThat(page.status()).isEqualTo(200);
        Element svg = page.document().selectFirst("figure.heatmap svg");
        assertThat(svg.attr("role")).isEqualTo("img");
        assertThat(svg.selectFirst("title").text()).contains("latest self-assessments");
        assertThat(svg.selectFirst("desc").text()).contains("2 learners");
        assertThat(svg.select("text").eachText()).contains("Ann Able", "Bob Baker", "3.0 ✓", "2.0 ↓");
        assertThat(page.document().select("ul.legend li").eachText()).anySatisfy(t ->
                assertThat(t).contains("↓↓").contains("more than 1 level"));
    }

    @Test
    void theTableGivesEachLearnersLatestFiguresByArea() {
        Page page = TheClass.TRAINER.get("/self-assessment/class");

        List<Element> rows = page.document().select("table.class-table tbody tr");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).selectFirst("th[scope=row]").text()).isEqualTo("Ann Able");
        List<String> cells = rows.get(0).select("td").eachText();
        assertThat(cells).contains("3.0 ✓");
        assertThat(cells.get(cells.size() - 2)).as("the snapshots").startsWith("2, latest ");
        assertThat(cells.get(cells.size() - 1)).as("the grade in the LMS: these launches offer no grade service")
                .isEqualTo("Not sent (no grade service)");
        assertThat(rows.get(1).select("td").eachText()).contains("2.0 ↓");
        assertThat(page.document().select("table.class-table thead th[scope=col]")).hasSizeGreaterThan(8);
    }

    @Test
    void theClassAverageAndTheAreasWithGapsAreShown() {
        Page page = TheClass.TRAINER.get("/self-assessment/class");

        assertThat(page.document().select("table.averages tbody tr")).hasSizeGreaterThan(8);
        assertThat(page.document().select("table.averages tbody td").eachText()).contains("2.5");
        assertThat(page.document().select("ol.gaps li")).isNotEmpty()
                .allSatisfy(li -> assertThat(li.text()).contains("1 learner below the target"));
    }

    @Test
    void theLearnerWhoLaunchedAndDidNotStartIsListed() {
        Page page = TheClass.TRAINER.get("/self-assessment/class");

        assertThat(page.document().select("ul.not-started li").eachText()).containsExactly("Cat Cole");
    }

    @Test
    void theTrainerReadsALearnersHistoryAndProfile() {
        Page page = TheClass.TRAINER.get("/self-assessment/learner/" + TheClass.ANN_ID);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().selectFirst("h1").text()).contains("Ann Able");
        assertThat(page.document().select("table.history tbody tr")).hasSize(2);
        assertThat(page.document().select("table.history tbody tr").get(0).select("td").eachText())
                .containsOnly("1.0");
        assertThat(page.document().selectFirst("figure.chart svg title").text()).contains("Ann Able");
        assertThat(page.document().select("ul.strengths li")).isNotEmpty();
    }

    @Test
    void theCsvHoldsEverySnapshotOfTheClass() {
        Page csv = TheClass.TRAINER.get("/self-assessment/class.csv");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).startsWith("Learner,Snapshot,Submitted (UTC)");
        long perSnapshot = lines.stream().filter(l -> l.startsWith("Bob Baker,1,")).count();
        assertThat(perSnapshot).isGreaterThan(30);
        assertThat(lines.stream().filter(l -> l.startsWith("Ann Able,1,"))).hasSize((int) perSnapshot);
        assertThat(lines.stream().filter(l -> l.startsWith("Ann Able,2,"))).hasSize((int) perSnapshot);
        assertThat(lines).hasSize(1 + 3 * (int) perSnapshot);
    }

    @Test
    void aLearnerGetsA403OnEveryClassPage() {
        for (String path : List.of("/self-assessment/class", "/self-assessment/class.csv",
                "/self-assessment/learner/" + TheClass.ANN_ID)) {
            assertThat(TheClass.CAT.get(path).status()).as(path).isEqualTo(403);
        }
    }

    @Test
    void aTrainerOfAnotherCourseSeesNoneOfThisClass() {
        Member other = launch("sa-other-trainer", "Otto Other", IdTokenBuilder.INSTRUCTOR, "sa-other-link",
                "sa-other-course");

        Page classView = other.get("/self-assessment/class");
        assertThat(classView.status()).isEqualTo(200);
        assertThat(classView.text()).doesNotContain("Ann Able").doesNotContain("Bob Baker").doesNotContain("Cat Cole");
        assertThat(other.get("/self-assessment/learner/" + TheClass.ANN_ID).status()).isEqualTo(404);
        assertThat(other.get("/self-assessment/class.csv").body().lines()).hasSize(1);
    }

    @Test
    void anUnknownLearnerIsA404() {
        assertThat(TheClass.TRAINER.get("/self-assessment/learner/no-such-user").status()).isEqualTo(404);
    }
}
