package com.essentialslti.lti.launch;

import com.essentialslti.lti.claims.LaunchClaims;
import com.essentialslti.lti.claims.LtiClaim;
import com.essentialslti.lti.registration.Registration;
import com.essentialslti.lti.registration.TestRegistrations;
import com.essentialslti.testing.Examples;
import com.essentialslti.testing.JsonValues;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Whatever claims a signed launch carries, reading them into typed claims ends in {@link LaunchClaims} or a
 * {@link LaunchRejected}, never a ClassCastException or any other exception (issue 13 §3).
 */
class LaunchClaimsProperties {

    static final List<String> CLAIMS = List.of(LtiClaim.MESSAGE_TYPE, LtiClaim.DEPLOYMENT_ID, LtiClaim.TARGET_LINK_URI,
            LtiClaim.RESOURCE_LINK, LtiClaim.ROLES, LtiClaim.CONTEXT, LtiClaim.TOOL_PLATFORM, LtiClaim.CUSTOM,
            LtiClaim.AGS_ENDPOINT, "sub", "name", "given_name", "family_name", "email");

    static final Registration MOODLE = TestRegistrations.unsaved("https://moodle.example.org", "client-1",
            URI.create("https://moodle.example.org/mod/lti/token.php"));

    /** A value that a claim could plausibly hold, so that the properties reach past the first wrong type. */
    private static Object plausible(String claim, Random random) {
        return switch (claim) {
            case LtiClaim.MESSAGE_TYPE -> random.nextBoolean() ? LtiClaim.RESOURCE_LINK_REQUEST : "LtiSomething";
            case LtiClaim.RESOURCE_LINK, LtiClaim.CONTEXT -> {
                Map<String, Object> link = new LinkedHashMap<>();
                link.put("id", random.nextBoolean() ? "link-" + random.nextInt(9) : JsonValues.any(random, 1));
                link.put("title", JsonValues.any(random, 1));
                link.put("label", JsonValues.any(random, 0));
                yield link;
            }
            case LtiClaim.ROLES -> JsonValues.list(random, 1);
            case LtiClaim.AGS_ENDPOINT -> {
                Map<String, Object> ags = new LinkedHashMap<>();
                ags.put("scope", random.nextBoolean() ? java.util.Arrays.asList(JsonValues.any(random, 0),
                        "https://purl.imsglobal.org/spec/lti-ags/scope/score") : JsonValues.any(random, 1));
                ags.put("lineitems", random.nextBoolean() ? "https://moodle.example.org/lineitems"
                        : JsonValues.any(random, 1));
                ags.put("lineitem", JsonValues.any(random, 1));
                yield ags;
            }
            case LtiClaim.CUSTOM -> JsonValues.object(random, 2);
            default -> JsonValues.text(random);
        };
    }

    @Test
    void anyClaimsOfAnyTypeEndInTypedClaimsOrARefusal() {
        AtomicInteger typed = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();
        AtomicInteger notAClaimsSet = new AtomicInteger();
        int tried = Examples.tried("launch claims", 10_000, longs().all(), seed -> {
            Random random = new Random(seed);
            Map<String, Object> claims = new LinkedHashMap<>();
            for (String claim : CLAIMS) {
                int choice = random.nextInt(5);
                if (choice == 0) {
                    continue;
                }
                claims.put(claim, choice <= 2 ? plausible(claim, random) : JsonValues.any(random, 2));
            }
            JWTClaimsSet set;
            try {
                // as SignedJWT.getJWTClaimsSet reads the payload; its refusal is the chain's (IsSignedJwt)
                set = JWTClaimsSet.parse(JSONObjectUtils.toJSONString(claims));
            } catch (ParseException e) {
                notAClaimsSet.incrementAndGet();
                return;
            }
            try {
                LaunchClaims result = LaunchValidator.withAcceptableServices(LaunchValidator.typed(set), MOODLE);
                assertThat(result.messageType()).isNotBlank();
                assertThat(result.deploymentId()).isNotBlank();
                result.gradeService().ifPresent(grades -> {
                    grades.lineItems().ifPresent(u -> assertThat(MOODLE.serviceUrlRefusal(u)).isEmpty());
                    grades.lineItem().ifPresent(u -> assertThat(MOODLE.serviceUrlRefusal(u)).isEmpty());
                    grades.canSendScores();
                });
                result.lisRoles();
                typed.incrementAndGet();
            } catch (LaunchRejected refused) {
                assertThat(refused.code()).startsWith("lti.");
                rejected.incrementAndGet();
            }
        });
        assertThat(tried).isGreaterThan(5_000);
        assertThat(typed.get()).as("typed").isGreaterThan(500);
        assertThat(rejected.get()).as("rejected").isGreaterThan(500);
        System.out.printf("launch claims: %d typed, %d refused, %d not a claims set%n", typed.get(),
                rejected.get(), notAClaimsSet.get());
    }
}
