package com.essentialslti.selfassessment.framework;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The framework that ships with the tool: what the issue asks of it, checked on the file itself. */
class DefaultFrameworkContentTest {

    final FrameworkContent framework = FrameworkJson.read(resource("/selfassessment/default-framework.json"));

    @Test
    void hasEightToTwelveAreas() {
        assertThat(framework.areas()).hasSizeBetween(8, 12);
    }

    @Test
    void everyAreaHasThreeToFiveCompetencies() {
        assertThat(framework.areas()).allSatisfy(a -> assertThat(a.competencies()).as(a.key()).hasSizeBetween(3, 5));
    }

    @Test
    void theScaleIsAwarePractitionerExperiencedExpertEachWithASummary() {
        assertThat(framework.scale()).extracting(ProficiencyLevel::name)
                .containsExactly("Aware", "Practitioner", "Experienced", "Expert");
        assertThat(framework.scale()).allSatisfy(l -> assertThat(l.summary()).isNotBlank());
    }

    @Test
    void everyCompetencyDescribesFourDistinctBehavioursOneForEachLevel() {
        assertThat(framework.competencies()).allSatisfy(c -> {
            assertThat(c.behaviours()).as(c.key()).hasSize(4).doesNotHaveDuplicates();
            assertThat(c.behaviours()).as(c.key()).allSatisfy(b -> assertThat(b).isNotBlank());
        });
    }

    @Test
    void everyQuizTopicOfACompetencyIsATopicOfTheDefaultBank() {
        Set<String> bank = bankTopics();
        assertThat(framework.competencies()).allSatisfy(c -> {
            assertThat(c.quizTopics()).as(c.key()).isNotEmpty();
            assertThat(bank).as(c.key()).containsAll(c.quizTopics());
        });
    }

    @Test
    void everyTopicOfTheDefaultBankIsTestedForAtLeastOneCompetency() {
        Set<String> used = framework.competencies().stream().flatMap(c -> c.quizTopics().stream())
                .collect(Collectors.toSet());
        assertThat(used).containsAll(bankTopics());
    }

    @Test
    void bothTargetProfilesExistAndSetALevelForEveryCompetency() {
        Set<String> keys = framework.competencies().stream().map(Competency::key).collect(Collectors.toSet());
        assertThat(framework.targets()).extracting(TargetProfile::key).containsExactly("aspiring", "manager");
        assertThat(framework.targets()).allSatisfy(t -> assertThat(t.levels().keySet()).as(t.key()).isEqualTo(keys));
    }

    @Test
    void anAspiringManagersTargetIsNeverAboveAPmoManagers() {
        TargetProfile aspiring = framework.target("aspiring").orElseThrow();
        TargetProfile manager = framework.target("manager").orElseThrow();
        assertThat(framework.competencies()).allSatisfy(c -> assertThat(aspiring.levelOf(c.key())).as(c.key())
                .isLessThanOrEqualTo(manager.levelOf(c.key())));
    }

    @Test
    void everyAreaSuggestsAtLeastTwoActionsForEachShareOfSeventyTwentyTen() {
        assertThat(framework.areas()).allSatisfy(a -> {
            for (Share share : Share.values()) {
                assertThat(a.suggestions().getOrDefault(share, List.of())).as(a.key() + " " + share.key())
                        .hasSizeGreaterThanOrEqualTo(2)
                        .allSatisfy(s -> assertThat(s).isNotBlank());
            }
        });
    }

    @Test
    void writingThenReadingGivesTheSameFramework() {
        assertThat(FrameworkJson.read(FrameworkJson.write(framework))).isEqualTo(framework);
    }

    @SuppressWarnings("unchecked")
    private static Set<String> bankTopics() {
        try {
            Map<String, Object> bank = JSONObjectUtils.parse(resource("/quiz/default-bank.json"));
            Set<String> ids = new HashSet<>();
            ((List<Map<String, Object>>) bank.get("topics")).forEach(t -> ids.add((String) t.get("id")));
            return ids;
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = DefaultFrameworkContentTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name + " is in the build").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
