package com.essentialslti.system;

import com.essentialslti.lti.claims.LtiClaim;
import com.essentialslti.testing.IdTokenBuilder;
import com.essentialslti.testing.PlatformSimulator;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.essentialslti.system.QuizBrowserIT.assertAccessible;
import static com.essentialslti.system.QuizBrowserIT.assertFocusVisible;
import static com.essentialslti.system.QuizBrowserIT.awaitHeading;
import static com.essentialslti.system.QuizBrowserIT.awaitPage;
import static com.essentialslti.system.QuizBrowserIT.clickButton;
import static com.essentialslti.system.QuizBrowserIT.focused;
import static com.essentialslti.system.QuizBrowserIT.heading;
import static com.essentialslti.system.QuizBrowserIT.press;
import static com.essentialslti.system.QuizBrowserIT.tabTo;
import static com.essentialslti.system.QuizBrowserIT.tabToButton;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The competency self-assessment in a real browser (headless Chromium), launched from the platform simulator: the
 * whole self-assessment with the keyboard alone, and axe-core on each of its pages (no serious or critical
 * violation). The keyboard and axe-core helpers are {@link QuizBrowserIT}'s; they drive its {@code browser}, which
 * this class sets to its own Chromium.
 */
@ExtendWith(ArquillianExtension.class)
class SelfAssessmentBrowserIT {

    static final String TOOL = LaunchIT.TOOL;

    static PlatformSimulator platform;
    static WebDriver browser;

    @Deployment(testable = false)
    static WebArchive tool() {
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war")
                .importFrom(new File(System.getProperty("essentials.war")))
                .as(WebArchive.class);
    }

    @BeforeAll
    static void start() throws Exception {
        browser = QuizBrowserIT.chromium();
        QuizBrowserIT.browser = browser;
        platform = new PlatformSimulator(28181, TOOL);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
        if (browser != null) {
            browser.quit();
        }
        QuizBrowserIT.browser = null;
    }

    /** Launches the browser at a self-assessment link as a member with {@code role}; returns when its page shows. */
    static void launch(String user, String role, String link) {
        launch(user, role, link, "course-sa-browser");
    }

    /** As {@link #launch(String, String, String)}, in a course of its own (whose framework the test may change). */
    static void launch(String user, String role, String link, String course) {
        platform.nextLaunch(t -> t.roles(role)
                .with(LtiClaim.RESOURCE_LINK, Map.of("id", link, "title", "Competency self-assessment"))
                .with(LtiClaim.CONTEXT, Map.of("id", course, "title", "Essentials (browser)"))
                .with(LtiClaim.CUSTOM, Map.of("activity", "self-assessment")));
        browser.get(platform.launchPage(user));
        awaitPage("the self-assessment page after the launch", d -> d.getCurrentUrl().startsWith(TOOL + "/")
                && !d.findElements(By.cssSelector("main h1")).isEmpty()
                && !d.findElements(By.cssSelector("form[action='/self-assessment/start'], "
                + "form[action='/self-assessment/settings']")).isEmpty());
    }

    static boolean isRadioOutside(WebElement element, Set<String> done) {
        String name = element.getAttribute("name");
        return "input".equals(element.getTagName()) && "radio".equals(element.getAttribute("type"))
                && name != null && name.startsWith("level.") && !done.contains(name);
    }

    /** Rates each competency of the area shown with the keyboard: Tab to its radios, Space, then an arrow key. */
    static void rateWithTheKeyboard() {
        int competencies = browser.findElements(By.cssSelector("fieldset.competency")).size();
        Set<String> done = new HashSet<>();
        for (int i = 0; i < competencies; i++) {
            WebElement first = tabTo("the radios of a competency not rated yet", e -> isRadioOutside(e, done));
            done.add(first.getAttribute("name"));
            assertFocusVisible(first, "level");
            press(Keys.SPACE);
            assertThat(first.isSelected()).as("Space chooses the focused level").isTrue();
            press(Keys.ARROW_DOWN);
            assertThat(focused().getAttribute("value")).as("the arrow moves to the next level").isEqualTo("2");
            assertThat(focused().isSelected()).as("the arrow chooses the level it moves to").isTrue();
        }
    }

    @Test
    void aLearnerDoesTheWholeSelfAssessmentWithTheKeyboardAlone() {
        launch("sa-browser-keys-1", IdTokenBuilder.LEARNER, "link-sa-browser-keys");
        tabToButton("Start the self-assessment");
        press(Keys.ENTER);

        awaitHeading("Area 1 of ");
        int total = Integer.parseInt(heading().replaceAll("^Area 1 of (\\d+):.*$", "$1"));
        rateWithTheKeyboard();
        tabToButton("Save and next area");
        press(Keys.ENTER);
        awaitHeading("Area 2 of " + total);
        tabToButton("Save and go back");
        press(Keys.ENTER);
        awaitHeading("Area 1 of " + total);
        assertThat(browser.findElements(By.cssSelector("input[type=radio]:checked")))
                .as("the ratings of area 1 were saved").isNotEmpty()
                .allSatisfy(radio -> assertThat(radio.getAttribute("value")).isEqualTo("2"));
        tabToButton("Save and next area");
        press(Keys.ENTER);

        for (int number = 2; number <= total; number++) {
            awaitHeading("Area " + number + " of " + total);
            rateWithTheKeyboard();
            tabToButton(number < total ? "Save and next area" : "Save and review");
            press(Keys.ENTER);
        }

        awaitHeading("Review your self-assessment");
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("not rated");
        assertFocusVisible(tabTo("a link to an area", e -> "a".equals(e.getTagName())), "link");
        tabToButton("Submit your self-assessment");
        press(Keys.ENTER);

        awaitHeading("Your competency profile");
        assertThat(browser.findElements(By.cssSelector("main table tbody tr td:nth-of-type(1)")))
                .as("every area at Practitioner, as rated").hasSize(total)
                .allSatisfy(cell -> assertThat(cell.getText()).isEqualTo("2.0"));
    }

    @Test
    void theResultsChartHasAnAccessibleNameAndATableFollowsIt() {
        launch("sa-browser-chart-1", IdTokenBuilder.LEARNER, "link-sa-browser-chart");
        rateEverythingByClicking();

        WebElement chart = browser.findElement(By.cssSelector("main svg[role=img]"));
        assertThat(chart.getAccessibleName()).startsWith("Your competency profile against ");
        List<WebElement> next = browser.findElements(By.xpath(
                "//main//figure[.//*[local-name()='svg']]/following-sibling::*[1][self::table]"));
        assertThat(next).as("a table right after the chart").hasSize(1);
        assertThat(next.get(0).findElement(By.tagName("caption")).getText()).startsWith("Your level per area");
    }

    /** From the overview, starts and rates every competency Practitioner by clicking; ends on the result page. */
    static void rateEverythingByClicking() {
        clickButton("Start the self-assessment");
        awaitHeading("Area 1 of ");
        rateTheRestByClicking("2");
        clickButton("Submit your self-assessment");
        awaitHeading("Your competency profile");
    }

    /** Rates the areas from the one shown to the last at one level, by clicking; ends on the review. */
    static void rateTheRestByClicking(String level) {
        while (heading().startsWith("Area ")) {
            String shown = heading();
            browser.findElements(By.cssSelector("input[type=radio][value='" + level + "']"))
                    .forEach(WebElement::click);
            boolean last = browser.findElements(By.xpath("//main//button[normalize-space()='Save and next area']"))
                    .isEmpty();
            clickButton(last ? "Save and review" : "Save and next area");
            awaitPage("the page after " + shown, d -> !heading().equals(shown));
        }
        awaitHeading("Review your self-assessment");
    }

    @Test
    void theSelfAssessmentsPagesHaveNoSeriousOrCriticalAccessibilityViolations() {
        launch("sa-browser-axe-1", IdTokenBuilder.LEARNER, "link-sa-browser-axe");
        assertAccessible("self-assessment overview");

        clickButton("Start the self-assessment");
        awaitHeading("Area 1 of ");
        assertAccessible("first area");
        clickButton("Save and review");

        awaitHeading("Review your self-assessment");
        assertAccessible("review page (nothing rated yet)");
        browser.findElement(By.cssSelector("main a[href*='/area/1']")).click();
        awaitHeading("Area 1 of ");
        rateTheRestByClicking("3");
        assertAccessible("review page, ready to submit");
        clickButton("Submit your self-assessment");

        awaitHeading("Your competency profile");
        assertAccessible("result page");
    }

    @Test
    void theClassViewAndALearnersPageHaveNoSeriousOrCriticalAccessibilityViolations() {
        launch("sa-browser-class-1", IdTokenBuilder.LEARNER, "link-sa-browser-class");
        rateEverythingByClicking();
        launch("sa-browser-class-trainer", IdTokenBuilder.INSTRUCTOR, "link-sa-browser-class");

        browser.findElement(By.linkText("The class's profiles")).click();
        awaitHeading("Competency self-assessment: the class");
        assertThat(browser.findElements(By.cssSelector("main svg[role=img] title"))).as("the heat map's name")
                .isNotEmpty();
        assertAccessible("the class view (heat map and table)");

        browser.findElement(By.cssSelector("table.class-table tbody th a")).click();
        awaitPage("a learner's page", d -> !heading().endsWith("the class"));
        assertAccessible("one learner's snapshots and profile");
    }

    @Test
    void theTrainersSettingsPageHasNoSeriousOrCriticalAccessibilityViolations() {
        launch("sa-browser-trainer-1", IdTokenBuilder.INSTRUCTOR, "link-sa-browser-trainer");
        assertAccessible("trainer's self-assessment page (settings)");

        clickButton("Save settings");
        awaitPage("the saved settings", d -> d.findElement(By.tagName("main")).getText().contains("Settings saved."));
        assertAccessible("trainer's self-assessment page after saving");
    }

    // ---------------------------------------------------------------------------------------------------------
    // The trainer's framework pages

    /** From the trainer's page, opens the course's framework; returns when it shows. */
    static void openTheFramework() {
        browser.get(browser.findElement(By.cssSelector("main a[href^='/self-assessment/framework?']"))
                .getAttribute("href"));
        awaitHeading("The course's framework: ");
    }

    /** From the framework page, opens the form of its first competency; returns the competency's name. */
    static String openTheFirstCompetency() {
        browser.get(browser.findElement(By.cssSelector("main a[href^='/self-assessment/framework/competency/']"))
                .getAttribute("href"));
        awaitHeading("Edit: ");
        return heading().substring("Edit: ".length());
    }

    @Test
    void theFrameworkPagesHaveNoSeriousOrCriticalAccessibilityViolations() throws Exception {
        launch("sa-browser-framework-1", IdTokenBuilder.INSTRUCTOR, "link-sa-browser-framework",
                "course-sa-browser-framework");
        openTheFramework();
        assertAccessible("framework page");

        openTheFirstCompetency();
        assertAccessible("competency form");
        browser.findElement(By.id("behaviour-1")).clear(); // the others described: refused by the server
        clickButton("Save as a new version");
        awaitPage("the form with its problem", d -> !d.findElements(By.cssSelector("main [role=alert]")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("main [role=alert]")).getText())
                .contains("Describe the behaviour");
        assertAccessible("competency form with a problem");

        openTheFramework();
        browser.findElement(By.xpath("//main//a[normalize-space()='Import a framework']")).click();
        awaitHeading("Import a competency framework");
        assertAccessible("import page");
        Path file = Files.createTempFile("moodle-framework-export", ".csv");
        try (InputStream sample = SelfAssessmentBrowserIT.class.getResourceAsStream(
                "/selfassessment/moodle-framework-export.csv")) {
            Files.copy(sample, file, StandardCopyOption.REPLACE_EXISTING);
        }
        browser.findElement(By.id("file")).sendKeys(file.toString());
        clickButton("Preview the import");
        awaitPage("the preview", d -> d.findElement(By.tagName("main")).getText().contains("Preview: "));
        assertAccessible("import page with a preview");

        Files.writeString(file, "not,a,moodle,file\n1,2,3,4\n");
        browser.findElement(By.id("file")).sendKeys(file.toString());
        clickButton("Preview the import");
        awaitPage("the problems", d -> d.findElement(By.tagName("main")).getText()
                .contains("The file cannot be imported"));
        assertAccessible("import page with problems");
        Files.delete(file);
    }

    @Test
    void aTrainerRewordsACompetencyWithTheKeyboardAlone() {
        launch("sa-browser-framework-keys", IdTokenBuilder.INSTRUCTOR, "link-sa-browser-framework-keys",
                "course-sa-browser-framework-keys");
        openTheFramework();
        String name = openTheFirstCompetency();
        List<String> fields = browser.findElements(By.cssSelector("main form input:not([type=hidden]), "
                + "main form textarea")).stream().map(e -> e.getAttribute("id")).toList();
        assertThat(fields).startsWith("name", "description", "behaviour-1", "behaviour-2");

        WebElement first = tabTo("the name field", e -> "name".equals(e.getAttribute("id")));
        assertFocusVisible(first, "name field");
        press(Keys.END);
        press(", with the board");
        for (String field : fields.subList(1, fields.size())) {
            press(Keys.TAB);
            assertThat(focused().getAttribute("id")).as("Tab moves to the next field").isEqualTo(field);
            assertFocusVisible(focused(), field);
        }
        new Actions(browser).keyDown(Keys.CONTROL).sendKeys(Keys.END).keyUp(Keys.CONTROL).perform(); // the text's end
        press(" Reworded with the keyboard.");
        press(Keys.TAB);
        assertThat(focused().getText()).as("after the last field, the button").isEqualTo("Save as a new version");
        assertFocusVisible(focused(), "Save as a new version");
        press(Keys.ENTER);

        awaitHeading("The course's framework: ");
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("Your change is saved as a new version of the framework.")
                .contains(name + ", with the board");
        openTheFirstCompetency();
        assertThat(browser.findElement(By.id(fields.get(fields.size() - 1))).getAttribute("value"))
                .endsWith(" Reworded with the keyboard.");
    }
}
