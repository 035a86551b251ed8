package com.essentialslti.quiz.bank;

import com.essentialslti.quiz.exchange.ExportText;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The question form as its resource reads it: what a trainer types becomes the question, or a refusal in words. */
class QuestionFormTest {

    static QuestionContent form(String type, List<String> credit, String generalFeedback) {
        return QuestionBankResource.content(type, "MEDIUM", "Who decides?", QuestionBankResource.rows(
                List.of("The board", "The sponsor", "The PMO"), List.of("0"), List.of("Yes", "Half", "No"), credit),
                generalFeedback);
    }

    @Test
    void aWrongOptionOfASingleAnswerQuestionKeepsItsPartialCreditInPercent() {
        QuestionContent content = form("SINGLE", List.of("", "50", ""), "Read the charter.\r\nAgain.");
        assertThat(content.options()).extracting(AnswerOption::partialCredit).containsExactly(0.0, 0.5, 0.0);
        assertThat(content.generalFeedback()).isEqualTo("Read the charter.\nAgain.");
    }

    @Test
    void theFormShowsTheCreditItWillReadBack() {
        assertThat(ExportText.percent(0.5)).isEqualTo("50");
        assertThat(ExportText.percent(1.0 / 3)).isEqualTo("33.33333");
        assertThat(form("SINGLE", List.of("", ExportText.percent(1.0 / 3), ""), "").options().get(1)
                .partialCredit()).isEqualTo(0.3333333);
    }

    @Test
    void aCreditThatIsNotAShareBelowTheWholeMarkIsRefusedInWords() {
        for (String credit : List.of("abc", "100", "-5", "NaN")) {
            assertThatThrownBy(() -> form("SINGLE", List.of("", credit, ""), ""))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the partial credit of option 2 is a share of the mark from 0 to 99 (in percent),"
                            + " or empty");
        }
    }

    @Test
    void partialCreditOnAMultipleAnswerQuestionIsRefusedInWords() {
        assertThatThrownBy(() -> form("MULTIPLE", List.of("", "50", ""), ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only a single-answer question gives partial credit");
    }
}
