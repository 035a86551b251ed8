package com.essentialslti.lti.services;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** AGS 2.0 §3.4: the scores URL is the line item URL with /scores appended to its path. */
class ScoresUrlTest {

    @Test
    void insertsScoresBeforeTheQueryString() {
        assertThat(GradeService.scoresUrl(URI.create("https://lms/mod/lti/services.php/2/lineitems/7/lineitem?type_id=1")))
                .isEqualTo(URI.create("https://lms/mod/lti/services.php/2/lineitems/7/lineitem/scores?type_id=1"));
    }

    @Test
    void appendsScoresToAUrlWithoutQuery() {
        assertThat(GradeService.scoresUrl(URI.create("https://canvas/api/lti/courses/1/line_items/5")))
                .isEqualTo(URI.create("https://canvas/api/lti/courses/1/line_items/5/scores"));
    }

    @Test
    void dropsATrailingSlashOfThePath() {
        assertThat(GradeService.scoresUrl(URI.create("https://lms/lineitems/7/lineitem/?type_id=1")))
                .isEqualTo(URI.create("https://lms/lineitems/7/lineitem/scores?type_id=1"));
    }

    @Test
    void keepsAFragmentAfterThePath() {
        assertThat(GradeService.scoresUrl(URI.create("https://lms/lineitems/7#x")))
                .isEqualTo(URI.create("https://lms/lineitems/7/scores#x"));
    }

    @Test
    void keepsEncodedCharactersOfThePathAndQuery() {
        assertThat(GradeService.scoresUrl(URI.create("https://lms/items/a%2Fb?x=1%202")))
                .isEqualTo(URI.create("https://lms/items/a%2Fb/scores?x=1%202"));
    }
}
