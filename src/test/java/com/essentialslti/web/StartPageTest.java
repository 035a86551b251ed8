package com.essentialslti.web;

import com.essentialslti.infra.Settings;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What the start page tells whoever opens the tool, the operator above all, about the state it is in. */
class StartPageTest {

    static final Settings PUBLIC_TOOL = new Settings(URI.create("https://lti.example.edu"), Path.of("data"),
            Path.of("lti-config"), "jdbc:h2:mem:x", "sa", "", Settings.SandboxMode.AUTO, Duration.ofDays(7),
            Duration.ofMinutes(120), 10, Duration.ofSeconds(10), Optional.empty(), true, List.of(), 100);
    static final StartNotices.Registrations ALL_WELL = StartNotices.Registrations.NONE;

    private static List<String> notices(Optional<String> scheme, String authority,
                                        StartNotices.Registrations registrations) {
        return StartNotices.of(PUBLIC_TOOL, new RequestAddress(scheme, authority), registrations);
    }

    private static String page(List<String> notices) {
        return Jsoup.parse(Pages.render("web/start", StartPage.model(PUBLIC_TOOL, true, notices))).text();
    }

    @Test
    void aToolWithNothingToSetRightSaysItIsReadyForLaunches() {
        List<String> notices = notices(Optional.of("https"), "lti.example.edu", ALL_WELL);

        assertThat(notices).isEmpty();
        assertThat(page(notices)).contains("The tool is running and ready for launches.");
    }

    @Test
    void refusedRegistrationFilesAreCountedWithWhereTheLogSaysWhyAndTheToolIsNotCalledReady() {
        List<String> notices = notices(Optional.of("https"), "lti.example.edu",
                new StartNotices.Registrations(2, 0, 0));

        assertThat(notices).singleElement().asString()
                .startsWith("2 registration files were refused at start")
                .contains("event=registration.file.refused");
        assertThat(page(notices)).doesNotContain("ready for launches")
                .contains("The tool is running, but its operator has something to set right")
                .contains("2 registration files were refused");
    }

    @Test
    void unknownDeploymentsAndRetiredRegistrationsAreCountedWithWhereToLook() {
        List<String> notices = notices(Optional.of("https"), "lti.example.edu",
                new StartNotices.Registrations(0, 1, 3));

        assertThat(notices).containsExactly(
                "1 registration is retired because its file is gone from lti-config/platforms "
                        + "(event=registration.retired in the log): its launches are refused and its grades are not "
                        + "sent until the file is back.",
                "3 unknown deployments have tried to launch the tool. The operator API lists them "
                        + "(GET /admin/deployments/unknown); add each legitimate one to deployment_ids in its "
                        + "platform's registration file.");
    }

    @Test
    void aRequestAtAnotherAddressThanLtiBaseUrlSaysBothAndWhatToSet() {
        List<String> notices = notices(Optional.empty(), "10.0.0.5:8080", ALL_WELL);

        assertThat(notices).singleElement().asString()
                .contains("requested at 10.0.0.5:8080")
                .contains("LTI_BASE_URL is https://lti.example.edu")
                .contains("\"Invalid request\"")
                .contains("Set LTI_BASE_URL to the address the LMS reaches the tool at");
    }

    @Test
    void behindAProxyTheAddressIsTheOneTheProxyWasAskedFor() {
        Map<String, String> headers = Map.of("Host", "10.0.0.5:8080", "X-Forwarded-Host", "lti.example.edu",
                "X-Forwarded-Proto", "https");

        RequestAddress address = RequestAddress.of(headers::get, URI.create("http://10.0.0.5:8080/"), true);

        assertThat(address).isEqualTo(new RequestAddress(Optional.of("https"), "lti.example.edu"));
        assertThat(notices(address.scheme(), address.authority(), ALL_WELL)).isEmpty();
    }

    @Test
    void forwardedHeadersFromAnyoneButATrustedProxyAreNotBelieved() {
        Map<String, String> headers = Map.of("Host", "10.0.0.5:8080", "X-Forwarded-Host", "evil.example",
                "X-Forwarded-Proto", "https");

        RequestAddress address = RequestAddress.of(headers::get, URI.create("http://10.0.0.5:8080/"), false);

        assertThat(address).isEqualTo(new RequestAddress(Optional.empty(), "10.0.0.5:8080"));
    }

    @Test
    void aLoginAtAnotherAddressIsLoggedOnceWithWhatToSet() {
        LoginAddressCheck check = new LoginAddressCheck();
        check.settings = PUBLIC_TOOL;
        RequestAddress wrong = new RequestAddress(Optional.empty(), "10.0.0.5:8080");

        assertThat(check.mismatch(wrong)).hasValueSatisfying(line -> assertThat(line)
                .startsWith("event=login.address_mismatch requested=10.0.0.5:8080 lti_base_url=https://lti.example.edu")
                .contains("set LTI_BASE_URL"));
        assertThat(check.mismatch(wrong)).as("once per address").isEmpty();
        assertThat(check.mismatch(new RequestAddress(Optional.of("https"), "lti.example.edu"))).isEmpty();
        assertThat(check.mismatch(new RequestAddress(Optional.empty(), "evil\nevent=forged"))).as("never forges a line")
                .isEmpty();
    }

    @Test
    void aRequestOverPlainHttpToTheRightHostNamesTheScheme() {
        assertThat(notices(Optional.of("http"), "lti.example.edu", ALL_WELL)).singleElement().asString()
                .contains("requested at http://lti.example.edu");
    }
}
