package com.essentialslti.lti.launch;

import com.essentialslti.lti.claims.LtiClaim;
import com.essentialslti.lti.session.LoginState;
import com.essentialslti.testing.Keys;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each check of the launch chain, run against a real registration, key set and login state. */
class LaunchChecksTest {

    ChainFixture fixture;
    LoginState login;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new ChainFixture();
        login = fixture.login();
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private void passes(Class<? extends LaunchCheck> check, String token) throws LaunchRejected {
        LaunchAttempt attempt = fixture.before(check, token, login.state());
        assertThatCode(() -> fixture.check(check).check(attempt)).doesNotThrowAnyException();
    }

    private LaunchRejected rejects(Class<? extends LaunchCheck> check, String token) throws LaunchRejected {
        return rejects(check, token, login.state());
    }

    private LaunchRejected rejects(Class<? extends LaunchCheck> check, String token, String state) throws LaunchRejected {
        LaunchAttempt attempt = fixture.before(check, token, state);
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> fixture.check(check).check(attempt));
        assertThat(thrown).isInstanceOf(LaunchRejected.class);
        LaunchRejected rejected = (LaunchRejected) thrown;
        assertThat(rejected.status()).isBetween(400, 499);
        return rejected;
    }

    private String valid() {
        return fixture.token(login).build();
    }

    @Test
    void everyCheckCitesTheSpecificationClauseItEnforces() {
        assertThat(fixture.validator.chain()).allSatisfy(check ->
                assertThat(check.clause()).containsAnyOf("Security Framework", "LTI 1.3 Core", "OpenID Connect"));
    }

    @Test
    void aValidLaunchPassesEveryCheckInOrder() throws LaunchRejected {
        ValidatedLaunch launch = fixture.validator.validate(valid(), login.state(), true);
        assertThat(launch.checksPassed()).hasSize(fixture.validator.chain().size());
        assertThat(launch.claims().subject()).contains("user-1001");
        assertThat(launch.registration().clientId()).isEqualTo(ChainFixture.CLIENT_ID);
    }

    @Nested
    class IdTokenPresentCheck {
        @Test
        void refusesAMissingIdToken() throws LaunchRejected {
            assertThat(rejects(IdTokenPresent.class, null).code()).isEqualTo("id_token.missing");
        }

        @Test
        void refusesAnOversizedIdTokenWith413() throws LaunchRejected {
            LaunchRejected rejected = rejects(IdTokenPresent.class, "a".repeat(IdTokenPresent.MAX_LENGTH + 1));
            assertThat(rejected.status()).isEqualTo(413);
        }
    }

    @Nested
    class StateIssuedCheck {
        @Test
        void refusesAStateTheToolNeverIssued() throws LaunchRejected {
            assertThat(rejects(StateIssued.class, valid(), "never-issued").code()).isEqualTo("state.unknown");
        }

        @Test
        void refusesAMissingState() throws LaunchRejected {
            assertThat(rejects(StateIssued.class, valid(), null).code()).isEqualTo("state.missing");
        }

        @Test
        void refusesAStateAlteredAfterTheToolSealedIt() throws LaunchRejected {
            String altered = login.state().replaceFirst("\\.[^.]+$", ".AAAA");
            assertThat(rejects(StateIssued.class, valid(), altered).code()).isEqualTo("state.unknown");
        }

        @Test
        void refusesAStateUsedBeforeWhenTheBrowserLostItsCookie() {
            fixture.states.consume(login);
            LaunchAttempt replay = new LaunchAttempt(valid(), login.state(), false);
            assertThatThrownBy(() -> fixture.check(StateIssued.class).check(replay))
                    .isInstanceOfSatisfying(LaunchRejected.class, r -> assertThat(r.code()).isEqualTo("state.used"));
        }

        @Test
        void refusesAnExpiredState() throws LaunchRejected {
            fixture.clock.advance(Duration.ofMinutes(6));
            assertThat(rejects(StateIssued.class, valid()).code()).isEqualTo("state.expired");
        }
    }

    @Nested
    class StateBoundToBrowserCheck {
        @Test
        void refusesABrowserThatDidNotReturnTheState() throws LaunchRejected {
            LaunchAttempt attempt = new LaunchAttempt(valid(), login.state(), false);
            assertThatThrownBy(() -> new StateBoundToBrowser().check(attempt))
                    .isInstanceOfSatisfying(LaunchRejected.class, r -> assertThat(r.code()).isEqualTo("state.not_bound"));
        }

        @Test
        void acceptsTheStateCookie() throws LaunchRejected {
            passes(StateBoundToBrowser.class, valid());
        }
    }

    @Nested
    class IsSignedJwtCheck {
        @Test
        void refusesSomethingThatIsNotAJwt() throws LaunchRejected {
            assertThat(rejects(IsSignedJwt.class, "this-is-not-a-jwt").code()).isEqualTo("id_token.not_jwt");
        }

        @Test
        void refusesAnUnsignedJwt() throws LaunchRejected {
            assertThat(rejects(IsSignedJwt.class, fixture.token(login).algNone().build()).code())
                    .isEqualTo("id_token.not_jwt");
        }

        @Test
        void refusesGarbageBetweenTheDots() throws LaunchRejected {
            assertThat(rejects(IsSignedJwt.class, "e30.%%%.abc").code()).isEqualTo("id_token.not_jwt");
        }
    }

    @Nested
    class AlgorithmIsRs256Check {
        @Test
        void refusesHs256KeyedWithThePlatformsPublicKey() throws Exception {
            byte[] secret = fixture.platformKey.toRSAPublicKey().getEncoded();
            assertThat(rejects(AlgorithmIsRs256.class, fixture.token(login).hs256(secret).build()).code())
                    .isEqualTo("id_token.alg");
        }

        @Test
        void acceptsRs256() throws LaunchRejected {
            passes(AlgorithmIsRs256.class, valid());
        }
    }

    @Nested
    class IssuerRegisteredCheck {
        @Test
        void refusesAnotherIssuerThanTheLogins() throws LaunchRejected {
            String token = fixture.token(login).with("iss", "https://evil.example.com").build();
            assertThat(rejects(IssuerRegistered.class, token).code()).isEqualTo("id_token.iss");
        }

        @Test
        void refusesAMissingIssuer() throws LaunchRejected {
            assertThat(rejects(IssuerRegistered.class, fixture.token(login).without("iss").build()).code())
                    .isEqualTo("id_token.iss");
        }
    }

    @Nested
    class RegistrationInServiceCheck {
        @Test
        void refusesALaunchFromAPlatformWhoseRegistrationFileWasRemovedNamingThePlatform() throws Exception {
            fixture.removeRegistrationFile();

            LaunchRejected rejected = rejects(RegistrationInService.class, valid());

            assertThat(rejected.code()).isEqualTo("registration.retired");
            assertThat(rejected.title()).isEqualTo("This tool is no longer registered with Test LMS");
            assertThat(rejected.explanation()).contains(ChainFixture.ISSUER).contains(ChainFixture.CLIENT_ID);
        }

        @Test
        void acceptsARegistrationInService() throws LaunchRejected {
            passes(RegistrationInService.class, valid());
        }
    }

    @Nested
    class AudienceIsClientCheck {
        @Test
        void refusesATokenForAnotherClient() throws LaunchRejected {
            String token = fixture.token(login).with("aud", "other-tool").build();
            assertThat(rejects(AudienceIsClient.class, token).code()).isEqualTo("id_token.aud");
        }

        @Test
        void refusesSeveralAudiencesWithoutAzp() throws LaunchRejected {
            String token = fixture.token(login).with("aud", List.of(ChainFixture.CLIENT_ID, "other")).build();
            assertThat(rejects(AudienceIsClient.class, token).code()).isEqualTo("id_token.azp");
        }

        @Test
        void acceptsSeveralAudiencesWhenAzpNamesTheTool() throws LaunchRejected {
            passes(AudienceIsClient.class, fixture.token(login).with("aud", List.of(ChainFixture.CLIENT_ID, "other"))
                    .with("azp", ChainFixture.CLIENT_ID).build());
        }

        @Test
        void refusesAnAzpNamingAnotherClient() throws LaunchRejected {
            String token = fixture.token(login).with("azp", "other").build();
            assertThat(rejects(AudienceIsClient.class, token).code()).isEqualTo("id_token.azp");
        }
    }

    @Nested
    class KidKnownCheck {
        @Test
        void refusesATokenWithoutKid() throws LaunchRejected {
            assertThat(rejects(KidKnown.class, fixture.token(login).noKid().build()).code())
                    .isEqualTo("id_token.kid.missing");
        }

        @Test
        void refetchesTheKeySetOnceForAnUnknownKidThenRefuses() throws LaunchRejected {
            passes(KidKnown.class, valid()); // first use fills the cache
            fixture.clock.advance(Duration.ofSeconds(11)); // past the refetch rate limit
            int before = fixture.keySet.fetches();
            assertThat(rejects(KidKnown.class, fixture.token(login).kid("unknown-kid").build()).code())
                    .isEqualTo("id_token.kid.unknown");
            assertThat(fixture.keySet.fetches()).isEqualTo(before + 1);
        }

        @Test
        void doesNotRefetchAgainWithinTheRateLimit() throws LaunchRejected {
            passes(KidKnown.class, valid());
            fixture.clock.advance(Duration.ofSeconds(11));
            rejects(KidKnown.class, fixture.token(login).kid("bogus-1").build());
            int after = fixture.keySet.fetches();
            rejects(KidKnown.class, fixture.token(login).kid("bogus-2").build());
            assertThat(fixture.keySet.fetches()).isEqualTo(after);
        }

        @Test
        void picksUpARotatedPlatformKey() throws LaunchRejected {
            passes(KidKnown.class, valid());
            RSAKey rotated = Keys.rsa("platform-key-2");
            fixture.keySet.publish(rotated.toPublicJWK());
            fixture.clock.advance(Duration.ofSeconds(11));
            passes(KidKnown.class, fixture.token(login).signedWith(rotated).build());
        }
    }

    @Nested
    class SignatureValidCheck {
        @Test
        void refusesATokenSignedWithAnotherKeyUnderTheRightKid() throws LaunchRejected {
            RSAKey impostor = Keys.rsa(fixture.platformKey.getKeyID());
            assertThat(rejects(SignatureValid.class, fixture.token(login).signedWith(impostor).build()).code())
                    .isEqualTo("id_token.signature");
        }

        @Test
        void refusesATamperedPayload() throws LaunchRejected {
            String[] parts = valid().split("\\.");
            String forged = fixture.token(login).subject("admin").build().split("\\.")[1];
            assertThat(rejects(SignatureValid.class, parts[0] + "." + forged + "." + parts[2]).code())
                    .isEqualTo("id_token.signature");
        }
    }

    @Nested
    class NotExpiredCheck {
        @Test
        void refusesAnExpiredToken() throws LaunchRejected {
            String token = fixture.token(login).issuedAt(Instant.now().minusSeconds(600))
                    .expiresAt(Instant.now().minusSeconds(120)).build();
            assertThat(rejects(NotExpired.class, token).code()).isEqualTo("id_token.expired");
        }

        @Test
        void allowsSixtySecondsOfClockSkew() throws LaunchRejected {
            passes(NotExpired.class, fixture.token(login).expiresAt(Instant.now().minusSeconds(30)).build());
        }

        @Test
        void refusesTimestampsFarInThePast() throws LaunchRejected {
            String token = fixture.token(login).issuedAt(Instant.parse("2001-01-01T00:00:00Z"))
                    .expiresAt(Instant.parse("2001-01-01T00:01:00Z")).build();
            assertThat(rejects(NotExpired.class, token).code()).isEqualTo("id_token.expired");
        }

        @Test
        void refusesAMissingExpiry() throws LaunchRejected {
            assertThat(rejects(NotExpired.class, fixture.token(login).without("exp").build()).code())
                    .isEqualTo("id_token.exp.missing");
        }
    }

    @Nested
    class IssuedInThePastCheck {
        @Test
        void refusesATokenIssuedInTheFuture() throws LaunchRejected {
            String token = fixture.token(login).issuedAt(Instant.now().plusSeconds(600))
                    .expiresAt(Instant.now().plusSeconds(660)).build();
            assertThat(rejects(IssuedInThePast.class, token).code()).isEqualTo("id_token.iat.future");
        }

        @Test
        void refusesAMissingIssueTime() throws LaunchRejected {
            assertThat(rejects(IssuedInThePast.class, fixture.token(login).without("iat").build()).code())
                    .isEqualTo("id_token.iat.missing");
        }
    }

    @Nested
    class NonceMatchesLoginCheck {
        @Test
        void refusesTheNonceOfAnotherLogin() throws LaunchRejected {
            LoginState other = fixture.login();
            String token = fixture.token(login).with("nonce", other.nonce()).build();
            assertThat(rejects(NonceMatchesLogin.class, token).code()).isEqualTo("id_token.nonce");
        }

        @Test
        void refusesAMissingNonce() throws LaunchRejected {
            assertThat(rejects(NonceMatchesLogin.class, fixture.token(login).without("nonce").build()).code())
                    .isEqualTo("id_token.nonce");
        }
    }

    @Nested
    class VersionIs130Check {
        @Test
        void refusesAnotherVersion() throws LaunchRejected {
            String token = fixture.token(login).with(LtiClaim.VERSION, "1.2.0").build();
            assertThat(rejects(VersionIs130.class, token).code()).isEqualTo("lti.version.wrong");
        }

        @Test
        void refusesAMissingVersion() throws LaunchRejected {
            assertThat(rejects(VersionIs130.class, fixture.token(login).without(LtiClaim.VERSION).build()).code())
                    .isEqualTo("lti.version.missing");
        }
    }

    @Nested
    class MessageTypeSupportedCheck {
        @Test
        void refusesAMissingMessageType() throws LaunchRejected {
            String token = fixture.token(login).without(LtiClaim.MESSAGE_TYPE).build();
            assertThat(rejects(MessageTypeSupported.class, token).code()).isEqualTo("lti.message_type.missing");
        }

        @Test
        void refusesAnUnknownMessageType() throws LaunchRejected {
            String token = fixture.token(login).with(LtiClaim.MESSAGE_TYPE, "LtiSubmissionReviewRequest").build();
            assertThat(rejects(MessageTypeSupported.class, token).code()).isEqualTo("lti.message_type.unsupported");
        }

        @Test
        void acceptsDeepLinkingRequests() throws LaunchRejected {
            passes(MessageTypeSupported.class,
                    fixture.token(login).with(LtiClaim.MESSAGE_TYPE, LtiClaim.DEEP_LINKING_REQUEST).build());
        }
    }

    @Nested
    class DeploymentKnownCheck {
        @Test
        void refusesAMissingDeploymentId() throws LaunchRejected {
            String token = fixture.token(login).without(LtiClaim.DEPLOYMENT_ID).build();
            assertThat(rejects(DeploymentKnown.class, token).code()).isEqualTo("lti.deployment_id.missing");
        }

        @Test
        void refusesAndRecordsAnUnknownDeploymentWithAnActionableMessage() throws LaunchRejected {
            String token = fixture.token(login).with(LtiClaim.DEPLOYMENT_ID, "7").build();
            LaunchRejected rejected = rejects(DeploymentKnown.class, token);
            assertThat(rejected.status()).isEqualTo(403);
            assertThat(rejected.explanation()).contains("deployment '7'").contains(ChainFixture.ISSUER);
            assertThat(rejected.remedy()).contains("operator").contains("\"7\"");
            assertThat(fixture.registrations.unknownDeployments())
                    .anySatisfy(u -> assertThat(u.deploymentId()).isEqualTo("7"));
        }

        @Test
        void anUnknownDeploymentInATokenThePlatformDidNotSignIsNotRecorded() {
            RSAKey impostor = Keys.rsa(fixture.platformKey.getKeyID());
            String forged = fixture.token(login).with(LtiClaim.DEPLOYMENT_ID, "8").signedWith(impostor).build();

            assertThatThrownBy(() -> fixture.validator.validate(forged, login.state(), login, true))
                    .isInstanceOfSatisfying(LaunchRejected.class,
                            r -> assertThat(r.code()).isEqualTo("id_token.signature"));
            assertThat(fixture.registrations.unknownDeployments()).isEmpty();
        }

        @Test
        void anUnknownDeploymentIdCannotForgeALogLine() throws LaunchRejected {
            java.util.List<String> logged = com.essentialslti.testing.LogCapture.of(
                    com.essentialslti.lti.registration.Registrations.class, () -> {
                        try {
                            rejects(DeploymentKnown.class, fixture.token(login)
                                    .with(LtiClaim.DEPLOYMENT_ID, "7\r\nevent=launch.accepted issuer=forged").build());
                        } catch (LaunchRejected unexpected) {
                            throw new AssertionError(unexpected);
                        }
                    });

            assertThat(logged).singleElement().asString().startsWith("event=deployment.unknown")
                    .doesNotContain("\r").doesNotContain("\n")
                    .contains("deployment_id=\"7\\r\\nevent=launch.accepted issuer=forged\"");
        }
    }

    @Nested
    class SubjectPresentCheck {
        @Test
        void refusesAMissingSub() throws LaunchRejected {
            assertThat(rejects(SubjectPresent.class, fixture.token(login).without("sub").build()).code())
                    .isEqualTo("id_token.sub.missing");
        }

        @Test
        void refusesAnEmptySub() throws LaunchRejected {
            assertThat(rejects(SubjectPresent.class, fixture.token(login).subject("").build()).code())
                    .isEqualTo("id_token.sub.missing");
        }
    }

    @Nested
    class ResourceLinkPresentCheck {
        @Test
        void refusesAResourceLinkWithoutId() throws LaunchRejected {
            String token = fixture.token(login).with(LtiClaim.RESOURCE_LINK, Map.of("title", "No id")).build();
            assertThat(rejects(ResourceLinkPresent.class, token).code()).isEqualTo("lti.resource_link.missing");
        }

        @Test
        void refusesAMissingResourceLinkClaim() throws LaunchRejected {
            String token = fixture.token(login).without(LtiClaim.RESOURCE_LINK).build();
            assertThat(rejects(ResourceLinkPresent.class, token).code()).isEqualTo("lti.resource_link.missing");
        }

        @Test
        void doesNotRequireAResourceLinkForDeepLinking() throws LaunchRejected {
            passes(ResourceLinkPresent.class, fixture.token(login).without(LtiClaim.RESOURCE_LINK)
                    .with(LtiClaim.MESSAGE_TYPE, LtiClaim.DEEP_LINKING_REQUEST).build());
        }
    }

    @Nested
    class RolesPresentCheck {
        @Test
        void refusesAMissingRolesClaim() throws LaunchRejected {
            assertThat(rejects(RolesPresent.class, fixture.token(login).without(LtiClaim.ROLES).build()).code())
                    .isEqualTo("lti.roles.missing");
        }

        @Test
        void refusesRolesThatAreNotAList() throws LaunchRejected {
            String token = fixture.token(login).with(LtiClaim.ROLES, "Learner").build();
            assertThat(rejects(RolesPresent.class, token).code()).isEqualTo("lti.roles.malformed");
        }

        @Test
        void acceptsAnEmptyRolesArray() throws LaunchRejected {
            passes(RolesPresent.class, fixture.token(login).roles().build());
        }
    }

    @Nested
    class StateUsedOnceCheck {
        @Test
        void refusesTheSecondUseOfAState() throws LaunchRejected {
            String token = valid();
            fixture.validator.validate(token, login.state(), true);
            LaunchAttempt attempt = fixture.before(StateUsedOnce.class, token, login.state());
            assertThatThrownBy(() -> fixture.check(StateUsedOnce.class).check(attempt))
                    .isInstanceOfSatisfying(LaunchRejected.class, r -> assertThat(r.code()).isEqualTo("state.used"));
        }
    }

    @Test
    void rejectionsNeverCarryTokenContentsOnThePage() {
        String token = fixture.token(login).with(LtiClaim.VERSION, "9.9.9-secret-marker").build();
        assertThatThrownBy(() -> fixture.validator.validate(token, login.state(), true))
                .isInstanceOfSatisfying(LaunchRejected.class, r -> {
                    assertThat(r.explanation() + r.remedy() + r.title()).doesNotContain(token);
                });
    }

    /** Issue 13 §1.5: a launch's AGS URLs are taken only where the registration lets the tool send its token. */
    @Nested
    class GradeServiceOfTheLaunch {

        private final java.util.List<String> allScopes = java.util.List.of(
                "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
                "https://purl.imsglobal.org/spec/lti-ags/scope/score");

        private ValidatedLaunch launchWithAgs(String lineItems, String lineItem) throws LaunchRejected {
            return fixture.validator.validate(fixture.token(login).agsEndpoint(allScopes, java.net.URI.create(lineItems),
                    lineItem == null ? null : java.net.URI.create(lineItem)).build(), login.state(), true);
        }

        @Test
        void servicesOnThePlatformsHostAreKept() throws LaunchRejected {
            ValidatedLaunch launch = launchWithAgs(ChainFixture.ISSUER + "/mod/lti/services.php/2/lineitems",
                    ChainFixture.ISSUER + "/mod/lti/services.php/2/lineitems/7/lineitem");

            assertThat(launch.claims().gradeService()).hasValueSatisfying(grades ->
                    assertThat(grades.canSendScores()).isTrue());
        }

        @Test
        void servicesOnAnotherHostAreDroppedAndTheLaunchStands() throws LaunchRejected {
            ValidatedLaunch launch = launchWithAgs(ChainFixture.ISSUER + "/lineitems",
                    "https://attacker.example/lineitem");

            assertThat(launch.checksPassed()).hasSize(fixture.validator.chain().size());
            assertThat(launch.claims().gradeService()).isEmpty();
        }

        @Test
        void aContainerOnAnInternalAddressIsDropped() throws LaunchRejected {
            ValidatedLaunch launch = launchWithAgs("https://169.254.169.254/latest/meta-data", null);

            assertThat(launch.claims().gradeService()).isEmpty();
        }
    }
}
