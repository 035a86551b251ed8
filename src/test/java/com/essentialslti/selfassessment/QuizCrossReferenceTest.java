package com.essentialslti.selfassessment;

import com.essentialslti.selfassessment.framework.FrameworkContent;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.essentialslti.selfassessment.FrameworkBuilder.framework;
import static org.assertj.core.api.Assertions.assertThat;

class QuizCrossReferenceTest {

    private final FrameworkContent framework = framework()
            .quizTopics("ben.tracking", "benefits")
            .quizTopics("ben.ownership", "benefits", "governance")
            .area("ben", "tracking", "ownership", "other")
            .build();

    @Test
    void aCompetencyWhoseQuizTopicWasMissedIsShownWithTheLearnersOwnRating() {
        Profile profile = new Profile(framework, Map.of("ben.tracking", 3, "ben.ownership", 1, "ben.other", 2),
                Map.of());

        var lines = SelfAssessmentPages.quizCrossReference(profile, Map.of("benefits", "Benefits management"));

        assertThat(lines).extracting(l -> l.get("competency") + " " + l.get("level") + " " + l.get("topics"))
                .containsExactly("Competency tracking Experienced Benefits management",
                        "Competency ownership Aware Benefits management");
    }

    @Test
    void withoutAQuizThereIsNothingToShow() {
        Profile profile = new Profile(framework, Map.of("ben.tracking", 3), Map.of());

        assertThat(SelfAssessmentPages.quizCrossReference(profile, Map.of())).isEmpty();
    }

    @Test
    void topicsTheLearnerGotRightAreNotShown() {
        Profile profile = new Profile(framework, Map.of("ben.tracking", 3, "ben.ownership", 1), Map.of());

        assertThat(SelfAssessmentPages.quizCrossReference(profile, Map.of("governance", "Governance")))
                .extracting(l -> l.get("competency")).containsExactly("Competency ownership");
    }
}
