package com.essentialslti.selfassessment;

import com.essentialslti.selfassessment.framework.FrameworkContent;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.essentialslti.selfassessment.FrameworkBuilder.framework;
import static org.assertj.core.api.Assertions.assertThat;

class ProfileTest {

    private final FrameworkContent framework = framework()
            .area("gov", "assurance", "standards")
            .area("rep", "design", "data")
            .target("gov.assurance", 3).target("gov.standards", 2)
            .target("rep.design", 4).target("rep.data", 2)
            .build();

    private Profile profile(Map<String, Integer> levels) {
        return new Profile(framework, levels, framework.target("target").orElseThrow().levels());
    }

    @Test
    void theGapIsHowManyLevelsBelowTheTarget() {
        Profile profile = profile(Map.of("gov.assurance", 1, "gov.standards", 2, "rep.design", 2, "rep.data", 4));

        assertThat(profile.competencies()).extracting(Profile.CompetencyResult::gap).containsExactly(2, 0, 2, 0);
    }

    @Test
    void aCompetencyAtOrAboveItsTargetIsAStrength() {
        Profile profile = profile(Map.of("gov.assurance", 3, "gov.standards", 1, "rep.design", 2, "rep.data", 4));

        assertThat(profile.strengths()).extracting(r -> r.competency().key())
                .containsExactly("gov.assurance", "rep.data");
    }

    @Test
    void developmentAreasComeLargestGapFirstAndInTheFrameworksOrderAmongEqualGaps() {
        Profile profile = profile(Map.of("gov.assurance", 2, "gov.standards", 1, "rep.design", 1, "rep.data", 1));

        assertThat(profile.developmentAreas()).extracting(r -> r.competency().key())
                .containsExactly("rep.design", "gov.assurance", "gov.standards", "rep.data");
    }

    @Test
    void aCompetencyWithoutATargetIsNeitherStrengthNorDevelopmentArea() {
        FrameworkContent noTarget = framework().area("gov", "assurance").build();
        Profile profile = new Profile(noTarget, Map.of("gov.assurance", 1), Map.of());

        assertThat(profile.strengths()).isEmpty();
        assertThat(profile.developmentAreas()).isEmpty();
        assertThat(profile.areas().get(0).hasTarget()).isFalse();
    }

    @Test
    void anAreasLevelIsTheAverageOfItsRatedCompetencies() {
        Profile profile = profile(Map.of("gov.assurance", 1, "gov.standards", 2, "rep.design", 4, "rep.data", 3));

        assertThat(profile.areas()).extracting(Profile.AreaResult::level).containsExactly(1.5, 3.5);
        assertThat(profile.areas()).extracting(Profile.AreaResult::target).containsExactly(2.5, 3.0);
    }

    @Test
    void theAreaWithTheLargestCompetencyGapComesFirstForSuggestions() {
        Profile profile = profile(Map.of("gov.assurance", 2, "gov.standards", 2, "rep.design", 1, "rep.data", 2));

        assertThat(profile.areasToDevelop()).extracting(a -> a.area().key()).containsExactly("rep", "gov");
    }

    @Test
    void anAreaWithNoGapGetsNoSuggestions() {
        Profile profile = profile(Map.of("gov.assurance", 4, "gov.standards", 4, "rep.design", 1, "rep.data", 2));

        assertThat(profile.areasToDevelop()).extracting(a -> a.area().key()).containsExactly("rep");
    }

    @Test
    void competenciesNotRatedAreLeftOut() {
        Profile profile = profile(Map.of("gov.assurance", 4));

        assertThat(profile.competencies()).hasSize(1);
        assertThat(profile.areas()).extracting(a -> a.area().key()).containsExactly("gov");
    }
}
