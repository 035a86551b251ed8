package com.essentialslti.system;

import com.essentialslti.lti.claims.LtiClaim;
import com.essentialslti.testing.Browser.Page;
import com.essentialslti.testing.Browser;
import com.essentialslti.testing.IdTokenBuilder;
import com.essentialslti.testing.Keys;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.File;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Complete LTI 1.3 launches against the real tool on Payara Micro, driven through a platform simulator over real
 * HTTP with RSA-signed id_tokens. The invalid launches are named after the 1EdTech certification cases.
 */
@ExtendWith(ArquillianExtension.class)
class LaunchIT {

    static final String TOOL = "http://localhost:28080";
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
    // The flow

    /** Login initiation (POST, as Moodle sends it), the platform's authorization endpoint, the id_token POST. */
    static Page launch(Browser browser, Map<String, String> login, UnaryOperator<IdTokenBuilder> token) {
        return launch(platform, browser, login, token);
    }

    static Page launch(PlatformSimulator from, Browser browser, Map<String, String> login,
                       UnaryOperator<IdTokenBuilder> token) {
        Page redirect = browser.post(TOOL + "/lti/login", login);
        assertThat(redirect.status()).as(redirect.body()).isEqualTo(302);
        if (token != null) {
            from.nextLaunch(token);
        }
        Page authorization = browser.get(redirect.location().orElseThrow());
        assertThat(authorization.status()).as(authorization.body()).isEqualTo(200);
        return browser.submit(authorization.form());
    }

    static Page launch(UnaryOperator<IdTokenBuilder> token) {
        return launch(new Browser(), platform.loginFor("user-" + System.nanoTime()), token);
    }

    /** The launch response is the page the launch lands on. */
    static Page landing(Browser browser, Page launchResponse) {
        assertThat(launchResponse.status()).as(launchResponse.body()).isEqualTo(200);
        assertThat(launchResponse.document().selectFirst("main h1")).as(launchResponse.body()).isNotNull();
        return launchResponse;
    }

    static void assertRejectedWithPage(Page page, int status, String... words) {
        assertThat(page.status()).as(page.body()).isEqualTo(status);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        String correlation = page.headers().firstValue("X-Correlation-Id").orElseThrow();
        assertThat(page.text()).contains("Reference for the tool's operator").contains(correlation);
        for (String word : words) {
            assertThat(page.text()).contains(word);
        }
        assertThat(page.body()).doesNotContain("Exception").doesNotContain("eyJ").doesNotContain("at com.");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Login initiation

    @Test
    void loginByPostRedirectsToTheAuthorizationEndpointWithTheOidcRequest() {
        Map<String, String> login = platform.loginFor("user-42");
        Page redirect = new Browser().post(TOOL + "/lti/login", login);

        assertThat(redirect.status()).isEqualTo(302);
        URI location = URI.create(redirect.location().orElseThrow());
        assertThat(location.getPath()).isEqualTo("/auth");
        Map<String, String> params = parseQuery(location.getRawQuery());
        assertThat(params).containsEntry("scope", "openid").containsEntry("response_type", "id_token")
                .containsEntry("response_mode", "form_post").containsEntry("prompt", "none")
                .containsEntry("client_id", PlatformSimulator.CLIENT_ID)
                .containsEntry("redirect_uri", TOOL + "/lti/launch")
                .containsEntry("login_hint", "user-42")
                .containsEntry("lti_message_hint", login.get("lti_message_hint"))
                .containsKeys("state", "nonce");
        assertThat(params.get("state")).as("a sealed state, not a key to a stored row").contains(".");
        assertThat(redirect.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .matches("lti_state_([A-Za-z0-9_-]{24})=\\1;.*").contains("HttpOnly").contains("Path=/lti/"));
    }

    @Test
    void loginByGetWorksLikeLoginByPost() {
        Browser browser = new Browser();
        Map<String, String> login = platform.loginFor("user-get");
        Page redirect = browser.get(TOOL + "/lti/login?" + Browser.encode(login));
        assertThat(redirect.status()).isEqualTo(302);
        Page launched = browser.submit(browser.get(redirect.location().orElseThrow()).form());
        assertThat(landing(browser, launched).status()).isEqualTo(200);
        assertThat(platform.refusals()).isEmpty();
    }

    @Test
    void loginFromAnUnregisteredPlatformExplainsWhatTheOperatorMustAdd() {
        Map<String, String> login = platform.loginFor("user-x");
        login.put("iss", "https://unknown-lms.example.edu");
        assertRejectedWithPage(new Browser().post(TOOL + "/lti/login", login), 400,
                "not registered", "https://unknown-lms.example.edu", "registration file");
    }

    @Test
    void loginWithoutLoginHintIsRefusedWithAPage() {
        Map<String, String> login = platform.loginFor("user-x");
        login.remove("login_hint");
        assertRejectedWithPage(new Browser().post(TOOL + "/lti/login", login), 400, "login_hint");
    }

    @Test
    void aSecondClientIdOfTheSameIssuerHasItsOwnRegistration() {
        Browser browser = new Browser();
        Map<String, String> login = platform.loginFor("user-second-client");
        login.put("client_id", PlatformSimulator.SECOND_CLIENT_ID);
        Page launched = launch(browser, login, null);
        assertThat(platform.lastAuthRequest().get("client_id")).isEqualTo(PlatformSimulator.SECOND_CLIENT_ID);
        assertThat(landing(browser, launched).status()).isEqualTo(200);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Roles and landing pages

    @Test
    void aLearnerLandsOnThePageSayingTheActivityIsNotSetUpYet() {
        Browser browser = new Browser();
        Page home = landing(browser, launch(browser, platform.loginFor("learner-1"),
                t -> t.roles(IdTokenBuilder.LEARNER)));
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.text()).contains("Learner").contains("not set up yet").doesNotContain("Resource link ID");
    }

    @Test
    void aTrainerSeesTheLinksDetails() {
        Browser browser = new Browser();
        Page home = landing(browser, launch(browser, platform.loginFor("trainer-1"),
                t -> t.roles(IdTokenBuilder.INSTRUCTOR).resourceLink("link-for-trainer")));
        assertThat(home.text()).contains("Trainer").contains("link-for-trainer").contains("Essentials for PMO Managers");
    }

    @Test
    void aTeachingAssistantSubRoleIsATrainer() {
        Browser browser = new Browser();
        Page home = landing(browser, launch(browser, platform.loginFor("ta-1"),
                t -> t.roles("http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant")));
        assertThat(home.text()).contains("Trainer");
    }

    @Test
    void anInstitutionAdministratorIsACourseAdmin() {
        Browser browser = new Browser();
        Page home = landing(browser, launch(browser, platform.loginFor("admin-1"),
                t -> t.roles(IdTokenBuilder.ADMINISTRATOR, IdTokenBuilder.INSTRUCTOR)));
        assertThat(home.text()).contains("Course admin").contains("Resource link ID");
    }

    @Test
    void nameAndEmailAreShownOnlyWhenThePlatformSharesThem() {
        Browser browser = new Browser();
        Page anonymous = landing(browser, launch(browser, platform.loginFor("private-1"),
                t -> t.without("name", "given_name", "family_name", "email")));
        assertThat(anonymous.text()).doesNotContain("Pat").doesNotContain("@example.edu").contains("Learner");

        Browser other = new Browser();
        Page named = landing(other, launch(other, platform.loginFor("named-1"), null));
        assertThat(named.text()).contains("Pat Learner").contains("pat.learner@example.edu");
    }

    // ---------------------------------------------------------------------------------------------------------
    // The 1EdTech certification cases

    static Stream<Arguments> knownBadLaunches() {
        return Stream.of(
                Arguments.of("no kid", (UnaryOperator<IdTokenBuilder>) IdTokenBuilder::noKid, 401),
                Arguments.of("wrong kid", (UnaryOperator<IdTokenBuilder>) t -> t.kid("wrong-kid"), 401),
                Arguments.of("wrong LTI version", (UnaryOperator<IdTokenBuilder>) t -> t.with(LtiClaim.VERSION, "1.0.0"), 400),
                Arguments.of("no LTI version", (UnaryOperator<IdTokenBuilder>) t -> t.without(LtiClaim.VERSION), 400),
                Arguments.of("LTI claims missing", (UnaryOperator<IdTokenBuilder>) t -> t.without(LtiClaim.MESSAGE_TYPE,
                        LtiClaim.VERSION, LtiClaim.DEPLOYMENT_ID, LtiClaim.TARGET_LINK_URI, LtiClaim.RESOURCE_LINK,
                        LtiClaim.ROLES, LtiClaim.CONTEXT), 400),
                Arguments.of("wrong timestamps", (UnaryOperator<IdTokenBuilder>) t -> t
                        .issuedAt(Instant.parse("2001-09-09T01:46:40Z")).expiresAt(Instant.parse("2001-09-09T01:47:40Z")), 401),
                Arguments.of("no message_type", (UnaryOperator<IdTokenBuilder>) t -> t.without(LtiClaim.MESSAGE_TYPE), 400),
                Arguments.of("no roles claim", (UnaryOperator<IdTokenBuilder>) t -> t.without(LtiClaim.ROLES), 400),
                Arguments.of("no deployment_id", (UnaryOperator<IdTokenBuilder>) t -> t.without(LtiClaim.DEPLOYMENT_ID), 400),
                Arguments.of("no resource_link id", (UnaryOperator<IdTokenBuilder>) t -> t.with(LtiClaim.RESOURCE_LINK,
                        Map.of("title", "no id")), 400),
                Arguments.of("no sub", (UnaryOperator<IdTokenBuilder>) t -> t.without("sub"), 400),
                Arguments.of("alg none", (UnaryOperator<IdTokenBuilder>) IdTokenBuilder::algNone, 400),
                Arguments.of("HS256 keyed with the platform's public key", (UnaryOperator<IdTokenBuilder>) t ->
                        t.hs256(publicKeyBytes()), 401),
                Arguments.of("expired", (UnaryOperator<IdTokenBuilder>) t -> t
                        .issuedAt(Instant.now().minusSeconds(400)).expiresAt(Instant.now().minusSeconds(300)), 401),
                Arguments.of("iat in the future", (UnaryOperator<IdTokenBuilder>) t -> t
                        .issuedAt(Instant.now().plusSeconds(600)).expiresAt(Instant.now().plusSeconds(660)), 401),
                Arguments.of("aud array without azp", (UnaryOperator<IdTokenBuilder>) t -> t
                        .with("aud", List.of(PlatformSimulator.CLIENT_ID, "another-tool")), 401),
                Arguments.of("signed by a key the platform does not publish", (UnaryOperator<IdTokenBuilder>) t -> t
                        .signedWith(Keys.rsa(platform.signingKey().getKeyID())), 401));
    }

    static byte[] publicKeyBytes() {
        try {
            return platform.signingKey().toRSAPublicKey().getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0} is rejected")
    @MethodSource("knownBadLaunches")
    void knownBadLaunchesAreRejectedWithAnErrorPage(String name, UnaryOperator<IdTokenBuilder> change, int status) {
        assertRejectedWithPage(launch(change), status);
    }

    static Stream<Arguments> validVariants() {
        return Stream.of(
                Arguments.of("several roles", (UnaryOperator<IdTokenBuilder>) t -> t.roles(IdTokenBuilder.LEARNER,
                        IdTokenBuilder.INSTRUCTOR, "http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor")),
                Arguments.of("short role names", (UnaryOperator<IdTokenBuilder>) t -> t.roles("Learner")),
                Arguments.of("an unknown role", (UnaryOperator<IdTokenBuilder>) t -> t.roles("http://example.com/role#Wizard")),
                Arguments.of("no role", (UnaryOperator<IdTokenBuilder>) t -> t.roles()),
                Arguments.of("email only", (UnaryOperator<IdTokenBuilder>) t -> t.without("name", "given_name", "family_name")),
                Arguments.of("names only", (UnaryOperator<IdTokenBuilder>) t -> t.without("email")),
                Arguments.of("no personal data", (UnaryOperator<IdTokenBuilder>) t -> t.without("name", "given_name",
                        "family_name", "email")),
                Arguments.of("no context", (UnaryOperator<IdTokenBuilder>) t -> t.without(LtiClaim.CONTEXT)),
                Arguments.of("a new resource link id", (UnaryOperator<IdTokenBuilder>) t -> t.resourceLink("new-" + System.nanoTime())));
    }

    @ParameterizedTest(name = "{0} is accepted")
    @MethodSource("validVariants")
    void validVariantsAreAccepted(String name, UnaryOperator<IdTokenBuilder> change) {
        Browser browser = new Browser();
        Page home = landing(browser, launch(browser, platform.loginFor("variant-" + System.nanoTime()), change));
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.text()).containsAnyOf("Learner", "Trainer", "Course admin");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Replays, forged state and nonce, keys

    @Test
    void aReplayedIdTokenIsRejected() {
        Browser browser = new Browser();
        Page redirect = browser.post(TOOL + "/lti/login", platform.loginFor("replay-1"));
        Browser.Form form = browser.get(redirect.location().orElseThrow()).form();
        assertThat(browser.submit(form).status()).isEqualTo(200);
        assertRejectedWithPage(browser.submit(form), 401, "already used");
    }

    @Test
    void aNonceFromAnotherLoginIsRejected() {
        Browser browser = new Browser();
        Page first = browser.post(TOOL + "/lti/login", platform.loginFor("nonce-a"));
        String otherNonce = parseQuery(URI.create(first.location().orElseThrow()).getRawQuery()).get("nonce");
        Page launched = launch(browser, platform.loginFor("nonce-b"), t -> t.with("nonce", otherNonce));
        assertRejectedWithPage(launched, 401, "nonce");
    }

    @Test
    void aStateThisBrowserDidNotStartIsRejected() {
        Browser victim = new Browser();
        victim.post(TOOL + "/lti/login", platform.loginFor("victim")); // the victim has a state cookie of its own
        Browser attacker = new Browser();
        Page redirect = attacker.post(TOOL + "/lti/login", platform.loginFor("attacker"));
        Browser.Form attackersForm = attacker.get(redirect.location().orElseThrow()).form();
        assertRejectedWithPage(victim.submit(attackersForm), 401, "did not return the state");
    }

    @Test
    void anIdTokenWithoutALoginIsRejected() {
        String token = IdTokenBuilder.resourceLinkLaunch(PlatformSimulator.ISSUER, PlatformSimulator.CLIENT_ID,
                "1", "made-up-nonce", platform.signingKey()).build();
        Browser browser = new Browser();
        assertRejectedWithPage(browser.post(TOOL + "/lti/launch", Map.of("id_token", token, "state", "made-up")),
                401, "does not belong to a login");
        assertRejectedWithPage(browser.post(TOOL + "/lti/launch", Map.of("id_token", token)), 401, "state");
    }

    @Test
    void anUnknownKidMakesOneRefetchOfThePlatformKeySetThenIsRejected() throws InterruptedException {
        launch(null); // the key set is cached
        Thread.sleep(1100); // past the refetch rate limit (KEYSET_REFETCH_SECONDS=1 in arquillian.xml)
        int before = platform.keySetFetches();
        assertRejectedWithPage(launch(t -> t.kid("never-published")), 401, "key");
        assertThat(platform.keySetFetches()).isEqualTo(before + 1);
    }

    @Test
    void aRotatedPlatformKeyIsPickedUp() throws InterruptedException {
        launch(null);
        platform.rotateKey();
        Thread.sleep(1100);
        Browser browser = new Browser();
        assertThat(landing(browser, launch(browser, platform.loginFor("after-rotation"), null)).status()).isEqualTo(200);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Deployments, message types

    @Test
    void anUnknownDeploymentIsRefusedWithWhatTheOperatorMustDo() {
        Page page = launch(t -> t.with(LtiClaim.DEPLOYMENT_ID, "7"));
        assertRejectedWithPage(page, 403, "deployment '7'", PlatformSimulator.ISSUER, "operator");
    }

    @Test
    void anUnknownDeploymentInTheLoginIsRefusedOnceThePlatformSignedIt() {
        Map<String, String> login = platform.loginFor("dep-login");
        login.put("lti_deployment_id", "99");
        // Not refused at the login: anyone can send a login, and the refusal records the deployment for the operator.
        Page launched = launch(new Browser(), login, t -> t.with(LtiClaim.DEPLOYMENT_ID, "99"));
        assertRejectedWithPage(launched, 403, "deployment '99'");
    }

    @Test
    void theStartPageDoesNotCallAToolReadyWhoseRegistrationFileWasRefusedAndSaysWhereTheLogSaysWhy() {
        Page start = new Browser().get(TOOL + "/"); // src/test/lti-config holds broken-on-purpose.json

        assertThat(start.text()).doesNotContain("ready for launches")
                .contains("1 registration file was refused").contains("event=registration.file.refused")
                .doesNotContain("broken-on-purpose");
    }

    @Test
    void theStartPageOpenedAtAnotherAddressThanLtiBaseUrlSaysBothAndWhatToSet() {
        String otherAddress = "http://127.0.0.1:28080"; // the same tool, not the address LTI_BASE_URL names

        assertThat(new Browser().get(otherAddress + "/").text())
                .contains("requested at 127.0.0.1:28080, but LTI_BASE_URL is " + TOOL)
                .contains("Set LTI_BASE_URL to the address the LMS reaches the tool at");
        assertThat(new Browser().post(otherAddress + "/lti/login", platform.loginFor("other-address")).status())
                .as("the login is logged, not refused").isEqualTo(302);
    }

    @Test
    void theOperatorSeesUnknownDeploymentsOnTheStartPageAndInTheOperatorApi() throws Exception {
        launch(t -> t.with(LtiClaim.DEPLOYMENT_ID, "unknown-77"));

        assertThat(new Browser().get(TOOL + "/").text()).containsPattern("\\d+ unknown deployments? ha(s|ve) tried")
                .contains("GET /admin/deployments/unknown");
        assertThat(QuizIT.operator("GET", "/admin/deployments/unknown", null).status()).isEqualTo(401);
        Page list = QuizIT.operator("GET", "/admin/deployments/unknown", "it-operator-token-of-at-least-32-chars");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("application/json"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> unknown = (List<Map<String, Object>>) com.nimbusds.jose.util.JSONObjectUtils
                .parse(list.body()).get("unknown_deployments");
        assertThat(unknown).filteredOn(u -> "unknown-77".equals(u.get("deployment_id"))).singleElement()
                .satisfies(u -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> platform = (Map<String, Object>) u.get("platform");
                    assertThat(platform).containsEntry("issuer", PlatformSimulator.ISSUER)
                            .containsEntry("client_id", PlatformSimulator.CLIENT_ID);
                    assertThat(((Number) u.get("attempts")).longValue()).isEqualTo(1);
                    assertThat(u).containsKeys("first_seen", "last_seen");
                });
    }

    @Test
    void aDeepLinkingRequestGetsANotAvailableYetPage() {
        Page page = launch(t -> t.with(LtiClaim.MESSAGE_TYPE, LtiClaim.DEEP_LINKING_REQUEST)
                .without(LtiClaim.RESOURCE_LINK)
                .with(LtiClaim.DEEP_LINKING_SETTINGS, Map.of("deep_link_return_url", "https://lms.simulator.test/dl",
                        "accept_types", List.of("ltiResourceLink"), "accept_presentation_document_targets", List.of("iframe"))));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("not available yet");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Cookies and platform storage

    @Test
    void withoutCookiesTheToolOffersToOpenInANewWindow() {
        Browser noCookies = new Browser(false);
        Page page = launch(noCookies, platform.loginFor("no-cookies"), null);
        assertThat(page.status()).isEqualTo(200);
        var link = page.document().selectFirst("a[target=_blank]");
        assertThat(link).isNotNull();
        assertThat(link.attr("href")).startsWith(TOOL + "/lti/login?").contains("login_hint=no-cookies");
    }

    /** A login with platform storage, through the platform, to the launch page that reads the state back. */
    private static Page platformStorageCheckPage(Browser noCookies, String user) {
        Map<String, String> login = platform.loginFor(user);
        login.put("lti_storage_target", "_parent");
        Page storagePage = noCookies.post(TOOL + "/lti/login", login);
        assertThat(storagePage.status()).isEqualTo(200);
        var box = storagePage.document().getElementById("platform-storage");
        assertThat(box.attr("data-mode")).isEqualTo("put");
        assertThat(box.attr("data-origin")).as("only the platform may receive the state")
                .isEqualTo("http://localhost:28181");
        assertThat(box.attr("data-key")).isEqualTo("state_" + box.attr("data-value"));

        Page authorization = noCookies.get(box.attr("data-next"));
        Page check = noCookies.submit(authorization.form());
        assertThat(check.status()).isEqualTo(200);
        var readBack = check.document().getElementById("platform-storage");
        assertThat(readBack.attr("data-mode")).isEqualTo("get");
        assertThat(readBack.attr("data-origin")).as("only the platform may answer").isEqualTo("http://localhost:28181");
        assertThat(readBack.attr("data-key")).isEqualTo(box.attr("data-key"));
        return check;
    }

    /** What the page's script posts once the platform answered lti.get_data with the stored value. */
    private static Browser.Form readBack(Page check) {
        Browser.Form form = check.form();
        String key = check.document().getElementById("platform-storage").attr("data-key");
        form.fields().put("platform_state", key.substring("state_".length()));
        return form;
    }

    @Test
    void withPlatformStorageTheToolsOwnPageReadsTheStateBackAndLaunches() {
        Browser noCookies = new Browser(false);
        Page check = platformStorageCheckPage(noCookies, "storage-user");

        assertThat(landing(noCookies, noCookies.submitFrom(TOOL, readBack(check))).status()).isEqualTo(200);
    }

    @Test
    void aToolPageThatSendsNoReferrerPostsWithANullOriginAndIsKnownBySecFetchSite() {
        // The tool's pages send no referrer, so Chromium writes "Origin: null" on their same-origin form POSTs.
        Browser noCookies = new Browser(false);
        Browser.Form form = readBack(platformStorageCheckPage(noCookies, "storage-null-origin"));

        Page launched = noCookies.postWith(Map.of("Origin", "null", "Sec-Fetch-Site", "same-origin"),
                form.action(), form.fields());

        assertThat(landing(noCookies, launched).status()).isEqualTo(200);
    }

    @Test
    void aNullOriginFromAnotherSiteIsRefused() {
        // A sandboxed frame on another site posts with "Origin: null" too, but the browser says it is cross-site.
        Browser attacker = new Browser(false);
        Browser.Form attackersLaunch = readBack(platformStorageCheckPage(attacker, "storage-sandboxed"));

        Page refused = new Browser(false).postWith(Map.of("Origin", "null", "Sec-Fetch-Site", "cross-site"),
                attackersLaunch.action(), attackersLaunch.fields());

        assertRejectedWithPage(refused, 401, "did not return the state");
    }

    @Test
    void aCrossSitePostOfAPlatformStorageLaunchIsRefused() {
        // The attacker runs a login of their own and collects everything its launch page holds...
        Browser attacker = new Browser(false);
        Browser.Form attackersLaunch = readBack(platformStorageCheckPage(attacker, "storage-attacker"));

        // ...then makes the victim's browser post it from the attacker's site (login CSRF).
        Browser victim = new Browser(false);
        assertRejectedWithPage(victim.submitFrom("https://attacker.example", attackersLaunch), 401,
                "did not return the state");
        assertRejectedWithPage(victim.submit(attackersLaunch), 401, "did not return the state");
    }

    @Test
    void aPlatformStorageRepostWithoutTheToolPagesCheckIsRefused() {
        Browser noCookies = new Browser(false);
        Browser.Form form = readBack(platformStorageCheckPage(noCookies, "storage-nocheck"));
        form.fields().remove("storage_check");

        assertRejectedWithPage(noCookies.submitFrom(TOOL, form), 401, "did not return the state");
    }

    @Test
    void whenThePlatformStorageHasNoStateTheToolOffersANewWindow() {
        Browser noCookies = new Browser(false);
        Browser.Form form = platformStorageCheckPage(noCookies, "storage-empty").form();
        form.fields().put("platform_state", "unavailable");

        Page page = noCookies.submitFrom(TOOL, form);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().selectFirst("a[target=_blank]").attr("href")).startsWith(TOOL + "/lti/login?");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Sessions after the launch

    @Test
    void theLandingPageTakesItsOwnAddressSoThatAReloadAsksForItInsteadOfPostingTheIdTokenAgain() {
        Browser browser = new Browser();
        Page landed = landing(browser, launch(browser, platform.loginFor("reload-user"), null));
        String address = pageAddress(landed);
        assertThat(address).startsWith("/home?s=");

        Page reloaded = browser.get(TOOL + address);
        assertThat(reloaded.status()).isEqualTo(200);
        assertThat(reloaded.document().selectFirst("main h1").text())
                .isEqualTo(landed.document().selectFirst("main h1").text());
    }

    @Test
    void theLandingPageNeedsAValidLaunchToken() {
        Browser browser = new Browser();
        String address = pageAddress(landing(browser, launch(browser, platform.loginFor("token-user"), null)));
        assertRejectedWithPage(browser.get(TOOL + "/home"), 401, "session");
        assertRejectedWithPage(browser.get(TOOL + address.replace("s=", "s=x")), 401, "session");
    }

    private static String pageAddress(Page landed) {
        return landed.document().selectFirst("script[src=/assets/page-address.js]").attr("data-address");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Bad requests never produce a 500

    @Test
    void anOversizedIdTokenIsRejectedWithAPage() {
        Browser browser = new Browser();
        Page redirect = browser.post(TOOL + "/lti/login", platform.loginFor("big"));
        String state = parseQuery(URI.create(redirect.location().orElseThrow()).getRawQuery()).get("state");
        Page page = browser.post(TOOL + "/lti/launch", Map.of("id_token", "a".repeat(100_000), "state", state));
        assertRejectedWithPage(page, 413);
    }

    @Test
    void malformedAndOversizedRequestsGetClientErrorPages() {
        Browser browser = new Browser();
        Page garbage = browser.post(TOOL + "/lti/launch", Map.of("id_token", "not-a-jwt", "state", "x"));
        assertRejectedWithPage(garbage, 401);
        Page badEncoding = browser.postRaw(TOOL + "/lti/launch", "application/x-www-form-urlencoded", "id_token=%zz&state=%");
        assertThat(badEncoding.status()).isBetween(400, 499);
        Page json = browser.postRaw(TOOL + "/lti/launch", "application/json", "{\"id_token\":\"x\"}");
        assertThat(json.status()).isBetween(400, 499);
        Page huge = browser.postRaw(TOOL + "/lti/launch", "application/x-www-form-urlencoded",
                "id_token=" + "a".repeat(3_000_000));
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.text()).contains("The request is too large").contains("at most 1024 KiB")
                .contains("LMS administrator").contains("Reference for the tool's operator")
                .doesNotContain("HTTP Status");
        Page larger = browser.postRaw(TOOL + "/lti/launch", "application/x-www-form-urlencoded",
                "id_token=" + "a".repeat(5_000_000));
        assertThat(larger.status()).isEqualTo(413);
        assertThat(larger.text()).contains("The request is too large").doesNotContain("HTTP Status");
        Page wrongMethod = browser.get(TOOL + "/lti/launch");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.text()).contains("Reference");
    }

    // ---------------------------------------------------------------------------------------------------------
    // The tool's own endpoints

    @Test
    void theJwksPublishesTheToolsPublicKeyOnly() {
        Page jwks = new Browser().get(TOOL + "/.well-known/jwks.json");
        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.body()).contains("\"kty\":\"RSA\"").contains("\"kid\"").contains("\"n\"")
                .doesNotContain("\"d\"").doesNotContain("\"p\"");
    }

    @Test
    void theOperatorRotatesTheToolKeyAndTheOldKeyStaysPublished() {
        Browser operator = new Browser();
        String before = operator.get(TOOL + "/.well-known/jwks.json").body();

        Page refused = operator.postRaw(TOOL + "/admin/keys/rotate", "application/json", "");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).contains("\"error\":\"unauthorized\"");

        Page rotated = operator.send(java.net.http.HttpRequest.newBuilder(URI.create(TOOL + "/admin/keys/rotate"))
                .header("Authorization", "Bearer it-operator-token-of-at-least-32-chars")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(rotated.status()).isEqualTo(200);
        String newKid = rotated.body().replaceAll(".*\"active_kid\":\"([^\"]+)\".*", "$1");

        String after = operator.get(TOOL + "/.well-known/jwks.json").body();
        assertThat(after).contains(newKid);
        assertThat(before).doesNotContain(newKid);
        String oldKid = before.replaceAll("(?s).*\"kid\":\"([^\"]+)\".*", "$1");
        assertThat(after).as("the retired key stays published in its grace period").contains(oldKid);
    }

    @Test
    void theToolIsReadyOnceMigrationsRanAndKeysAreLoaded() {
        Page health = new Browser().get(TOOL + "/health/ready");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("essentials-lti");
    }

    @Test
    void theStartPageGivesTheValuesAnLmsNeeds() {
        Page start = new Browser().get(TOOL + "/");
        assertThat(start.status()).isEqualTo(200);
        assertThat(start.text()).contains(TOOL + "/lti/login").contains(TOOL + "/lti/launch")
                .contains(TOOL + "/.well-known/jwks.json").contains("The tool is running");
        assertThat(start.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("frame-ancestors 'self' ").contains("https://lms.simulator.test")
                        .contains("http://localhost:28181").contains("script-src 'self'").doesNotContain("*"));
        assertThat(start.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(start.headers().firstValue("X-Frame-Options")).isEmpty();
    }

    @ParameterizedTest(name = "the sandbox launches a {0} through the real flow")
    @org.junit.jupiter.params.provider.CsvSource({"learner,Learner", "trainer,Trainer", "admin,Course admin"})
    void theSandboxRunsTheRealLoginAndLaunch(String role, String shown) {
        Browser browser = new Browser();
        Page start = browser.get(TOOL + "/sandbox/launch?role=" + role);
        Page redirect = browser.submit(start.form());
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.location().orElseThrow()).startsWith(TOOL + "/sandbox/auth?");
        Page authorization = browser.follow(redirect);
        Page home = landing(browser, browser.submit(authorization.form()));
        assertThat(home.text()).contains(shown);
    }

    static Map<String, String> parseQuery(String query) {
        return PlatformSimulator.parse(query);
    }
}
