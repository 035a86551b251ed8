package com.essentialslti.selfassessment.framework;

import org.junit.jupiter.api.Test;

import java.util.List;

import static com.essentialslti.selfassessment.FrameworkBuilder.framework;
import static org.assertj.core.api.Assertions.assertThat;

class ImportedFrameworksTest {

    private final FrameworkContent current = framework().quizTopics("gov.assurance", "governance")
            .area("gov", "assurance", "standards").target("gov.assurance", 3).target("gov.standards", 2).build();

    private static FrameworkContent withoutTargets(FrameworkContent framework) {
        return new FrameworkContent(framework.name(), "", framework.scale(), framework.areas(), List.of());
    }

    @Test
    void aReimportedExportKeepsTheQuizTopicsAndTargetsOfMatchingKeys() {
        FrameworkContent imported = withoutTargets(framework().area("gov", "assurance", "standards").build());

        ImportedFrameworks.Completed completed = ImportedFrameworks.complete(imported, current);

        assertThat(completed.framework().competency("gov.assurance").orElseThrow().quizTopics())
                .containsExactly("governance");
        assertThat(completed.framework().target("target").orElseThrow().levels())
                .containsEntry("gov.assurance", 3).containsEntry("gov.standards", 2);
        assertThat(completed.notes()).hasSize(2);
    }

    @Test
    void aFrameworkWithNothingInCommonGetsThePenultimateLevelEverywhereAndSaysSo() {
        FrameworkContent imported = withoutTargets(framework().area("ops", "planning").build());

        ImportedFrameworks.Completed completed = ImportedFrameworks.complete(imported, current);

        assertThat(completed.framework().targets()).singleElement()
                .satisfies(t -> assertThat(t.levels()).containsExactly(java.util.Map.entry("ops.planning", 3)));
        assertThat(completed.notes()).anySatisfy(n -> assertThat(n).contains("\"Experienced\" in every competency"));
    }

    @Test
    void aTargetLevelAboveASmallerScaleIsLowered() {
        FrameworkContent twoLevels = new FrameworkContent("Imported", "", twoLevels(),
                List.of(new CompetencyArea("gov", "Gov", "", List.of(new Competency("gov.assurance", "A", "",
                        List.of(), List.of(), false)), java.util.Map.of())), List.of());

        ImportedFrameworks.Completed completed = ImportedFrameworks.complete(twoLevels, current);

        assertThat(completed.framework().target("target").orElseThrow().levelOf("gov.assurance")).isEqualTo(2);
    }

    private static List<ProficiencyLevel> twoLevels() {
        return List.of(new ProficiencyLevel(1, "Not yet", "", false), new ProficiencyLevel(2, "Competent", "", false));
    }
}
