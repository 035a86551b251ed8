package com.essentialslti.system;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
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
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The learner's readiness quiz in a real browser (Debian's headless Chromium through its chromedriver), launched from
 * the platform simulator: the whole attempt with the keyboard alone, focus that can be seen, and axe-core on every
 * page of the flow (no serious or critical violation).
 */
@ExtendWith(ArquillianExtension.class)
class QuizBrowserIT {

    static final String TOOL = LaunchIT.TOOL;
    static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("chromium.driver", "/usr/bin/chromedriver"));
    static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");
    static final List<String> VERDICTS = List.of("Ready for the course", "The course will fill these gaps",
            "Start with the course");

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
        browser = chromium();
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
    }

    /** Debian's Chromium, headless; Selenium Manager never runs because both paths are given. */
    static WebDriver chromium() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The browser tests need Chromium and its driver at " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": install them with 'apt-get install chromium chromium-driver' (.ci/run does).");
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--disable-dev-shm-usage", "--window-size=1280,1024", "--lang=en");
        if ("root".equals(System.getProperty("user.name"))) {
            options.addArguments("--no-sandbox"); // Chromium refuses to start its sandbox as root
        }
        return new ChromeDriver(service, options);
    }

    // ---------------------------------------------------------------------------------------------------------
    // The flow

    /** Launches the browser at a quiz link, as a member with {@code role}; returns when the quiz page is shown. */
    static void launch(String user, String role, String link) {
        platform.nextLaunch(t -> t.roles(role)
                .with(LtiClaim.RESOURCE_LINK, Map.of("id", link, "title", "Readiness quiz"))
                .with(LtiClaim.CONTEXT, Map.of("id", "course-browser", "title", "Essentials (browser)"))
                .with(LtiClaim.CUSTOM, Map.of("activity", "quiz")));
        browser.get(platform.launchPage(user));
        awaitPage("the quiz page after the launch", d -> d.getCurrentUrl().startsWith(TOOL + "/")
                && !d.findElements(By.cssSelector("main h1")).isEmpty()
                && !d.findElements(By.cssSelector("form[action='/quiz/start'], form[action='/quiz/settings']"))
                .isEmpty());
    }

    /** Waits for the page that {@code shown} recognises; on timeout, says what the browser shows instead. */
    static void awaitPage(String what, Predicate<WebDriver> shown) {
        try {
            // A page being replaced may answer any lookup with an error (a stale element, or Chrome's "node does not
            // belong to the document"): look again until the new page is there.
            new WebDriverWait(browser, Duration.ofSeconds(15))
                    .ignoring(WebDriverException.class)
                    .until(shown::test);
        } catch (TimeoutException e) {
            fail("Waited for " + what + "; the browser shows " + browser.getCurrentUrl() + ":\n"
                    + browser.findElement(By.tagName("body")).getText());
        }
    }

    static void awaitHeading(String startsWith) {
        awaitPage("a page headed '" + startsWith + "'", d -> d.findElement(By.cssSelector("main h1")).getText()
                .startsWith(startsWith));
    }

    static String heading() {
        return browser.findElement(By.cssSelector("main h1")).getText();
    }

    // ---------------------------------------------------------------------------------------------------------
    // The keyboard

    static void press(CharSequence key) {
        new Actions(browser).sendKeys(key).perform();
    }

    static WebElement focused() {
        return browser.switchTo().activeElement();
    }

    /** Presses Tab until the focused element is what {@code wanted} accepts (at most 40 times). */
    static WebElement tabTo(String what, Predicate<WebElement> wanted) {
        for (int i = 0; i < 40; i++) {
            press(Keys.TAB);
            WebElement element = focused();
            if (wanted.test(element)) {
                return element;
            }
        }
        return fail("Tab never reached " + what + " on " + browser.getCurrentUrl());
    }

    static WebElement tabToButton(String label) {
        WebElement button = tabTo("the button '" + label + "'",
                e -> "button".equals(e.getTagName()) && label.equals(e.getText()));
        assertFocusVisible(button, label);
        return button;
    }

    /**
     * The focused element is outlined, and the outline stands out from the white page around it by at least 3:1
     * (WCAG 2.2, 1.4.11 non-text contrast; the pages have no background colour of their own).
     */
    static void assertFocusVisible(WebElement element, String what) {
        assertThat(element.getCssValue("outline-style")).as("outline-style of the focused " + what)
                .isNotEqualTo("none");
        assertThat(element.getCssValue("outline-width")).as("outline-width of the focused " + what)
                .isNotEqualTo("0px");
        String colour = element.getCssValue("outline-color");
        assertThat(contrastWithWhite(colour)).as("contrast of the focused %s's outline (%s) with white", what,
                colour).isGreaterThanOrEqualTo(3.0);
    }

    /** WCAG 2 contrast ratio of an opaque CSS colour, {@code rgb(r, g, b)} or {@code rgba(r, g, b, 1)}, with white. */
    static double contrastWithWhite(String cssColour) {
        String[] parts = cssColour.replaceAll("[^0-9.,]", "").split(",");
        double luminance = 0.2126 * linear(parts[0]) + 0.7152 * linear(parts[1]) + 0.0722 * linear(parts[2]);
        return 1.05 / (luminance + 0.05);
    }

    private static double linear(String channel) {
        double c = Double.parseDouble(channel) / 255;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    static boolean isChoice(WebElement element) {
        return "input".equals(element.getTagName()) && "choice".equals(element.getAttribute("name"));
    }

    @Test
    void aLearnerTakesTheQuizWithTheKeyboardAlone() {
        launch("browser-keys-1", IdTokenBuilder.LEARNER, "link-browser-keys");
        tabToButton("Start the quiz");
        press(Keys.ENTER);

        awaitHeading("Question 1 of ");
        int total = Integer.parseInt(heading().replaceAll(".* of (\\d+)$", "$1"));
        for (int number = 1; number <= total; number++) {
            awaitHeading("Question " + number + " of " + total);
            WebElement first = tabTo("an answer", QuizBrowserIT::isChoice);
            assertFocusVisible(first, "answer");
            if ("radio".equals(first.getAttribute("type"))) {
                press(Keys.SPACE);
                assertThat(first.isSelected()).as("Space chooses the focused option").isTrue();
                press(Keys.ARROW_DOWN);
                assertThat(focused().getAttribute("value")).as("the arrow moves to the next option").isEqualTo("1");
                assertThat(focused().isSelected()).as("the arrow chooses the option it moves to").isTrue();
                assertThat(first.isSelected()).isFalse();
            } else {
                press(Keys.SPACE);
                assertThat(first.isSelected()).as("Space ticks the focused box").isTrue();
                WebElement second = tabTo("the second box", QuizBrowserIT::isChoice);
                press(Keys.SPACE);
                assertThat(second.isSelected()).isTrue();
            }
            tabToButton(number < total ? "Save and next question" : "Save and review");
            press(Keys.ENTER);
        }

        awaitHeading("Review your answers");
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("Not answered");
        assertFocusVisible(tabTo("a link to a question", e -> "a".equals(e.getTagName())), "link");
        tabToButton("Submit all and finish");
        press(Keys.ENTER);

        awaitHeading("Your result: ");
        assertThat(heading()).matches("Your result: \\d+(\\.\\d)?%");
        assertThat(browser.findElements(By.cssSelector("main h2")).stream().map(WebElement::getText))
                .containsAnyElementsOf(VERDICTS);
        assertThat(browser.findElements(By.xpath("//main//strong[text()='(your answer)']")))
                .as("the answers chosen with the keyboard were saved").hasSizeGreaterThanOrEqualTo(total);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Accessibility (axe-core)

    /** Runs axe-core on the page shown; fails on any serious or critical violation, listing them all. */
    static void assertAccessible(String page) {
        List<Rule> violations = new AxeBuilder().analyze(browser).getViolations();
        List<String> blocking = violations.stream().filter(v -> BLOCKING_IMPACTS.contains(v.getImpact()))
                .map(Rule::getId).toList();
        assertThat(blocking).as("axe-core violations on the %s (%s):%n%s", page, browser.getCurrentUrl(),
                describe(violations)).isEmpty();
        if (!violations.isEmpty()) {
            System.out.printf("axe-core on the %s, lesser violations:%n%s%n", page, describe(violations));
        }
    }

    static String describe(List<Rule> violations) {
        return violations.stream().map(v -> "- " + v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + "\n"
                        + v.getNodes().stream().map(QuizBrowserIT::describe).collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n"));
    }

    static String describe(CheckedNode node) {
        return "    " + node.getTarget() + " " + node.getHtml()
                + (node.getFailureSummary() == null ? "" : "\n      " + node.getFailureSummary().replace("\n", " "));
    }

    static void clickButton(String label) {
        browser.findElement(By.xpath("//main//button[normalize-space()='" + label + "']")).click();
    }

    @Test
    void theQuizAndResultPagesHaveNoSeriousOrCriticalAccessibilityViolations() {
        launch("browser-axe-1", IdTokenBuilder.LEARNER, "link-browser-axe");
        assertAccessible("quiz overview");

        clickButton("Start the quiz");
        awaitHeading("Question 1 of ");
        assertAccessible("first question");
        browser.findElement(By.id("choice-0")).click();
        clickButton("Save and next question");
        awaitHeading("Question 2 of ");
        assertAccessible("second question (after saving the first)");
        clickButton("Save and review");

        awaitHeading("Review your answers");
        assertAccessible("review page");
        clickButton("Submit all and finish");

        awaitHeading("Your result: ");
        assertAccessible("result page");

        browser.findElement(By.linkText("Back to the quiz")).click();
        awaitPage("the overview with the finished attempt", d -> !d.findElements(By.cssSelector("main table"))
                .isEmpty());
        assertAccessible("quiz overview with a finished attempt");
    }

    @Test
    void theTrainersQuizPageHasNoSeriousOrCriticalAccessibilityViolations() {
        launch("browser-axe-learner-2", IdTokenBuilder.LEARNER, "link-browser-trainer");
        clickButton("Start the quiz");
        awaitHeading("Question 1 of ");
        clickButton("Save and review");
        awaitHeading("Review your answers");
        clickButton("Submit all and finish");
        awaitHeading("Your result: ");

        launch("browser-axe-trainer-2", IdTokenBuilder.INSTRUCTOR, "link-browser-trainer");
        assertThat(browser.findElements(By.cssSelector("main table tbody tr"))).hasSize(1);
        assertAccessible("trainer's quiz page (results and settings)");

        clickButton("Save settings");
        awaitPage("the saved settings", d -> d.findElement(By.tagName("main")).getText()
                .contains("The settings are saved"));
        assertAccessible("trainer's quiz page after saving");
    }
}
