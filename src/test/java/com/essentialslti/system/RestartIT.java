package com.essentialslti.system;

import com.essentialslti.lti.claims.LtiClaim;
import com.essentialslti.testing.Browser.Page;
import com.essentialslti.testing.Browser;
import com.essentialslti.testing.PlatformSimulator;
import com.essentialslti.testing.QuizTaker;
import com.essentialslti.testing.SimulatedGradebook;
import com.essentialslti.testing.ToolProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The uber jar, started as an operator starts it, stopped (or killed) and started again on the same data
 * directory: the tool's keys, its registrations, the users it knows and the grades it still owes an LMS survive.
 */
class RestartIT {

    static final int TOOL_PORT = 38280;
    static final int PLATFORM_PORT = 38281;

    @TempDir
    Path work;

    final Path jar = Path.of(System.getProperty("essentials.jar", "target/essentials-lti-microbundle.jar"));
    final String toolUrl = "http://localhost:" + TOOL_PORT;

    private Path writeRegistration() throws Exception {
        Path platforms = Files.createDirectories(work.resolve("config/platforms"));
        Path registration = platforms.resolve("simulator.json");
        Files.writeString(registration, PlatformSimulator.registrationFile("Restart test platform", PLATFORM_PORT));
        return registration;
    }

    @Test
    void aGradeCommittedButNotDeliveredWhenTheToolIsKilledArrivesAfterTheRestart() throws Exception {
        writeRegistration();
        try (PlatformSimulator platform = new PlatformSimulator(PLATFORM_PORT, toolUrl)) {
            URI lineItem = platform.gradebook().addLineItem("Readiness quiz", 100, "link-killed", null, null);
            platform.gradebook().down(true); // the LMS is away: the score waits in the outbox
            ToolProcess tool = start(jar, "killed.log");
            try {
                Page result = takeTheQuiz(platform, "killed-learner", lineItem);
                assertThat(result.text()).contains("Your result:");
            } finally {
                tool.kill();
            }
            assertThat(delivered(platform, "killed-learner")).isEmpty();
            platform.gradebook().down(false);

            try (ToolProcess restarted = start(jar, "restarted.log")) {
                Instant until = Instant.now().plusSeconds(40);
                while (delivered(platform, "killed-learner").isEmpty() && Instant.now().isBefore(until)) {
                    Thread.sleep(100);
                }
                assertThat(delivered(platform, "killed-learner")).as(() -> "score posts: "
                        + platform.gradebook().scorePosts() + "\ntoken refusals: " + platform.tokens().refusals() + "\nlog before the kill:\n" + gradeLines("killed.log")
                        + "\nlog after the restart:\n" + gradeLines("restarted.log")).hasSize(1);
                assertThat(platform.gradebook().grade(lineItem, "killed-learner")).isPresent();
            }
        }
    }

    private static java.util.List<SimulatedGradebook.ScorePost> delivered(PlatformSimulator platform, String user) {
        return platform.gradebook().scorePosts().stream()
                .filter(p -> p.status() < 300 && p.body().contains("\"" + user + "\"")).toList();
    }

    /** A learner's launch at a graded quiz link, every question answered with the first option, submitted. */
    private Page takeTheQuiz(PlatformSimulator platform, String user, URI lineItem) {
        Browser browser = new Browser();
        Page redirect = browser.post(toolUrl + "/lti/login", platform.loginFor(user));
        platform.nextLaunch(t -> platform.withAgs(lineItem).apply(t
                .with(LtiClaim.RESOURCE_LINK, Map.of("id", "link-killed", "title", "Readiness quiz"))
                .with(LtiClaim.CUSTOM, Map.of("activity", "quiz"))));
        Page landing = browser.submit(browser.get(redirect.location().orElseThrow()).form());
        return QuizTaker.takeTheQuiz(browser, toolUrl, QuizTaker.session(landing));
    }

    private String gradeLines(String log) {
        try {
            return Files.readAllLines(work.resolve(log)).stream()
                    .filter(l -> l.contains("grades") || l.contains("submit") || l.contains("SEVERE"))
                    .collect(java.util.stream.Collectors.joining("\n"));
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    @Test
    void keysRegistrationsAndUsersSurviveARestart() throws Exception {
        writeRegistration();

        try (PlatformSimulator platform = new PlatformSimulator(PLATFORM_PORT, toolUrl)) {
            String jwksBefore;
            try (ToolProcess tool = start(jar, "first.log")) {
                assertThat(new Browser().get(toolUrl + "/sandbox/launch?role=learner").status())
                        .as("SANDBOX=off: the sandbox platform is not there").isEqualTo(404);
                jwksBefore = new Browser().get(toolUrl + "/.well-known/jwks.json").body();
                assertThat(launchAsPat(platform, toolUrl).text()).contains("Pat Learner");
            }

            try (ToolProcess tool = start(jar, "second.log")) {
                assertThat(new Browser().get(toolUrl + "/.well-known/jwks.json").body())
                        .as("the same key pair after the restart").isEqualTo(jwksBefore);
                Page home = launchAsPat(platform, toolUrl, b -> b.without("name", "given_name", "family_name", "email"));
                assertThat(home.status()).isEqualTo(200);
                assertThat(home.text()).as("a launch that shares nothing still finds the known user and link")
                        .contains("Learner").contains("Readiness quiz");
            }
        }
    }

    @Test
    void aRegistrationWhoseFileWasDeletedIsRetiredAtTheRestartAndServesAgainWhenTheFileIsBack() throws Exception {
        Path registration = writeRegistration();
        try (PlatformSimulator platform = new PlatformSimulator(PLATFORM_PORT, toolUrl)) {
            URI lineItem = platform.gradebook().addLineItem("Readiness quiz", 100, "link-killed", null, null);
            platform.gradebook().down(true); // the score waits in the outbox
            String session;
            try (ToolProcess tool = start(jar, "before.log")) {
                Page result = takeTheQuiz(platform, "retired-learner", lineItem);
                assertThat(result.text()).contains("Your result:");
                java.util.regex.Matcher token = java.util.regex.Pattern.compile("[?&]s=([A-Za-z0-9_.-]+)")
                        .matcher(result.body());
                assertThat(token.find()).as("the result page carries its launch token").isTrue();
                session = token.group(1);
            }
            Files.delete(registration);
            platform.gradebook().down(false);

            try (ToolProcess tool = start(jar, "retired.log")) {
                Page refused = new Browser().post(toolUrl + "/lti/login", platform.loginFor("retired-learner"));
                assertThat(refused.status()).as(refused.body()).isEqualTo(403);
                assertThat(refused.text()).contains("no longer registered with Restart test platform");
                Page ended = new Browser().get(toolUrl + "/home?s=" + session);
                assertThat(ended.status()).as("a session from before the retirement ends too").isEqualTo(403);
                assertThat(ended.text()).contains("no longer registered with Restart test platform");
                assertThat(parkedAnswerOf("retired-learner")).contains("no longer registered");
                assertThat(delivered(platform, "retired-learner")).as("a retired registration's score is not sent")
                        .isEmpty();
            }

            writeRegistration();
            try (ToolProcess tool = start(jar, "back.log")) {
                assertThat(launchAsPat(platform, toolUrl).status()).isEqualTo(200);
            }
        }
    }

    /** The reason the operator's list gives for a learner's parked score, once the relay has parked it. */
    @SuppressWarnings("unchecked")
    private String parkedAnswerOf(String user) throws Exception {
        Instant until = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(until)) {
            Page list = new Browser().send(java.net.http.HttpRequest.newBuilder(URI.create(toolUrl
                    + "/admin/grades/parked")).header("Authorization", "Bearer " + OPERATOR_TOKEN));
            for (Object each : (java.util.List<Object>) com.nimbusds.jose.util.JSONObjectUtils.parse(list.body())
                    .get("parked")) {
                Map<String, Object> parked = (Map<String, Object>) each;
                if (user.equals(parked.get("subject"))) {
                    return String.valueOf(parked.get("lms_answer"));
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no parked score of " + user + "; log:\n" + gradeLines("retired.log"));
    }

    static final String OPERATOR_TOKEN = "restart-operator-token-of-32-characters";

    private ToolProcess start(Path jar, String log) throws Exception {
        return ToolProcess.start(jar, TOOL_PORT, work.resolve("data"), work.resolve("config"), work.resolve(log),
                Map.of("SANDBOX", "off", "OPERATOR_TOKEN", OPERATOR_TOKEN));
    }

    private static Page launchAsPat(PlatformSimulator platform, String toolUrl) {
        return launchAsPat(platform, toolUrl, b -> b);
    }

    private static Page launchAsPat(PlatformSimulator platform, String toolUrl,
                                    java.util.function.UnaryOperator<com.essentialslti.testing.IdTokenBuilder> change) {
        Browser browser = new Browser();
        Page redirect = browser.post(toolUrl + "/lti/login", platform.loginFor("pat-1001"));
        assertThat(redirect.status()).as(redirect.body()).isEqualTo(302);
        platform.nextLaunch(change);
        Page launched = browser.submit(browser.get(redirect.location().orElseThrow()).form());
        assertThat(launched.status()).as(launched.body()).isEqualTo(200);
        return launched;
    }
}
