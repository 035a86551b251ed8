package com.essentialslti.selfassessment.framework;

import org.junit.jupiter.api.Test;

import java.util.List;

import static com.essentialslti.selfassessment.FrameworkBuilder.framework;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FrameworkEditsTest {

    private final FrameworkContent framework = framework().area("gov", "assurance", "standards")
            .area("rep", "design").target("gov.assurance", 3).build();

    @Test
    void rewordingKeepsTheKeyTheQuizTopicsAndTheTargets() {
        FrameworkContent changed = FrameworkEdits.reword("gov.assurance", "Assurance reviews", "Plans reviews",
                List.of("a", "b", "c", "d")).apply(framework);

        Competency competency = changed.competency("gov.assurance").orElseThrow();
        assertThat(competency.name()).isEqualTo("Assurance reviews");
        assertThat(competency.behaviours()).containsExactly("a", "b", "c", "d");
        assertThat(changed.target("target").orElseThrow().levelOf("gov.assurance")).isEqualTo(3);
    }

    @Test
    void behavioursMustDescribeEveryLevelOrNone() {
        assertThatThrownBy(() -> FrameworkEdits.reword("gov.assurance", "Name", "", List.of("a", "b"))
                .apply(framework)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4 levels");
        assertThatThrownBy(() -> FrameworkEdits.reword("gov.assurance", "Name", "", List.of("", "b", "c", " "))
                .apply(framework)).as("the form posts every level: some left blank").isInstanceOf(
                IllegalArgumentException.class).hasMessageContaining("4 levels");
        assertThat(FrameworkEdits.reword("gov.assurance", "Name", "", List.of("", "", "", "")).apply(framework)
                .competency("gov.assurance").orElseThrow().behaviours()).isEmpty();
    }

    @Test
    void anAddedCompetencyGetsAKeyFromItsNameAtTheEndOfItsArea() {
        FrameworkContent changed = FrameworkEdits.add("rep", "Data storytelling!", "", List.of()).apply(framework);

        assertThat(changed.area("rep").orElseThrow().competencies()).extracting(Competency::key)
                .containsExactly("rep.design", "rep.data-storytelling");
    }

    @Test
    void aKeyIsNeverReusedEvenFromARetiredCompetency() {
        FrameworkContent once = FrameworkEdits.add("rep", "Data", "", List.of()).apply(framework);
        FrameworkContent retired = FrameworkEdits.retireCompetency("rep.data", true).apply(once);
        FrameworkContent twice = FrameworkEdits.add("rep", "Data", "", List.of()).apply(retired);

        assertThat(twice.area("rep").orElseThrow().competencies()).extracting(Competency::key)
                .containsExactly("rep.design", "rep.data", "rep.data-2");
    }

    @Test
    void aRetiredCompetencyIsKeptAndCanBeRestored() {
        FrameworkContent retired = FrameworkEdits.retireCompetency("gov.standards", true).apply(framework);
        FrameworkContent restored = FrameworkEdits.retireCompetency("gov.standards", false).apply(retired);

        assertThat(retired.inUse()).extracting(Competency::key).doesNotContain("gov.standards");
        assertThat(retired.competency("gov.standards")).isPresent();
        assertThat(restored.inUse()).extracting(Competency::key).contains("gov.standards");
    }

    @Test
    void theLastCompetencyInUseCannotBeRetired() {
        FrameworkContent one = framework().area("gov", "assurance").build();

        assertThatThrownBy(() -> FrameworkEdits.retireCompetency("gov.assurance", true).apply(one))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
    }

    @Test
    void aLevelIsRenamedAndRetiredButTwoStayInUse() {
        FrameworkContent renamed = FrameworkEdits.renameLevel(1, "Novice", "Knows the words").apply(framework);
        FrameworkContent twoLeft = FrameworkEdits.retireLevel(2, true)
                .andThen(FrameworkEdits.retireLevel(3, true)).apply(renamed);

        assertThat(renamed.level(1).name()).isEqualTo("Novice");
        assertThat(twoLeft.levelsInUse()).extracting(ProficiencyLevel::name).containsExactly("Novice", "Expert");
        assertThatThrownBy(() -> FrameworkEdits.retireLevel(4, true).apply(twoLeft))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEditOfAnUnknownCompetencyIsRefusedInWords() {
        assertThatThrownBy(() -> FrameworkEdits.retireCompetency("gov.unknown", true).apply(framework))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no competency");
    }
}
