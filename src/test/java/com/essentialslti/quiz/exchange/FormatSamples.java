package com.essentialslti.quiz.exchange;

import com.essentialslti.imports.ImportProblem;
import com.essentialslti.quiz.bank.AnswerOption;
import com.essentialslti.quiz.bank.DefaultBank;
import com.essentialslti.quiz.bank.Difficulty;
import com.essentialslti.quiz.bank.QuestionContent;
import com.essentialslti.quiz.bank.QuestionType;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For the format tests: questions to export (the shipped bank, small questions with sensible defaults) and all the
 * text an import would store.
 */
final class FormatSamples {

    private FormatSamples() {
    }

    static List<ExportedQuestion> defaultBank() {
        DefaultBank bank = DefaultBank.load();
        Map<String, String> topicNames = bank.topics().stream()
                .collect(Collectors.toMap(DefaultBank.TopicSeed::key, DefaultBank.TopicSeed::name));
        return bank.questions().stream()
                .map(q -> new ExportedQuestion(topicNames.get(q.topicKey()), q.key(), q.content()))
                .toList();
    }

    /** What an import gives back for exported questions: the same content, with the difficulty neither format has. */
    static List<QuestionContent> contentsWithMediumDifficulty(List<ExportedQuestion> questions) {
        return questions.stream().map(ExportedQuestion::content)
                .map(c -> new QuestionContent(c.type(), Difficulty.MEDIUM, c.text(), c.options(), c.generalFeedback()))
                .toList();
    }

    /** The questions in the order a file holds them: those without a topic first, then each topic's. */
    static List<ExportedQuestion> inFileOrder(List<ExportedQuestion> questions) {
        return ExportText.groupedByTopic(questions).values().stream().flatMap(List::stream).toList();
    }

    /** The import gave back exactly these questions, in this order, with their topics and nothing skipped. */
    static void assertReadBackAs(ImportResult result, List<ExportedQuestion> expected) {
        assertThat(result.problems()).isEmpty();
        assertThat(result.skipped()).isEmpty();
        assertThat(result.questions()).extracting(ImportedQuestion::content)
                .containsExactlyElementsOf(contentsWithMediumDifficulty(expected));
        assertThat(result.questions()).extracting(ImportedQuestion::topicName)
                .containsExactlyElementsOf(expected.stream().map(ExportedQuestion::topicName).toList());
    }

    static QuestionContent trueFalse(String text) {
        return new QuestionContent(QuestionType.TRUE_FALSE, Difficulty.MEDIUM, text, List.of(
                new AnswerOption("True", true, "Right"), new AnswerOption("False", false, "Wrong")));
    }

    /** A multiple answer question "Which?" named q, with options A, B, C… correct as given. */
    static ExportedQuestion multipleAnswer(boolean... correct) {
        List<AnswerOption> options = new java.util.ArrayList<>();
        for (int i = 0; i < correct.length; i++) {
            options.add(new AnswerOption(String.valueOf((char) ('A' + i)), correct[i], ""));
        }
        return new ExportedQuestion(null, "q", new QuestionContent(QuestionType.MULTIPLE, Difficulty.HARD, "Which?",
                options));
    }

    /** Every text of the result, stored or shown: topics, names, questions, options, feedback and problems. */
    static String allTextOf(ImportResult result) {
        return Stream.concat(
                result.questions().stream().flatMap(q -> Stream.concat(
                        Stream.of(q.topicName(), q.sourceName(), q.content().text()),
                        q.content().options().stream().flatMap(o -> Stream.of(o.text(), o.feedback())))),
                result.problems().stream().map(ImportProblem::toString))
                .map(String::valueOf).collect(Collectors.joining("\n"));
    }

    /**
     * Questions whose text a careless exchange loses: markup-like text, entities, quotes, GIFT's special characters,
     * unicode, line breaks and double spaces, partial credit and general feedback.
     */
    static List<ExportedQuestion> tricky() {
        return List.of(
                new ExportedQuestion("R&D <PMO>", "Tricky", new QuestionContent(QuestionType.SINGLE, Difficulty.MEDIUM,
                        "Which is <b>bold</b> & <escaped>? \"Quoted\" 'single'\nZürich – 東京 – emoji 📊",
                        List.of(new AnswerOption("<A>", true, "it is <true>"),
                                new AnswerOption("&amp;amp;", false, 0.5, "half  right"),
                                new AnswerOption("B & C", false, "")),
                        "Line one\n\nLine three")),
                new ExportedQuestion("R&D <PMO>", "Signs", new QuestionContent(QuestionType.MULTIPLE,
                        Difficulty.MEDIUM, "Tick a < b and c > d", List.of(
                        new AnswerOption("a < b", true, ""), new AnswerOption("c > d", true, ""),
                        new AnswerOption("x = y ~ z # w {} \\ %", false, "[plain] is no format here")))),
                new ExportedQuestion(null, null, new QuestionContent(QuestionType.TRUE_FALSE, Difficulty.MEDIUM,
                        "It's \"true\" & <done>?", List.of(new AnswerOption("True", true, "Yes: <ok>"),
                        new AnswerOption("False", false, "No & never")))));
    }

    /**
     * What Moodle 4.3 exports as Moodle XML after importing the first and last of {@link #tricky()} from our Moodle
     * XML: our HTML kept as it was, in Moodle's own wrapping (CDATA, its grades, its true/false answers).
     */
    static final String TRICKY_BACK_FROM_MOODLE_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <quiz>
            <!-- question: 0  -->
              <question type="category">
                <category>
                  <text>$course$/top/R&amp;D &lt;PMO&gt;</text>
                </category>
                <info format="html">
                  <text></text>
                </info>
                <idnumber></idnumber>
              </question>

            <!-- question: 41  -->
              <question type="multichoice">
                <name>
                  <text>Tricky</text>
                </name>
                <questiontext format="html">
                  <text><![CDATA[Which is &lt;b&gt;bold&lt;/b&gt; &amp; &lt;escaped&gt;? "Quoted" 'single'<br>Zürich – 東京 – emoji 📊]]></text>
                </questiontext>
                <generalfeedback format="html">
                  <text><![CDATA[Line one<br><br>Line three]]></text>
                </generalfeedback>
                <defaultgrade>1.0000000</defaultgrade>
                <penalty>0.3333333</penalty>
                <hidden>0</hidden>
                <idnumber></idnumber>
                <single>true</single>
                <shuffleanswers>true</shuffleanswers>
                <answernumbering>abc</answernumbering>
                <showstandardinstruction>0</showstandardinstruction>
                <correctfeedback format="html">
                  <text></text>
                </correctfeedback>
                <partiallycorrectfeedback format="html">
                  <text></text>
                </partiallycorrectfeedback>
                <incorrectfeedback format="html">
                  <text></text>
                </incorrectfeedback>
                <answer fraction="100" format="html">
                  <text><![CDATA[&lt;A&gt;]]></text>
                  <feedback format="html">
                    <text><![CDATA[it is &lt;true&gt;]]></text>
                  </feedback>
                </answer>
                <answer fraction="50" format="html">
                  <text><![CDATA[&amp;amp;amp;]]></text>
                  <feedback format="html">
                    <text><![CDATA[half&nbsp;&nbsp;right]]></text>
                  </feedback>
                </answer>
                <answer fraction="0" format="html">
                  <text><![CDATA[B &amp; C]]></text>
                  <feedback format="html">
                    <text></text>
                  </feedback>
                </answer>
              </question>

            <!-- question: 0  -->
              <question type="category">
                <category>
                  <text>$course$/top</text>
                </category>
              </question>

            <!-- question: 43  -->
              <question type="truefalse">
                <name>
                  <text>It's "true" &amp; &lt;done&gt;?</text>
                </name>
                <questiontext format="html">
                  <text><![CDATA[It's "true" &amp; &lt;done&gt;?]]></text>
                </questiontext>
                <generalfeedback format="html">
                  <text></text>
                </generalfeedback>
                <defaultgrade>1.0000000</defaultgrade>
                <penalty>1.0000000</penalty>
                <hidden>0</hidden>
                <idnumber></idnumber>
                <answer fraction="100" format="moodle_auto_format">
                  <text>true</text>
                  <feedback format="html">
                    <text><![CDATA[Yes: &lt;ok&gt;]]></text>
                  </feedback>
                </answer>
                <answer fraction="0" format="moodle_auto_format">
                  <text>false</text>
                  <feedback format="html">
                    <text><![CDATA[No &amp; never]]></text>
                  </feedback>
                </answer>
              </question>

            </quiz>
            """;

    /** What Moodle 4.3 exports as GIFT after importing the first two of {@link #tricky()} from our GIFT. */
    static final String TRICKY_BACK_FROM_MOODLE_GIFT = """
            // question: 0  name: Switch category to $course$/top/R&D <PMO>
            $CATEGORY: $course$/top/R&D <PMO>


            // question: 41  name: Tricky
            ::Tricky::[html]Which is &lt;b&gt;bold&lt;/b&gt; &amp; &lt;escaped&gt;? "Quoted" 'single'<br>Zürich – 東京 – emoji 📊{
            \t=&lt;A&gt;#it is &lt;true&gt;
            \t~%50%&amp;amp;amp;#half&nbsp;&nbsp;right
            \t~B &amp; C
            \t####Line one<br><br>Line three
            }


            // question: 42  name: Signs
            ::Signs::[html]Tick a &lt; b and c &gt; d{
            \t~%50%a &lt; b
            \t~%50%c &gt; d
            \t~%-100%x \\= y \\~ z \\# w \\{\\} &\\#92; %#&\\#91;plain] is no format here
            }

            """;

    /**
     * A question bank written in Moodle 4.3 by hand and exported as Moodle XML: Moodle's editor HTML, a 50% answer,
     * general and combined feedback, text in plain-text format, and types this tool does not have.
     */
    static final String MOODLE_BANK_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <quiz>
            <!-- question: 0  -->
              <question type="category">
                <category>
                  <text>$course$/top/Default for PMO Essentials/Governance</text>
                </category>
                <info format="html">
                  <text></text>
                </info>
                <idnumber></idnumber>
              </question>

            <!-- question: 1234  -->
              <question type="multichoice">
                <name>
                  <text>Bold &amp; escaped</text>
                </name>
                <questiontext format="html">
                  <text><![CDATA[<p dir="ltr" style="text-align: left;">Which is <b>bold</b> &amp; &lt;escaped&gt;?<br></p><p dir="ltr" style="text-align: left;">Second&nbsp; paragraph.</p>]]></text>
                </questiontext>
                <generalfeedback format="html">
                  <text><![CDATA[<p>Read the <i>governance</i> chapter &amp; try again.</p>]]></text>
                </generalfeedback>
                <defaultgrade>1.0000000</defaultgrade>
                <penalty>0.3333333</penalty>
                <hidden>0</hidden>
                <idnumber></idnumber>
                <single>true</single>
                <shuffleanswers>true</shuffleanswers>
                <answernumbering>abc</answernumbering>
                <showstandardinstruction>0</showstandardinstruction>
                <correctfeedback format="html">
                  <text>Your answer is correct.</text>
                </correctfeedback>
                <partiallycorrectfeedback format="html">
                  <text>Your answer is partially correct.</text>
                </partiallycorrectfeedback>
                <incorrectfeedback format="html">
                  <text>Your answer is incorrect.</text>
                </incorrectfeedback>
                <shownumcorrect/>
                <answer fraction="100" format="html">
                  <text><![CDATA[<p dir="ltr" style="text-align: left;">The board</p>]]></text>
                  <feedback format="html">
                    <text><![CDATA[<p>it is &lt;true&gt;</p>]]></text>
                  </feedback>
                </answer>
                <answer fraction="50" format="html">
                  <text><![CDATA[<p>The sponsor</p>]]></text>
                  <feedback format="html">
                    <text><![CDATA[<p>Half right.</p>]]></text>
                  </feedback>
                </answer>
                <answer fraction="0" format="html">
                  <text><![CDATA[<p>&amp;amp; the PMO</p>]]></text>
                  <feedback format="html">
                    <text></text>
                  </feedback>
                </answer>
              </question>

            <!-- question: 1235  -->
              <question type="multichoice">
                <name>
                  <text>Shares</text>
                </name>
                <questiontext format="html">
                  <text><![CDATA[<p>Which two?</p>]]></text>
                </questiontext>
                <generalfeedback format="html">
                  <text></text>
                </generalfeedback>
                <defaultgrade>1.0000000</defaultgrade>
                <penalty>0.3333333</penalty>
                <hidden>0</hidden>
                <idnumber></idnumber>
                <single>false</single>
                <shuffleanswers>true</shuffleanswers>
                <answernumbering>abc</answernumbering>
                <answer fraction="70" format="html">
                  <text><![CDATA[<p>Big</p>]]></text>
                  <feedback format="html"><text></text></feedback>
                </answer>
                <answer fraction="30" format="html">
                  <text><![CDATA[<p>Small</p>]]></text>
                  <feedback format="html"><text></text></feedback>
                </answer>
                <answer fraction="-100" format="html">
                  <text><![CDATA[<p>None</p>]]></text>
                  <feedback format="html"><text></text></feedback>
                </answer>
              </question>

            <!-- question: 1236  -->
              <question type="essay">
                <name>
                  <text>Reflect</text>
                </name>
                <questiontext format="html">
                  <text><![CDATA[<p>Describe your PMO.</p>]]></text>
                </questiontext>
                <generalfeedback format="html">
                  <text></text>
                </generalfeedback>
                <defaultgrade>1.0000000</defaultgrade>
                <penalty>0.0000000</penalty>
                <hidden>0</hidden>
                <idnumber></idnumber>
                <responseformat>editor</responseformat>
                <responserequired>1</responserequired>
                <responsefieldlines>10</responsefieldlines>
              </question>

            <!-- question: 1237  -->
              <question type="truefalse">
                <name>
                  <text>Plain</text>
                </name>
                <questiontext format="plain_text">
                  <text>Is 2 &lt; 3 &amp; 3 &gt; 2?
            Yes, &lt;b&gt; stays.</text>
                </questiontext>
                <generalfeedback format="html">
                  <text></text>
                </generalfeedback>
                <defaultgrade>1.0000000</defaultgrade>
                <penalty>1.0000000</penalty>
                <hidden>0</hidden>
                <idnumber></idnumber>
                <answer fraction="100" format="moodle_auto_format">
                  <text>true</text>
                  <feedback format="html">
                    <text><![CDATA[<p>it is &lt;true&gt;</p>]]></text>
                  </feedback>
                </answer>
                <answer fraction="0" format="moodle_auto_format">
                  <text>false</text>
                  <feedback format="html">
                    <text></text>
                  </feedback>
                </answer>
              </question>

            <!-- question: 1238  -->
              <question type="multichoice">
                <name>
                  <text>Praise</text>
                </name>
                <questiontext format="html">
                  <text><![CDATA[<p>Who signs off?</p>]]></text>
                </questiontext>
                <generalfeedback format="html">
                  <text></text>
                </generalfeedback>
                <defaultgrade>1.0000000</defaultgrade>
                <penalty>0.3333333</penalty>
                <hidden>0</hidden>
                <idnumber></idnumber>
                <single>true</single>
                <shuffleanswers>true</shuffleanswers>
                <answernumbering>abc</answernumbering>
                <correctfeedback format="html">
                  <text><![CDATA[<p>Well done!</p>]]></text>
                </correctfeedback>
                <answer fraction="100" format="html">
                  <text><![CDATA[<p>The sponsor</p>]]></text>
                  <feedback format="html"><text></text></feedback>
                </answer>
                <answer fraction="-50" format="html">
                  <text><![CDATA[<p>The PMO</p>]]></text>
                  <feedback format="html"><text></text></feedback>
                </answer>
              </question>

            <!-- question: 1239  -->
              <question type="shortanswer">
                <name>
                  <text>Acronym</text>
                </name>
                <questiontext format="html">
                  <text><![CDATA[<p>What does PMO stand for?</p>]]></text>
                </questiontext>
                <answer fraction="100" format="moodle_auto_format">
                  <text>Project Management Office</text>
                </answer>
              </question>

            </quiz>
            """;

    /** The same bank as {@link #MOODLE_BANK_XML}, as Moodle 4.3 exports it in GIFT (no true/false in plain text). */
    static final String MOODLE_BANK_GIFT = """
            // question: 0  name: Switch category to $course$/top/Default for PMO Essentials/Governance
            $CATEGORY: $course$/top/Default for PMO Essentials/Governance


            // question: 1234  name: Bold & escaped
            ::Bold & escaped::[html]<p dir\\="ltr" style\\="text-align\\: left;">Which is <b>bold</b> &amp; &lt;escaped&gt;?<br></p><p dir\\="ltr" style\\="text-align\\: left;">Second&nbsp; paragraph.</p>{
            \t=<p dir\\="ltr" style\\="text-align\\: left;">The board</p>#<p>it is &lt;true&gt;</p>
            \t~%50%<p>The sponsor</p>#<p>Half right.</p>
            \t~<p>&amp;amp; the PMO</p>
            \t####<p>Read the <i>governance</i> chapter &amp; try again.</p>
            }


            // question: 1235  name: Shares
            ::Shares::[html]<p>Which two?</p>{
            \t~%70%<p>Big</p>
            \t~%30%<p>Small</p>
            \t~%-100%<p>None</p>
            }


            // question: 1236  name: Reflect
            ::Reflect::[html]<p>Describe your PMO.</p>{}


            // question: 1237  name: Plain
            ::Plain::[plain]Is 2 < 3 & 3 > 2? &lt;b&gt; stays.{TRUE#no#yes}


            // question: 1239  name: Acronym
            ::Acronym::[html]<p>What does PMO stand for?</p>{
            \t=Project Management Office
            }

            """;
}
