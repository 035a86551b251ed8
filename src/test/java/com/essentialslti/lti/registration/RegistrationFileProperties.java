package com.essentialslti.lti.registration;

import com.essentialslti.testing.Examples;
import com.essentialslti.testing.JsonValues;
import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

/**
 * Whatever an operator's file holds, reading it ends in a registration or in {@link RegistrationFile.Invalid} with
 * its problems, never in another exception (issue 13 §3).
 */
class RegistrationFileProperties {

    static final String VALID = JSONObjectUtils.toJSONString(valid());
    static final List<String> FIELDS = List.of("name", "issuer", "client_id", "auth_login_url", "auth_token_url",
            "key_set_url", "deployment_ids", "auth_audience", "service_hosts");

    /** A valid file with every optional field too. */
    private static Map<String, Object> valid() {
        Map<String, Object> json = RegistrationFileTest.moodle();
        json.put("auth_audience", "https://moodle.example.org/mod/lti/token.php");
        json.put("service_hosts", List.of("files.moodle.example.org"));
        return json;
    }

    /** Parses to one of the two declared endings; any other exception fails the property. */
    static void outcome(String text) {
        try {
            RegistrationFile file = RegistrationFile.parse("platforms/x.json", text);
            assertThat(file.issuer()).isNotBlank();
        } catch (RegistrationFile.Invalid invalid) {
            assertThat(invalid.problems()).isNotEmpty().allSatisfy(p -> assertThat(p).isNotBlank());
        }
    }

    @Test
    void anyTextEndsInARegistrationOrItsProblems() {
        assertThat(Examples.tried("registration file, any text", 5000,
                strings().allPossible().ofLengthBetween(0, 200), RegistrationFileProperties::outcome))
                .isGreaterThan(2500);
    }

    @Test
    void aValidFileWithCharactersDeletedInsertedOrReplacedEndsInARegistrationOrItsProblems() {
        Gen<String> mutated = integers().between(0, VALID.length() - 1).zip(integers().between(0, 0x2FFF),
                integers().between(0, 2), (at, c, how) -> switch (how) {
                    case 0 -> VALID.substring(0, at) + VALID.substring(at + 1);
                    case 1 -> VALID.substring(0, at) + (char) c.intValue() + VALID.substring(at);
                    default -> VALID.substring(0, at) + (char) c.intValue() + VALID.substring(at + 1);
                });
        assertThat(Examples.tried("registration file, one character changed", 5000, mutated,
                RegistrationFileProperties::outcome)).isGreaterThan(2500);
    }

    @Test
    void anyFieldOfAValidFileGivenAValueOfAnyTypeEndsInARegistrationOrItsProblems() {
        assertThat(Examples.tried("registration file, fields of any type", 10_000, longs().all(), seed -> {
            Random random = new Random(seed);
            Map<String, Object> json = valid();
            int changes = 1 + random.nextInt(3);
            for (int i = 0; i < changes; i++) {
                String field = random.nextInt(10) == 0 ? JsonValues.text(random)
                        : FIELDS.get(random.nextInt(FIELDS.size()));
                if (random.nextInt(5) == 0) {
                    json.remove(field);
                } else {
                    json.put(field, JsonValues.any(random, 2));
                }
            }
            outcome(JSONObjectUtils.toJSONString(json));
        })).isGreaterThan(5000);
    }
}
