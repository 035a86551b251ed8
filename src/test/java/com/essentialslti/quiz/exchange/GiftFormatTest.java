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

/** GIFT import and export: what is read, what is refused and why, and what Moodle gets back. */
class GiftFormatTest {

    static ImportResult read(String gift) {
        return GiftFormat.read(gift.getBytes(StandardCharsets.UTF_8));
    }

    static List<String> problemsOf(String gift) {
        return read(gift).problems().stream().map(ImportProblem::toString).toList();
    }

    /** The questions left out because the tool has no such type, each with its line and reason. */
    static List<String> skippedOf(String gift) {
        return read(gift).skipped().stream().map(ImportProblem::toString).toList();
    }

    static QuestionContent onlyQuestionOf(String gift) {
        ImportResult result = read(gift);
        assertThat(result.problems()).isEmpty();
        assertThat(result.questions()).hasSize(1);
        return result.questions().get(0).content();
    }

    static final String VALID = """
            // A sample bank
            $CATEGORY: $course$/top/Governance

            ::Decision rights:: Who [decides] on a change request? {
              =The board#Yes.
              ~The PMO#No\\: the PMO advises.
            }

            ::Reports::[html]<p>Which make a <b>good</b> report?</p> {
              ~%50%Agreed criteria#Yes.
              ~%50%Reliable data
              ~%-100%Many colours#No.
            }

            $CATEGORY: $course$/top/PMO/The PMO of one

            ::Saying no:: A PMO of one says no to some requests.{T#It must choose.#Right.}

            ::Owner:: The PMO owns every decision.{FALSE#The board decides.#Indeed.}
            """;

    @Nested
    class Reading {

        final ImportResult result = read(VALID);

        @Test
        void aValidFileIsAcceptable() {
            assertThat(result.problems()).isEmpty();
            assertThat(result.acceptable()).isTrue();
            assertThat(result.questions()).hasSize(4);
        }

        @Test
        void answersMarkedEqualsMakeASingleAnswerQuestionWithTheirFeedback() {
            QuestionContent content = result.questions().get(0).content();
            assertThat(content.type()).isEqualTo(QuestionType.SINGLE);
            assertThat(content.text()).isEqualTo("Who [decides] on a change request?");
            assertThat(content.options()).containsExactly(
                    new AnswerOption("The board", true, "Yes."),
                    new AnswerOption("The PMO", false, "No: the PMO advises."));
        }

        @Test
        void weightedAnswersMakeAMultipleAnswerQuestionWhoseCorrectOnesHaveAPositiveWeight() {
            QuestionContent content = result.questions().get(1).content();
            assertThat(content.type()).isEqualTo(QuestionType.MULTIPLE);
            assertThat(content.text()).isEqualTo("Which make a good report?");
            assertThat(content.options()).containsExactly(
                    new AnswerOption("Agreed criteria", true, "Yes."),
                    new AnswerOption("Reliable data", true, ""),
                    new AnswerOption("Many colours", false, "No."));
        }

        @Test
        void trueGivesTheRightFeedbackToTrueAndTheWrongFeedbackToFalse() {
            QuestionContent content = result.questions().get(2).content();
            assertThat(content.type()).isEqualTo(QuestionType.TRUE_FALSE);
            assertThat(content.options()).containsExactly(
                    new AnswerOption("True", true, "Right."),
                    new AnswerOption("False", false, "It must choose."));
        }

        @Test
        void falseGivesTheWrongFeedbackToTrueAndTheRightFeedbackToFalse() {
            assertThat(result.questions().get(3).content().options()).containsExactly(
                    new AnswerOption("True", false, "The board decides."),
                    new AnswerOption("False", true, "Indeed."));
        }

        @Test
        void theTopicIsTheLastSegmentOfTheCategoryBeforeTheQuestion() {
            assertThat(result.questions()).extracting(ImportedQuestion::topicName)
                    .containsExactly("Governance", "Governance", "The PMO of one", "The PMO of one");
        }

        @Test
        void theQuestionNameIsKeptAsItsSourceName() {
            assertThat(result.questions()).extracting(ImportedQuestion::sourceName)
                    .containsExactly("Decision rights", "Reports", "Saying no", "Owner");
        }

        @Test
        void eachQuestionHasTheLineItStartsOn() {
            assertThat(result.questions()).extracting(ImportedQuestion::line).containsExactly(4, 9, 17, 19);
        }

        @Test
        void importedQuestionsAreOfMediumDifficultyAsGiftHasNone() {
            assertThat(result.questions()).allSatisfy(
                    q -> assertThat(q.content().difficulty()).isEqualTo(Difficulty.MEDIUM));
        }
    }

    @Test
    void escapedCharactersAreReadAsThemselves() {
        ImportResult result = read("::A\\: b:: 1 \\= 1, \\{ok\\} \\# \\~ two\\nlines {T}");
        assertThat(result.questions()).singleElement().satisfies(q -> {
            assertThat(q.sourceName()).isEqualTo("A: b");
            assertThat(q.content().text()).isEqualTo("1 = 1, {ok} # ~ two\nlines");
        });
    }

    @Test
    void aQuestionMaySpanSeveralLinesWithCommentsBetween() {
        QuestionContent content = onlyQuestionOf("""
                Which of these
                // a comment inside the question
                are services? {
                ~%50%Reporting
                ~%50%Assurance
                ~Payroll
                }
                """);
        // Without a format, GIFT text is Moodle's own format, which shows line breaks as written.
        assertThat(content.text()).isEqualTo("Which of these\nare services?");
        assertThat(content.options()).extracting(AnswerOption::text)
                .containsExactly("Reporting", "Assurance", "Payroll");
    }

    @Test
    void formatPrefixesAreLeftOut() {
        assertThat(onlyQuestionOf("[plain]Plain?{T}").text()).isEqualTo("Plain?");
        assertThat(onlyQuestionOf("::n::[moodle]Moodle?{T}").text()).isEqualTo("Moodle?");
        assertThat(onlyQuestionOf("[markdown]Markdown?{~[html]<b>A</b> =B}").options())
                .extracting(AnswerOption::text).containsExactly("A", "B");
    }

    @Test
    void textAfterTheAnswersMakesAMissingWordQuestion() {
        assertThat(onlyQuestionOf("The {=board ~PMO} decides.").text()).isEqualTo("The _____ decides.");
    }

    @Test
    void questionsBeforeAnyCategoryHaveNoTopicAndQuestionsWithoutNameNoSourceName() {
        assertThat(read("Fine?{T}").questions()).singleElement().satisfies(q -> {
            assertThat(q.topicName()).isNull();
            assertThat(q.sourceName()).isNull();
        });
    }

    /** Every text a trainer wrote arrives as Moodle showed it: HTML read once, other formats as written. */
    @Nested
    class TextAsWritten {

        @Test
        void htmlIsReadOnceSoEscapedMarkupStaysText() {
            QuestionContent content = onlyQuestionOf(
                    "[html]Which is <b>bold</b> &amp; &lt;escaped&gt;?{T#it is &lt;true&gt;#yes &amp;amp; no}");
            assertThat(content.text()).isEqualTo("Which is bold & <escaped>?");
            assertThat(content.options()).extracting(AnswerOption::feedback)
                    .containsExactly("yes &amp; no", "it is <true>");
        }

        @Test
        void paragraphsAndLineBreaksBecomeLineBreaks() {
            assertThat(onlyQuestionOf("[html]<p>One</p>\n<p>Two<br>Three</p>{T}").text())
                    .isEqualTo("One\n\nTwo\nThree");
        }

        @Test
        void plainMoodleAndMarkdownTextIsTakenAsWrittenAndAnswersHaveTheirQuestionsFormat() {
            assertThat(onlyQuestionOf("[plain]a <b> & &amp; c{T}").text()).isEqualTo("a <b> & &amp; c");
            assertThat(onlyQuestionOf("[moodle]Is x<y?{T}").text()).isEqualTo("Is x<y?");
            assertThat(onlyQuestionOf("[markdown]**Bold**?{=<A> ~&amp;}").options())
                    .extracting(AnswerOption::text).containsExactly("<A>", "&amp;");
            assertThat(onlyQuestionOf("[html]Q{=[plain]<A> ~<i>B</i>}").options())
                    .extracting(AnswerOption::text).containsExactly("<A>", "B");
        }
    }

    /** Tool → tool and tool → Moodle → tool, and a bank written in Moodle: what arrives is what was written. */
    @Nested
    class Exchange {

        @Test
        void questionsWithMarkupLikeTextUnicodeLineBreaksPartialCreditAndGeneralFeedbackComeBackEqual() {
            List<ExportedQuestion> tricky = FormatSamples.tricky();
            FormatSamples.assertReadBackAs(read(GiftFormat.write(tricky)), FormatSamples.inFileOrder(tricky));
        }

        @Test
        void whatMoodleExportsOfOurQuestionsComesBackEqual() {
            List<ExportedQuestion> tricky = FormatSamples.tricky();
            FormatSamples.assertReadBackAs(read(FormatSamples.TRICKY_BACK_FROM_MOODLE_GIFT), List.of(tricky.get(0), tricky.get(1)));
        }

        @Test
        void theMoodleSampleHoldsTheTextWeWroteAsMoodleKeepsIt() {
            String ours = GiftFormat.write(FormatSamples.tricky());
            for (String line : FormatSamples.TRICKY_BACK_FROM_MOODLE_GIFT.split("\n")) {
                String kept = line.strip();
                if (!kept.isEmpty() && !kept.startsWith("//") && !kept.equals("}")) {
                    assertThat(ours).contains(kept.endsWith("{") ? kept.substring(0, kept.length() - 1) : kept);
                }
            }
        }

        @Test
        void aBankWrittenInMoodleArrivesAsMoodleShowedItAndAsItsMoodleXmlDoes() {
            ImportResult result = read(FormatSamples.MOODLE_BANK_GIFT);
            assertThat(result.problems()).isEmpty();
            assertThat(result.questions()).extracting(ImportedQuestion::topicName).containsOnly("Governance");
            assertThat(result.questions()).extracting(ImportedQuestion::sourceName)
                    .containsExactly("Bold & escaped", "Plain");
            assertThat(result.questions().get(0).content()).isEqualTo(MoodleXmlFormatTest.boldAndEscaped());
            QuestionContent plain = result.questions().get(1).content();
            assertThat(plain.text()).isEqualTo("Is 2 < 3 & 3 > 2? &lt;b&gt; stays.");
            assertThat(plain.options()).containsExactly(new AnswerOption("True", true, "yes"),
                    new AnswerOption("False", false, "no"));
        }

        @Test
        void theQuestionsThisToolCannotKeepAreSkippedWithTheirReason() {
            assertThat(read(FormatSamples.MOODLE_BANK_GIFT).skipped()).extracting(ImportProblem::toString)
                    .containsExactly(
                            "line 15: multichoice question 'Shares' gives its correct answers different shares of the"
                                    + " mark (70%, 30%); this tool gives each correct answer of a multiple-answer"
                                    + " question an equal share",
                            "line 23: question 'Reflect': an empty answer block {} is an essay question, which is not supported: only"
                                    + " multichoice and true/false",
                            "line 31: question 'Acronym': a short answer question (answers with = and none with ~), which is not"
                                    + " supported: only multichoice and true/false");
        }
    }

    @Nested
    class HostileText {

        final ImportResult result = read("""
                ::Hostile::[html]<p onclick="x()">Pick <script>alert(1)</script>one<style>p\\{\\}</style></p>{
                  =<b>Right</b> <script>alert(2)</script>#<i>Well</i> done<script>alert(3)</script>
                  ~&lt;script&gt;alert(4)&lt;/script&gt;Wrong &amp; bad
                }
                """);

        @Test
        void markupIsStrippedScriptsAreDroppedWithTheirContentAndEntitiesAreDecodedOnce() {
            assertThat(result.problems()).isEmpty();
            QuestionContent content = result.questions().get(0).content();
            assertThat(content.text()).isEqualTo("Pick one");
            assertThat(content.options()).containsExactly(
                    new AnswerOption("Right", true, "Well done"),
                    new AnswerOption("<script>alert(4)</script>Wrong & bad", false, ""));
        }

        @Test
        void realMarkupAndScriptsNeverArriveButEscapedMarkupIsTheTrainersTextAndDoes() {
            assertThat(FormatSamples.allTextOf(result)).doesNotContain("alert(1)", "alert(2)", "alert(3)", "onclick",
                    "<b>", "<p");
        }
    }

    @Nested
    class Problems {

        @Test
        void aShortAnswerQuestionIsSkipped() {
            assertThat(skippedOf("\n\nCapital of France? {=Paris =paris}")).containsExactly(
                    "line 3: a short answer question (answers with = and none with ~), which is not supported:"
                            + " only multichoice and true/false");
        }

        @Test
        void aNumericalQuestionIsSkipped() {
            assertThat(skippedOf("How many? {#3:1}")).containsExactly(
                    "line 1: a numerical question {#…} is not supported: only multichoice and true/false");
        }

        @Test
        void aMatchingQuestionIsSkipped() {
            assertThat(skippedOf("Match {\n=PMO -> office\n=PPM -> tool\n}")).containsExactly(
                    "line 1: a matching question (=… -> …), which is not supported:"
                            + " only multichoice and true/false");
        }

        @Test
        void anEssayQuestionIsSkipped() {
            assertThat(skippedOf("Discuss the PMO. {}")).containsExactly(
                    "line 1: an empty answer block {} is an essay question, which is not supported:"
                            + " only multichoice and true/false");
        }

        @Test
        void aDescriptionIsSkipped() {
            assertThat(skippedOf("Fine?{T}\n\nJust some words.")).containsExactly(
                    "line 3: a text with no answer block {…} is a description, which is not supported:"
                            + " only multichoice and true/false");
        }

        @Test
        void anAnswerBlockThatIsNeitherTrueFalseNorMultichoiceSaysWhatEachNeeds() {
            assertThat(problemsOf("// first line\nIs it?\n{yes}")).containsExactly(
                    "line 3: the answer block {yes} is not one this tool reads: a true/false question needs {T}"
                            + " or {F}, and a multichoice question = or ~ before each answer");
        }

        @Test
        void anUnsupportedQuestionIsSkippedAndTheRestIsImported() {
            ImportResult result = read("Fine?{T}\n\nDiscuss. {}");
            assertThat(result.questions()).hasSize(1);
            assertThat(result.skipped()).hasSize(1);
            assertThat(result.acceptable()).isTrue();
        }

        @Test
        void aMultichoiceQuestionWithNoCorrectAnswerIsReported() {
            assertThat(problemsOf("\n::Roles:: Who leads? {~A ~B}")).containsExactly(
                    "line 2: multichoice question 'Roles' has no correct answer");
        }

        @Test
        void unclosedBracesAndNamesAreReported() {
            assertThat(problemsOf("::Open:: Who? {=A ~B\n\n::Name Who? {T}")).containsExactly(
                    "line 1: the answer block opened with { is not closed with }",
                    "line 3: the question name opened with :: is not closed with ::");
        }

        @Test
        void everyProblemIsReportedNotOnlyTheFirst() {
            assertThat(problemsOf("""
                    Fine? {T}

                    Discuss. {}

                    ::One:: {=A}

                    ::Weights:: Which? {~%fifty%A ~B}
                    """)).containsExactly(
                    "line 7: multichoice question 'Weights': the answer weight '%fifty' is not a number between two %",
                    "line 7: multichoice question 'Weights' has no correct answer");
        }

        @Test
        void aTextLongerThanTheBankAllowsIsAProblemWithItsLine() {
            assertThat(problemsOf("\n::Long:: " + "x".repeat(4001) + " {T}")).containsExactly(
                    "line 2: true/false question 'Long' has a text of 4001 characters; at most 4000 are allowed");
        }

        @Test
        void anOptionLongerThanTheBankAllowsIsAProblemWithItsLine() {
            assertThat(problemsOf("::Long:: Which? {\n=A\n~" + "y".repeat(1001) + "\n}")).containsExactly(
                    "line 3: multichoice question 'Long': answer 2 has 1001 characters; at most 1000 are allowed");
        }

        @Test
        void aFileWithNoQuestionIsUnacceptable() {
            ImportResult result = read("// only a comment\n\n");
            assertThat(result.acceptable()).isFalse();
            assertThat(result.problems()).extracting(ImportProblem::message).containsExactly("the file has no"
                    + " question; this tool reads multichoice (= and ~ answers) and true/false ({T} or {F}) questions");
        }
    }

    @Nested
    class HostileFiles {

        @Test
        void aFileOverTheSizeCapIsRefusedUnread() {
            byte[] file = "Fine? {T}\n\n".repeat(200_000).getBytes(StandardCharsets.UTF_8);
            assertThat(file.length).isGreaterThan(ImportLimits.MAX_FILE_BYTES);
            assertThat(GiftFormat.read(file).problems()).extracting(ImportProblem::toString)
                    .containsExactly("the file is larger than 2 MiB");
        }

        @Test
        void moreQuestionsThanTheCapAreRefused() {
            ImportResult result = read("Fine? {T}\n\n".repeat(ImportLimits.MAX_QUESTIONS + 1));
            assertThat(result.problems()).extracting(ImportProblem::toString).containsExactly(
                    "line 2001: the file has more than 1000 questions; split it into smaller files");
            assertThat(result.acceptable()).isFalse();
        }

        @Test
        void aFileThatIsNotUtf8IsRefused() {
            ImportResult result = GiftFormat.read(new byte[] {'Q', (byte) 0xC3, (byte) 0x28, '{', 'T', '}'});
            assertThat(result.problems()).extracting(ImportProblem::message)
                    .containsExactly("the file is not UTF-8 text; save it as UTF-8 and import it again");
        }

        @Test
        void aQuestionWithHundredsOfThousandsOfAnswersIsRefusedOnceAndReadInOnePass() {
            // Read answer by answer, looking for the next = from each ~, this block took minutes of CPU.
            assertThat(problemsOf("::Q::Which? {" + "~x".repeat(350_000) + "}")).containsExactly(
                    "line 1: multichoice question 'Q' has 350000 answers; at most 10 are allowed");
        }

        @Test
        void manyUnclosedBracesCostNothingSpecial() {
            assertThat(problemsOf("Q " + "{".repeat(100_000))).containsExactly(
                    "line 1: the answer block opened with { is not closed with }");
        }
    }

    @Nested
    class Writing {

        @Test
        void theWholeDefaultBankComesBackEqualWithMediumDifficulty() {
            List<ExportedQuestion> exported = FormatSamples.defaultBank();
            ImportResult result = read(GiftFormat.write(exported));
            FormatSamples.assertReadBackAs(result, FormatSamples.inFileOrder(exported));
            assertThat(result.questions()).extracting(ImportedQuestion::sourceName)
                    .containsExactlyElementsOf(FormatSamples.inFileOrder(exported).stream()
                            .map(ExportedQuestion::name).toList());
        }

        @Test
        void specialCharactersAreEscapedAndComeBackAsTheyWere() {
            QuestionContent content = new QuestionContent(QuestionType.SINGLE, Difficulty.EASY,
                    "Is {a} = b ~ c # d: e, a < b & C:\\new\\ true?", List.of(
                            new AnswerOption("Yes \\", true, "Because ::1 = 1:: #ok"),
                            new AnswerOption("~No~", false, "&amp; {}")));
            String gift = GiftFormat.write(List.of(new ExportedQuestion("R&D / PMO", "a::b\\", content)));
            ImportResult result = read(gift);
            assertThat(result.problems()).isEmpty();
            assertThat(result.questions()).singleElement().satisfies(q -> {
                assertThat(q.topicName()).isEqualTo("R&D / PMO");
                assertThat(q.sourceName()).isEqualTo("a::b\\");
                assertThat(q.content().text()).isEqualTo(content.text());
                assertThat(q.content().options()).isEqualTo(content.options());
            });
        }

        @Test
        void trueFalseFeedbackIsWrittenWrongThenRight() {
            QuestionContent content = new QuestionContent(QuestionType.TRUE_FALSE, Difficulty.EASY, "Q", List.of(
                    new AnswerOption("True", false, "Not true"), new AnswerOption("False", true, "Indeed false")));
            assertThat(GiftFormat.write(List.of(new ExportedQuestion(null, "tf", content))))
                    .contains("::tf::[html]Q {FALSE#Not true#Indeed false}");
        }

        @Test
        void correctOptionsOfAMultipleAnswerQuestionShareTheMarkInGradesMoodleAccepts() {
            ExportedQuestion question = FormatSamples.multipleAnswer(true, true, true, false);
            assertThat(GiftFormat.write(List.of(question)))
                    .contains("~%33.33333%A\n", "~%33.33333%B\n", "~%33.33333%C\n");
        }

        @Test
        void wrongOptionsOfAMultipleAnswerQuestionTakeTheirShareAwaySoThatTickingAllEarnsNothingInMoodle() {
            ExportedQuestion question = FormatSamples.multipleAnswer(true, false, true, false);
            assertThat(GiftFormat.write(List.of(question)))
                    .contains("~%50%A\n", "~%-50%B\n", "~%50%C\n", "~%-50%D\n");
        }

        @Test
        void eachTopicsCategoryComesBeforeItsQuestions() {
            String gift = GiftFormat.write(List.of(
                    new ExportedQuestion("Governance", "g1", FormatSamples.trueFalse("G1")),
                    new ExportedQuestion("Tools", "t1", FormatSamples.trueFalse("T1")),
                    new ExportedQuestion("Governance", "g2", FormatSamples.trueFalse("G2"))));
            assertThat(gift).containsSubsequence("$CATEGORY: $course$/top/Governance", "::g1::", "::g2::",
                    "$CATEGORY: $course$/top/Tools", "::t1::");
        }
    }
}
