package com.essentialslti.selfassessment;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.essentialslti.selfassessment.ClassFixtures.inProgress;
import static com.essentialslti.selfassessment.ClassFixtures.learner;
import static com.essentialslti.selfassessment.ClassFixtures.levels;
import static com.essentialslti.selfassessment.ClassFixtures.snapshot;
import static com.essentialslti.selfassessment.ClassFixtures.view;
import static org.assertj.core.api.Assertions.assertThat;

/** The class view's figures, one behaviour each. */
class ClassViewTest {

    @Test
    void aLearnersRowIsTheirLatestSnapshot() {
        ClassView view = view(List.of(learner("u1")), List.of(snapshot("s2", "u1", 2), snapshot("s1", "u1", 1)),
                Map.of("s2", levels(4, 4, 4)));

        ClassView.LearnerRow row = view.learners().get(0);
        assertThat(row.latestSnapshot().id()).isEqualTo("s2");
        assertThat(row.snapshots()).extracting(ClassView.Summary::number).containsExactly(1, 2);
        assertThat(row.cells()).allSatisfy(c -> assertThat(c.level()).hasValue(4.0));
    }

    @Test
    void anAreaAtOrAboveItsTargetIsAtTarget() {
        assertThat(ClassView.Band.of(3, 3)).isEqualTo(ClassView.Band.AT_TARGET);
        assertThat(ClassView.Band.of(3.5, 3)).isEqualTo(ClassView.Band.AT_TARGET);
    }

    @Test
    void anAreaUpToOneLevelBelowItsTargetIsInTheFirstBand() {
        assertThat(ClassView.Band.of(2.5, 3)).isEqualTo(ClassView.Band.UP_TO_ONE_BELOW);
        assertThat(ClassView.Band.of(2, 3)).isEqualTo(ClassView.Band.UP_TO_ONE_BELOW);
    }

    @Test
    void anAreaMoreThanOneLevelBelowItsTargetIsInTheSecondBand() {
        assertThat(ClassView.Band.of(1.5, 3)).isEqualTo(ClassView.Band.MORE_THAN_ONE_BELOW);
    }

    @Test
    void anAreaWithoutATargetIsNotBanded() {
        assertThat(ClassView.Band.of(1, 0)).isEqualTo(ClassView.Band.NO_TARGET);
    }

    @Test
    void aCellIsTheAverageOfTheAreasCompetenciesAgainstItsTarget() {
        ClassView view = view(List.of(learner("u1")), List.of(snapshot("s1", "u1", 1)),
                Map.of("s1", levels(1, 2, 3)));

        ClassView.Cell plan = view.learners().get(0).cells().get(0);
        assertThat(plan.level()).hasValue(1.5);
        assertThat(plan.target()).isEqualTo(3.0);
        assertThat(plan.band()).isEqualTo(ClassView.Band.MORE_THAN_ONE_BELOW);
    }

    @Test
    void theClassAverageIsTheMeanOfTheLearnersAreaLevelsAgainstTheAreaTarget() {
        ClassView view = view(List.of(learner("u1"), learner("u2")),
                List.of(snapshot("s1", "u1", 1), snapshot("s2", "u2", 1)),
                Map.of("s1", levels(1, 1, 4), "s2", levels(3, 3, 2)));

        assertThat(view.columns()).extracting(c -> c.average().getAsDouble()).containsExactly(2.0, 3.0);
        assertThat(view.columns()).extracting(ClassView.Column::target).containsExactly(3.0, 3.0);
    }

    @Test
    void areasAreRankedByHowManyLearnersAreBelowTheTarget() {
        ClassView view = view(List.of(learner("u1"), learner("u2")),
                List.of(snapshot("s1", "u1", 1), snapshot("s2", "u2", 1)),
                Map.of("s1", levels(1, 1, 2), "s2", levels(3, 3, 2)));

        assertThat(view.mostGaps()).extracting(ClassView.Column::key).containsExactly("lead", "plan");
        assertThat(view.mostGaps()).extracting(ClassView.Column::learnersBelow).containsExactly(2, 1);
    }

    @Test
    void anAreaNoLearnerIsBelowIsNotAmongTheGaps() {
        ClassView view = view(List.of(learner("u1")), List.of(snapshot("s1", "u1", 1)),
                Map.of("s1", levels(3, 4, 1)));

        assertThat(view.mostGaps()).extracting(ClassView.Column::key).containsExactly("lead");
    }

    @Test
    void aLearnerWhoLaunchedAndNeverStartedIsNotStarted() {
        ClassView view = view(List.of(learner("u1"), learner("u2")), List.of(snapshot("s1", "u1", 1)),
                Map.of("s1", levels(3, 3, 3)));

        assertThat(view.notStarted()).extracting(ClassView.Member::userId).containsExactly("u2");
        assertThat(view.learners()).extracting(r -> r.member().userId()).containsExactly("u1");
    }

    @Test
    void aLearnerWhoseFirstSelfAssessmentIsNotSubmittedIsInProgress() {
        ClassView view = view(List.of(learner("u1")), List.of(inProgress("a1", "u1", 1)), Map.of());

        assertThat(view.inProgress()).extracting(ClassView.Member::userId).containsExactly("u1");
        assertThat(view.notStarted()).isEmpty();
        assertThat(view.learners()).isEmpty();
    }

    @Test
    void aRetakeInProgressKeepsTheLearnersLatestSnapshotInTheHeatMap() {
        ClassView view = view(List.of(learner("u1")), List.of(snapshot("s1", "u1", 1), inProgress("a2", "u1", 2)),
                Map.of("s1", levels(3, 3, 3)));

        assertThat(view.learners().get(0).retakeInProgress()).isTrue();
        assertThat(view.learners().get(0).latestSnapshot().id()).isEqualTo("s1");
        assertThat(view.inProgress()).isEmpty();
    }

    @Test
    void trainersAreNotListedAmongTheLearners() {
        ClassView view = view(List.of(learner("u1"), new ClassView.Member("t1", "Trainer", false)), List.of(),
                Map.of());

        assertThat(view.notStarted()).extracting(ClassView.Member::userId).containsExactly("u1");
    }

    @Test
    void learnersAreListedByName() {
        ClassView view = view(List.of(new ClassView.Member("u1", "zoe", true), new ClassView.Member("u2", "Adam", true)),
                List.of(), Map.of());

        assertThat(view.notStarted()).extracting(ClassView.Member::name).containsExactly("Adam", "zoe");
    }

    @Test
    void anAreaTheLearnersFrameworkVersionDidNotHaveIsNotRated() {
        var older = ClassFixtures.framework("plan");
        ClassView view = ClassView.of(ClassFixtures.FRAMEWORK, id -> older, ClassFixtures::target,
                List.of(learner("u1")), List.of(snapshot("s1", "u1", 1)),
                Map.of("s1", Map.of("plan.a", 3, "plan.b", 3)));

        assertThat(view.learners().get(0).cells()).extracting(ClassView.Cell::band)
                .containsExactly(ClassView.Band.AT_TARGET, ClassView.Band.NOT_RATED);
        assertThat(view.columns().get(1).average()).isEmpty();
    }
}
