package com.essentialslti.quiz.exchange;

import com.essentialslti.imports.ImportProblem;
import com.essentialslti.quiz.bank.AnswerOption;
import com.essentialslti.quiz.bank.Difficulty;
import com.essentialslti.quiz.bank.QuestionContent;
import com.essentialslti.quiz.bank.QuestionType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Moodle XML import and export: what is read, what is refused and why, and what Moodle gets back. */
class MoodleXmlFormatTest {

    static ImportResult read(String xml) {
        return MoodleXmlFormat.read(xml.getBytes(StandardCharsets.UTF_8));
    }

    static final String VALID = """
            <?xml version="1.0" encoding="UTF-8"?>
            <quiz>
              <question type="category">
                <category><text>$course$/top/Governance</text></category>
              </question>
              <question type="multichoice">
                <name><text>Decision rights</text></name>
                <questiontext format="html"><text><![CDATA[<p>Who <b>decides</b> on a change request?</p>]]></text></questiontext>
                <generalfeedback format="html"><text></text></generalfeedback>
                <defaultgrade>1</defaultgrade>
                <single>true</single>
                <shuffleanswers>1</shuffleanswers>
                <answer fraction="0" format="html"><text>The PMO</text><feedback format="html"><text>No: the PMO advises.</text></feedback></answer>
                <answer fraction="100" format="html"><text>The board</text><feedback format="html"><text>Yes.</text></feedback></answer>
              </question>
              <question type="multichoice">
                <name><text>Reports</text></name>
                <questiontext format="html"><text>Which make a good report?</text></questiontext>
                <single>false</single>
                <answer fraction="50"><text>Agreed criteria</text><feedback><text>Yes.</text></feedback></answer>
                <answer fraction="50"><text>Reliable data</text></answer>
                <answer fraction="-100"><text>Many colours</text><feedback><text>No.</text></feedback></answer>
                <answer fraction="0"><text>Long tables</text></answer>
              </question>
              <question type="category">
                <category><text>$course$/top/PMO/The PMO of one</text></category>
              </question>
              <question type="truefalse">
                <name><text>Saying no</text></name>
                <questiontext format="html"><text>A PMO of one says no to some requests.</text></questiontext>
                <answer fraction="0"><text>false</text><feedback><text>It must choose.</text></feedback></answer>
                <answer fraction="100"><text>true</text><feedback><text>Right.</text></feedback></answer>
              </question>
            </quiz>
            """;

    @Nested
    class Reading {

        final ImportResult result = read(VALID);

        @Test
        void aValidFileIsAcceptable() {
            assertThat(result.problems()).isEmpty();
            assertThat(result.acceptable()).isTrue();
            assertThat(result.questions()).hasSize(3);
        }

        @Test
        void aSingleMultichoiceHasTheAnswerWorthFullMarksAsItsCorrectOption() {
            QuestionContent content = result.questions().get(0).content();
            assertThat(content.type()).isEqualTo(QuestionType.SINGLE);
            assertThat(content.text()).isEqualTo("Who decides on a change request?");
            assertThat(content.options()).containsExactly(
                    new AnswerOption("The PMO", false, "No: the PMO advises."),
                    new AnswerOption("The board", true, "Yes."));
        }

        @Test
        void aMultichoiceWithSeveralAnswersHasThoseWithAPositiveFractionAsCorrect() {
            QuestionContent content = result.questions().get(1).content();
            assertThat(content.type()).isEqualTo(QuestionType.MULTIPLE);
            assertThat(content.options()).containsExactly(
                    new AnswerOption("Agreed criteria", true, "Yes."),
                    new AnswerOption("Reliable data", true, ""),
                    new AnswerOption("Many colours", false, "No."),
                    new AnswerOption("Long tables", false, ""));
        }

        @Test
        void aTrueFalseHasTrueThenFalseEachWithItsFeedback() {
            QuestionContent content = result.questions().get(2).content();
            assertThat(content.type()).isEqualTo(QuestionType.TRUE_FALSE);
            assertThat(content.options()).containsExactly(
                    new AnswerOption("True", true, "Right."),
                    new AnswerOption("False", false, "It must choose."));
        }

        @Test
        void theTopicIsTheLastSegmentOfTheCategoryBeforeTheQuestion() {
            assertThat(result.questions()).extracting(ImportedQuestion::topicName)
                    .containsExactly("Governance", "Governance", "The PMO of one");
        }

        @Test
        void theQuestionNameIsKeptAsItsSourceName() {
            assertThat(result.questions()).extracting(ImportedQuestion::sourceName)
                    .containsExactly("Decision rights", "Reports", "Saying no");
        }

        @Test
        void eachQuestionHasTheLineItStartsOn() {
            assertThat(result.questions()).extracting(ImportedQuestion::line).containsExactly(6, 16, 28);
        }

        @Test
        void importedQuestionsAreOfMediumDifficultyAsMoodleXmlHasNone() {
            assertThat(result.questions()).allSatisfy(
                    q -> assertThat(q.content().difficulty()).isEqualTo(Difficulty.MEDIUM));
        }
    }

    @Test
    void questionsBeforeAnyCategoryHaveNoTopic() {
        ImportResult result = read("""
                <quiz>
                  <question type="truefalse">
                    <questiontext><text>Q</text></questiontext>
                    <answer fraction="100"><text>true</text></answer>
                    <answer fraction="0"><text>false</text></answer>
                  </question>
                </quiz>
                """);
        assertThat(result.acceptable()).isTrue();
        assertThat(result.questions().get(0).topicName()).isNull();
        assertThat(result.questions().get(0).sourceName()).isNull();
    }

    /** Every text a trainer wrote arrives as Moodle showed it: HTML read once, other formats as written. */
    @Nested
    class TextAsWritten {

        static QuestionContent onlyQuestion(String questionText, String answer, String feedback) {
            ImportResult result = read("""
                    <quiz><question type="multichoice"><name><text>n</text></name>
                    %s<single>true</single>
                    %s<feedback format="html"><text>%s</text></feedback></answer>
                    <answer fraction="0"><text>Other</text></answer>
                    </question></quiz>""".formatted(questionText, answer, feedback));
            assertThat(result.problems()).isEmpty();
            return result.questions().get(0).content();
        }

        @Test
        void htmlIsReadOnceSoEscapedMarkupStaysText() {
            QuestionContent content = onlyQuestion("""
                    <questiontext format="html"><text><![CDATA[<p>Which is <b>bold</b> &amp; &lt;escaped&gt;?</p>]]></text></questiontext>""",
                    "<answer fraction=\"100\" format=\"html\"><text>&lt;p&gt;&amp;amp;amp;&lt;/p&gt;</text>",
                    "<![CDATA[it is &lt;true&gt;]]>");
            assertThat(content.text()).isEqualTo("Which is bold & <escaped>?");
            assertThat(content.options().get(0).text()).isEqualTo("&amp;");
            assertThat(content.options().get(0).feedback()).isEqualTo("it is <true>");
        }

        @Test
        void paragraphsAndLineBreaksBecomeLineBreaks() {
            QuestionContent content = onlyQuestion("""
                    <questiontext format="html"><text><![CDATA[<p>One</p>
                    <p>Two<br />Three&nbsp; four</p>]]></text></questiontext>""",
                    "<answer fraction=\"100\"><text>A</text>", "");
            assertThat(content.text()).isEqualTo("One\n\nTwo\nThree  four");
        }

        @Test
        void plainTextMoodleAndMarkdownFormatsAreTakenAsWritten() {
            QuestionContent content = onlyQuestion("""
                    <questiontext format="plain_text"><text>Is a &lt;b&gt; &amp;amp; tag?
                    Yes.</text></questiontext>""",
                    "<answer fraction=\"100\" format=\"moodle_auto_format\"><text><![CDATA[<A>]]></text>",
                    "");
            assertThat(content.text()).isEqualTo("Is a <b> &amp; tag?\nYes.");
            assertThat(content.options().get(0).text()).isEqualTo("<A>");
        }
    }

    /** Tool → tool and tool → Moodle → tool, and a bank written in Moodle: what arrives is what was written. */
    @Nested
    class Exchange {

        @Test
        void questionsWithMarkupLikeTextUnicodeLineBreaksPartialCreditAndGeneralFeedbackComeBackEqual() {
            List<ExportedQuestion> tricky = FormatSamples.tricky();
            FormatSamples.assertReadBackAs(read(MoodleXmlFormat.write(tricky)), FormatSamples.inFileOrder(tricky));
        }

        @Test
        void whatMoodleExportsOfOurQuestionsComesBackEqual() {
            List<ExportedQuestion> tricky = FormatSamples.tricky();
            FormatSamples.assertReadBackAs(read(FormatSamples.TRICKY_BACK_FROM_MOODLE_XML), List.of(tricky.get(0), tricky.get(2)));
        }

        @Test
        void theMoodleSampleHoldsTheHtmlWeWroteAsMoodleKeepsIt() {
            String ours = MoodleXmlFormat.write(FormatSamples.tricky());
            java.util.regex.Matcher cdata = java.util.regex.Pattern.compile("<!\\[CDATA\\[(.*?)]]>")
                    .matcher(FormatSamples.TRICKY_BACK_FROM_MOODLE_XML);
            while (cdata.find()) {
                assertThat(ours).contains("<![CDATA[" + cdata.group(1) + "]]>");
            }
        }

        @Test
        void aBankWrittenInMoodleArrivesAsMoodleShowedIt() {
            ImportResult result = read(FormatSamples.MOODLE_BANK_XML);
            assertThat(result.problems()).isEmpty();
            assertThat(result.questions()).extracting(ImportedQuestion::topicName).containsOnly("Governance");
            assertThat(result.questions()).extracting(ImportedQuestion::sourceName)
                    .containsExactly("Bold & escaped", "Plain", "Praise");
            ImportedQuestion bold = result.questions().get(0);
            assertThat(bold.content()).isEqualTo(boldAndEscaped());
            assertThat(bold.notes()).containsExactly("answer 2 earns 50% of the mark when the quiz gives partial"
                    + " credit");
            QuestionContent plain = result.questions().get(1).content();
            assertThat(plain.text()).isEqualTo("Is 2 < 3 & 3 > 2?\nYes, <b> stays.");
            assertThat(plain.options()).containsExactly(new AnswerOption("True", true, "it is <true>"),
                    new AnswerOption("False", false, ""));
            assertThat(result.questions().get(2).notes()).containsExactly(
                    "its feedback for a correct answer ('Well done!') is not kept: this tool shows each option's"
                            + " feedback and the general feedback",
                    "answer 2 takes 50% of the mark away in Moodle; here a wrong answer earns nothing and takes"
                            + " nothing away");
        }

        @Test
        void theQuestionsThisToolCannotKeepAreSkippedWithTheirReason() {
            assertThat(read(FormatSamples.MOODLE_BANK_XML).skipped()).extracting(ImportProblem::toString)
                    .containsExactly(
                            "line 64: multichoice question 'Shares' gives its correct answers different shares of the"
                                    + " mark (70%, 30%); this tool gives each correct answer of a multiple-answer"
                                    + " question an equal share",
                            "line 96: essay question 'Reflect' is of a type this tool does not have: only"
                                    + " multichoice and truefalse",
                            "line 177: shortanswer question 'Acronym' is of a type this tool does not have: only"
                                    + " multichoice and truefalse");
        }
    }

    /** The question "Bold & escaped" of the Moodle samples, as the bank keeps it. */
    static QuestionContent boldAndEscaped() {
        return new QuestionContent(QuestionType.SINGLE, Difficulty.MEDIUM,
                "Which is bold & <escaped>?\n\nSecond  paragraph.", List.of(
                new AnswerOption("The board", true, "it is <true>"),
                new AnswerOption("The sponsor", false, 0.5, "Half right."),
                new AnswerOption("&amp; the PMO", false, "")),
                "Read the governance chapter & try again.");
    }

    @Nested
    class HostileText {

        final ImportResult result = read("""
                <quiz>
                  <question type="multichoice">
                    <name><text>Hostile</text></name>
                    <questiontext format="html"><text><![CDATA[<p onclick="x()">Pick <script>alert(1)</script>one<style>p{}</style></p>]]></text></questiontext>
                    <single>true</single>
                    <answer fraction="100"><text><![CDATA[<img src=x onerror=alert(2)>Right <script>alert(3)</script>]]></text>
                      <feedback><text><![CDATA[<a href="javascript:alert(4)">Well</a> done<script>alert(5)</script>]]></text></feedback></answer>
                    <answer fraction="0"><text>&lt;script&gt;alert(6)&lt;/script&gt;Wrong &amp; bad</text></answer>
                  </question>
                </quiz>
                """);

        @Test
        void markupIsStrippedAndScriptsAreDroppedWithTheirContent() {
            assertThat(result.acceptable()).isTrue();
            QuestionContent content = result.questions().get(0).content();
            assertThat(content.text()).isEqualTo("Pick one");
            assertThat(content.options()).containsExactly(
                    new AnswerOption("Right", true, "Well done"),
                    new AnswerOption("Wrong & bad", false, ""));
        }

        @Test
        void nothingStoredLooksLikeMarkupOrScript() {
            assertThat(FormatSamples.allTextOf(result)).doesNotContain("<", ">", "alert", "javascript");
        }
    }

    @Nested
    class Problems {

        @Test
        void anUnsupportedTypeIsSkippedWithItsLineAndReasonAndTheRestIsImported() {
            ImportResult result = read("""
                    <quiz>
                      <question type="truefalse">
                        <questiontext><text>Fine</text></questiontext>
                        <answer fraction="100"><text>true</text></answer>
                        <answer fraction="0"><text>false</text></answer>
                      </question>
                      <question type="essay">
                        <name><text>Reflect</text></name>
                        <questiontext><text>Discuss</text></questiontext>
                      </question>
                    </quiz>
                    """);
            assertThat(result.skipped()).extracting(ImportProblem::toString).containsExactly(
                    "line 7: essay question 'Reflect' is of a type this tool does not have: only multichoice and"
                            + " truefalse");
            assertThat(result.problems()).isEmpty();
            assertThat(result.questions()).hasSize(1);
            assertThat(result.acceptable()).isTrue();
        }

        @Test
        void aSingleAnswerQuestionWithNoAnswerWorthFullMarksHasNoCorrectAnswer() {
            ImportResult result = read("""
                    <quiz>
                      <question type="multichoice">
                        <name><text>Roles</text></name>
                        <questiontext><text>Who?</text></questiontext>
                        <single>true</single>
                        <answer fraction="50"><text>A</text></answer>
                        <answer fraction="0"><text>B</text></answer>
                      </question>
                    </quiz>
                    """);
            assertThat(result.problems()).extracting(ImportProblem::toString)
                    .containsExactly("line 2: multichoice question 'Roles' has no correct answer");
        }

        @Test
        void everyProblemIsReportedNotOnlyTheFirst() {
            ImportResult result = read("""
                    <quiz>
                      <question type="shortanswer"><questiontext><text>Name it</text></questiontext></question>
                      <question type="multichoice">
                        <name><text>One</text></name>
                        <questiontext><text></text></questiontext>
                        <answer fraction="abc"><text>A</text></answer>
                      </question>
                      <question type="truefalse">
                        <name><text>TF</text></name>
                        <questiontext><text>Q</text></questiontext>
                        <answer fraction="100"><text>yes</text></answer>
                      </question>
                    </quiz>
                    """);
            assertThat(result.skipped()).extracting(ImportProblem::toString).containsExactly(
                    "line 2: shortanswer question is of a type this tool does not have: only multichoice and truefalse");
            assertThat(result.problems()).extracting(ImportProblem::toString).containsExactly(
                    "line 6: multichoice question 'One': an answer's fraction 'abc' is not a number",
                    "line 3: multichoice question 'One' has no text once markup is removed",
                    "line 3: multichoice question 'One' has 1 answer; it needs at least two",
                    "line 3: multichoice question 'One' has no correct answer",
                    "line 11: truefalse question 'TF': an answer is 'yes' where only 'true' and 'false' are possible",
                    "line 8: truefalse question 'TF' needs one answer 'true' and one answer 'false'");
            assertThat(result.acceptable()).isFalse();
        }

        @Test
        void aTextLongerThanTheBankAllowsIsAProblemWithItsLine() {
            ImportResult result = read("""
                    <quiz>
                      <question type="truefalse">
                        <name><text>Long</text></name>
                        <questiontext><text>%s</text></questiontext>
                        <answer fraction="100"><text>true</text></answer>
                        <answer fraction="0"><text>false</text></answer>
                      </question>
                    </quiz>
                    """.formatted("x".repeat(4001)));
            assertThat(result.problems()).extracting(ImportProblem::toString).containsExactly(
                    "line 2: truefalse question 'Long' has a text of 4001 characters; at most 4000 are allowed");
        }

        @Test
        void malformedXmlIsReportedWithTheParsersLine() {
            ImportResult result = read("""
                    <quiz>
                      <question type="truefalse">
                        <questiontext><text>Q</questiontext>
                      </question>
                    </quiz>
                    """);
            assertThat(result.problems()).singleElement().satisfies(p -> {
                assertThat(p.line()).isEqualTo(3);
                assertThat(p.message()).startsWith("the file is not well-formed XML: ").contains("text");
            });
        }

        @Test
        void aFileWhoseRootIsNotQuizIsRefused() {
            assertThat(read("<html><body/></html>").problems()).extracting(ImportProblem::toString)
                    .containsExactly("line 1: the file is not a Moodle XML question file: its root element is"
                            + " <html>, not <quiz>");
        }

        @Test
        void aFileWithNoQuestionIsUnacceptable() {
            ImportResult result = read("<quiz></quiz>");
            assertThat(result.acceptable()).isFalse();
            assertThat(result.problems()).extracting(ImportProblem::message).containsExactly(
                    "the file has no question; this tool reads multichoice and truefalse questions");
        }
    }

    @Nested
    class HostileFiles {

        @Test
        void anExternalEntityIsRefusedAndTheFileItNamesIsNeverRead() {
            ImportResult result = read("""
                    <?xml version="1.0"?>
                    <!DOCTYPE quiz [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                    <quiz>
                      <question type="truefalse">
                        <questiontext><text>&xxe;</text></questiontext>
                        <answer fraction="100"><text>true</text></answer>
                        <answer fraction="0"><text>false</text></answer>
                      </question>
                    </quiz>
                    """);
            assertThat(result.problems()).extracting(ImportProblem::toString).containsExactly(
                    "line 2: the file declares a DTD or entities, which are not accepted");
            assertThat(result.questions()).isEmpty();
            assertThat(FormatSamples.allTextOf(result)).doesNotContain("root:");
        }

        @Test
        void anExternalDtdIsRefused() {
            ImportResult result = read("""
                    <?xml version="1.0"?>
                    <!DOCTYPE quiz SYSTEM "file:///etc/passwd">
                    <quiz/>
                    """);
            assertThat(result.problems()).extracting(ImportProblem::toString).containsExactly(
                    "line 2: the file declares a DTD or entities, which are not accepted");
            assertThat(FormatSamples.allTextOf(result)).doesNotContain("root:");
        }

        @Test
        void anEntityReferenceWithoutADtdIsMalformed() {
            ImportResult result = read("<quiz><question type=\"truefalse\"><name><text>&lol;</text></name>"
                    + "</question></quiz>");
            assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.message())
                    .startsWith("the file is not well-formed XML: ").contains("lol"));
        }

        @Test
        void billionLaughsIsRefusedWithoutExpandingAnything() {
            ImportResult result = read("""
                    <?xml version="1.0"?>
                    <!DOCTYPE quiz [
                      <!ENTITY lol "lol">
                      <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                      <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
                      <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                      <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
                      <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
                      <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
                      <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
                      <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
                      <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
                    ]>
                    <quiz><question type="category"><category><text>&lol9;</text></category></question></quiz>
                    """);
            assertThat(result.problems()).extracting(ImportProblem::toString).containsExactly(
                    "line 2: the file declares a DTD or entities, which are not accepted");
            assertThat(result.questions()).isEmpty();
        }

        @Test
        void deepNestingIsRefusedWithoutOverflowingTheStack() {
            String xml = "<quiz><question type=\"truefalse\">" + "<a>".repeat(10_000) + "</a>".repeat(10_000)
                    + "</question></quiz>";
            assertThat(read(xml).problems()).extracting(ImportProblem::message).containsExactly(
                    "the file nests elements more than 32 levels deep, which no question file needs");
        }

        @Test
        void aFileOverTheSizeCapIsRefusedUnread() {
            byte[] file = new byte[ImportLimits.MAX_FILE_BYTES + 1];
            ImportResult result = MoodleXmlFormat.read(file);
            assertThat(result.problems()).extracting(ImportProblem::toString)
                    .containsExactly("the file is larger than 2 MiB");
        }

        @Test
        void aFileThatIsNotUtf8IsRefused() {
            byte[] file = "<quiz><question type=\"category\"><category><text>Gouvernance é</text></category>"
                    .concat("</question></quiz>").getBytes(StandardCharsets.ISO_8859_1);
            assertThat(MoodleXmlFormat.read(file).problems()).extracting(ImportProblem::message)
                    .containsExactly("the file is not UTF-8 text; save it as UTF-8 and import it again");
        }

        @Test
        void aByteOrderMarkIsAllowed() {
            ImportResult result = read("\uFEFF" + VALID);
            assertThat(result.acceptable()).isTrue();
        }

        @Test
        void moreQuestionsThanTheCapAreRefused() {
            String question = """
                    <question type="truefalse"><questiontext><text>Q</text></questiontext>
                    <answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer>
                    </question>
                    """;
            ImportResult result = read("<quiz>\n" + question.repeat(ImportLimits.MAX_QUESTIONS + 1) + "</quiz>");
            assertThat(result.problems()).extracting(ImportProblem::toString).containsExactly(
                    "line 3002: the file has more than 1000 questions; split it into smaller files");
            assertThat(result.acceptable()).isFalse();
        }
    }

    @Nested
    class Writing {

        @Test
        void theWholeDefaultBankComesBackEqualWithMediumDifficulty() {
            List<ExportedQuestion> exported = FormatSamples.defaultBank();
            ImportResult result = read(MoodleXmlFormat.write(exported));
            FormatSamples.assertReadBackAs(result, FormatSamples.inFileOrder(exported));
            assertThat(result.questions()).extracting(ImportedQuestion::sourceName)
                    .containsExactlyElementsOf(FormatSamples.inFileOrder(exported).stream()
                            .map(ExportedQuestion::name).toList());
        }

        @Test
        void eachTopicsCategoryComesBeforeItsQuestions() {
            String xml = MoodleXmlFormat.write(List.of(
                    new ExportedQuestion("Governance", "g1", FormatSamples.trueFalse("G1")),
                    new ExportedQuestion("Tools", "t1", FormatSamples.trueFalse("T1")),
                    new ExportedQuestion("Governance", "g2", FormatSamples.trueFalse("G2"))));
            assertThat(xml).containsSubsequence("$course$/top/Governance", "g1", "g2", "$course$/top/Tools", "t1");
        }

        @Test
        void correctOptionsOfAMultipleAnswerQuestionShareTheMarkInGradesMoodleAccepts() {
            ExportedQuestion question = FormatSamples.multipleAnswer(true, true, true, false);
            String xml = MoodleXmlFormat.write(List.of(question));
            assertThat(xml).contains("<single>false</single>")
                    .containsSubsequence("fraction=\"33.33333\"", "fraction=\"33.33333\"", "fraction=\"33.33333\"");
        }

        @Test
        void wrongOptionsOfAMultipleAnswerQuestionTakeTheirShareAwaySoThatTickingAllEarnsNothingInMoodle() {
            ExportedQuestion question = FormatSamples.multipleAnswer(true, false, true, false);
            String xml = MoodleXmlFormat.write(List.of(question));
            assertThat(xml).containsSubsequence("fraction=\"50\"", "fraction=\"-50\"", "fraction=\"50\"",
                    "fraction=\"-50\"");
        }

        @Test
        void textWithXmlAndHtmlSpecialCharactersComesBackAsItWas() {
            QuestionContent content = new QuestionContent(QuestionType.SINGLE, Difficulty.EASY,
                    "Is x]]>y & a < b true, \"quoted\" or 'not'?", List.of(
                            new AnswerOption("Yes ]]> &amp; > 3", true, "Because 1 < 2 ]]>"),
                            new AnswerOption("No", false, "")));
            String xml = MoodleXmlFormat.write(List.of(new ExportedQuestion("R&D / PMO", null, content)));
            ImportResult result = read(xml);
            assertThat(result.problems()).isEmpty();
            assertThat(result.questions()).singleElement().satisfies(q -> {
                assertThat(q.topicName()).isEqualTo("R&D / PMO");
                assertThat(q.content().text()).isEqualTo(content.text());
                assertThat(q.content().options()).isEqualTo(content.options());
            });
        }
    }
}
