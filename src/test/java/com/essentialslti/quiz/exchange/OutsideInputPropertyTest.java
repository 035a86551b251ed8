package com.essentialslti.quiz.exchange;

import com.essentialslti.imports.ImportProblem;
import com.essentialslti.quiz.QuizResource;
import com.essentialslti.quiz.QuizSettings;
import com.essentialslti.quiz.bank.AnswerOption;
import com.essentialslti.quiz.bank.Difficulty;
import com.essentialslti.quiz.bank.QuestionBankResource;
import com.essentialslti.quiz.bank.QuestionContent;
import com.essentialslti.quiz.bank.QuestionType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import com.essentialslti.testing.MutatedText;
import org.quicktheories.core.Gen;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

/**
 * Every parser of outside input, fed random and broken input: the GIFT and Moodle XML readers, the question form and
 * the quiz settings form. Each ends in its declared refusal (the import's problems, in words; the form's
 * {@link IllegalArgumentException}, turned into words by its resource) or a result, never another exception, and
 * never a hang. How many inputs each property tried is printed at the end.
 */
class OutsideInputPropertyTest {

    static final Map<String, AtomicInteger> TRIED = new TreeMap<>();

    @AfterAll
    static void report() {
        TRIED.forEach((property, count) -> System.out.println("inputs tried: " + property + ": " + count));
    }

    static AtomicInteger counter(String property) {
        return TRIED.computeIfAbsent(property, p -> new AtomicInteger());
    }

    /** Pieces that mean something to one of the formats, to HTML, or to a careless reader. */
    static final List<String> TOKENS = List.of("a", "Z", "ü", "東", "📊", " ", "  ", "\n", "\r\n", "\t", "<", ">",
            "&", "\"", "'", "~", "=", "#", "{", "}", ":", "\\", "%", "[", "]", "/", "&amp;", "&lt;b&gt;", "<A>",
            "<br>", "<p>", "</p>", "&nbsp;", "[html]", "[plain]", "::", "//", "$CATEGORY:", "->", "####", "%50%",
            "%-100%", "{T}", "{=a ~b}", "<![CDATA[", "]]>", "<question type=\"multichoice\">", "</question>",
            "<text>", "</text>", "<answer fraction=\"50\">", "</answer>", "<quiz>", "</quiz>", "&#92;", "&#x1F4CA;",
            "\u0000", "\uFFFE", "\uD800", "<!DOCTYPE x>", "&xxe;");

    static Gen<String> tokenText(int maxTokens) {
        return MutatedText.tokenText(TOKENS, maxTokens);
    }

    static Gen<String> mutationsOf(List<String> samples) {
        return MutatedText.mutationsOf(samples, TOKENS);
    }

    /** The declared outcome of an import: acceptable questions, or at least one problem in words. */
    static void endsInAResultOrItsRefusal(ImportResult result) {
        assertThat(result).isNotNull();
        assertThat(result.acceptable() || !result.problems().isEmpty()).isTrue();
        for (ImportProblem problem : result.problems()) {
            assertThat(problem.line()).isNotNegative();
            assertThat(problem.message()).isNotBlank();
        }
        assertThat(result.skipped()).allSatisfy(s -> assertThat(s.message()).isNotBlank());
    }

    static void readerProperty(String property, int examples, Gen<String> files, Function<byte[], ImportResult> read) {
        AtomicInteger tried = counter(property);
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> qt().withExamples(examples).forAll(files)
                .checkAssert(file -> {
                    tried.incrementAndGet();
                    endsInAResultOrItsRefusal(read.apply(file.getBytes(StandardCharsets.UTF_8)));
                }));
    }

    static List<String> giftSamples() {
        return List.of(GiftFormatTest.VALID, FormatSamples.MOODLE_BANK_GIFT, FormatSamples.TRICKY_BACK_FROM_MOODLE_GIFT,
                GiftFormat.write(FormatSamples.tricky()));
    }

    static List<String> xmlSamples() {
        return List.of(FormatSamples.MOODLE_BANK_XML, FormatSamples.TRICKY_BACK_FROM_MOODLE_XML,
                MoodleXmlFormat.write(FormatSamples.tricky()));
    }

    @Nested
    class GiftReader {

        @Test
        void randomTextEndsInQuestionsOrProblems() {
            readerProperty("GIFT reader, random text", 3000, tokenText(80), GiftFormat::read);
        }

        @Test
        void randomUnicodeEndsInQuestionsOrProblems() {
            readerProperty("GIFT reader, random unicode", 2000,
                    strings().allPossible().ofLengthBetween(0, 300), GiftFormat::read);
        }

        @Test
        void brokenSamplesEndInQuestionsOrProblems() {
            readerProperty("GIFT reader, mutated samples", 3000, mutationsOf(giftSamples()), GiftFormat::read);
        }

        @Test
        void hugeFilesWithinAndBeyondTheCapsEndInQuestionsOrProblems() {
            Gen<String> huge = integers().between(1, 1200).zip(arbitrary().pick(List.of("Q?{T}\n\n",
                    "::n:: {=a ~b ~c}\n\n", "{".repeat(500) + "\n\n", "x{~%50%a ~%50%b}\n\n")), (n, block) ->
                    block.repeat(n));
            readerProperty("GIFT reader, huge files", 60, huge, GiftFormat::read);
        }
    }

    @Nested
    class MoodleXmlReader {

        @Test
        void randomTextEndsInQuestionsOrProblems() {
            readerProperty("Moodle XML reader, random text", 3000, tokenText(80).map(t -> "<quiz>" + t + "</quiz>"),
                    MoodleXmlFormat::read);
        }

        @Test
        void randomUnicodeEndsInQuestionsOrProblems() {
            readerProperty("Moodle XML reader, random unicode", 2000,
                    strings().allPossible().ofLengthBetween(0, 300), MoodleXmlFormat::read);
        }

        @Test
        void brokenSamplesEndInQuestionsOrProblems() {
            readerProperty("Moodle XML reader, mutated samples", 3000, mutationsOf(xmlSamples()),
                    MoodleXmlFormat::read);
        }

        @Test
        void deepAndHugeFilesWithinAndBeyondTheCapsEndInQuestionsOrProblems() {
            String question = "<question type=\"truefalse\"><questiontext><text>Q</text></questiontext>"
                    + "<answer fraction=\"100\"><text>true</text></answer>"
                    + "<answer fraction=\"0\"><text>false</text></answer></question>\n";
            Gen<String> huge = integers().between(1, 1100).zip(integers().between(0, 40), (n, depth) ->
                    "<quiz>" + question.repeat(n) + "<a>".repeat(depth) + "</a>".repeat(depth) + "</quiz>");
            readerProperty("Moodle XML reader, deep and huge files", 60, huge, MoodleXmlFormat::read);
        }
    }

    /** What goes out comes back: any question the bank can hold, written and read again, is the same. */
    @Nested
    class RoundTrip {

        static final List<String> WRITABLE = TOKENS.stream()
                // A tab is folded by HTML like a space; the others are not text (XML forbids them).
                .filter(t -> !t.equals("\t") && !t.equals("\u0000") && !t.equals("\uFFFE") && !t.equals("\uD800"))
                .toList();

        static Gen<String> text(int maxTokens) {
            return lists().of(arbitrary().pick(WRITABLE)).ofSizeBetween(1, maxTokens)
                    .map(t -> String.join("", t)).map(t -> t.isBlank() ? t + "x" : t);
        }

        /**
         * A topic's name as the bank keeps it: one line, without space around it. Not starting or ending with a
         * slash: Moodle's category paths write a slash in a name as two, which cannot be told apart from the
         * separator there, in Moodle as here.
         */
        static Gen<String> topics() {
            return text(6).map(t -> t.replaceAll("[\\r\\n]", " ").replaceAll("^[\\s/]+|[\\s/]+$", ""))
                    .map(t -> t.isEmpty() ? "x" : t);
        }

        static Gen<QuestionContent> questions() {
            Gen<List<String>> options = lists().of(text(6)).ofSizeBetween(2, 5);
            return arbitrary().enumValues(QuestionType.class).zip(text(20), options, text(8), booleans().all(),
                    (type, text, optionTexts, general, partial) -> {
                        List<AnswerOption> chosen = new ArrayList<>();
                        if (type == QuestionType.TRUE_FALSE) {
                            chosen.add(new AnswerOption("True", partial, optionTexts.get(0)));
                            chosen.add(new AnswerOption("False", !partial, optionTexts.get(1)));
                        } else {
                            for (int i = 0; i < optionTexts.size(); i++) {
                                boolean correct = i == 0 || type == QuestionType.MULTIPLE && i % 2 == 0;
                                double credit = type == QuestionType.SINGLE && partial && i == 1 ? 1.0 / 3 : 0;
                                chosen.add(new AnswerOption(optionTexts.get(i), correct, credit,
                                        optionTexts.get(optionTexts.size() - 1 - i)));
                            }
                        }
                        return new QuestionContent(type, Difficulty.MEDIUM, text, chosen, general);
                    });
        }

        static void comesBackTheSame(String property, Function<List<ExportedQuestion>, String> write,
                                     Function<byte[], ImportResult> read) {
            AtomicInteger tried = counter(property);
            qt().withExamples(2000).forAll(questions(), topics()).checkAssert((content, topic) -> {
                tried.incrementAndGet();
                ImportResult result = read.apply(write.apply(List.of(new ExportedQuestion(topic, null, content)))
                        .getBytes(StandardCharsets.UTF_8));
                assertThat(result.problems()).isEmpty();
                assertThat(result.questions()).singleElement().satisfies(q -> {
                    assertThat(q.content()).isEqualTo(content);
                    assertThat(q.topicName()).isEqualTo(topic);
                });
            });
        }

        @Test
        void throughGift() {
            comesBackTheSame("round trip through GIFT", GiftFormat::write, GiftFormat::read);
        }

        @Test
        void throughMoodleXml() {
            comesBackTheSame("round trip through Moodle XML", MoodleXmlFormat::write, MoodleXmlFormat::read);
        }
    }

    @Nested
    class QuestionForm {

        static final List<String> FIELDS = List.of("", " ", "0", "1", "2", "19", "99", "-1", "1e3", "50", "33.3",
                "100", "NaN", "Infinity", "x", "SINGLE", "MULTIPLE", "TRUE_FALSE", "single", "EASY", "MEDIUM", "HARD",
                "<A>", "\n", "x".repeat(1001), "x".repeat(4001));

        static Gen<String> field() {
            return arbitrary().pick(FIELDS).mix(tokenText(10), 30).mix(arbitrary().constant((String) null), 10);
        }

        static Gen<List<String>> fields() {
            return lists().of(field()).ofSizeBetween(0, 25).mix(arbitrary().constant((List<String>) null), 5);
        }

        @Test
        void anyFormEndsInAQuestionOrARefusalInWords() {
            AtomicInteger tried = counter("question form");
            qt().withExamples(4000).forAll(lists().of(field()).ofSize(3), fields(), fields()).checkAssert(
                    (typeDifficultyText, options, others) -> {
                        tried.incrementAndGet();
                        assertThatCode(() -> {
                            try {
                                QuestionBankResource.content(typeDifficultyText.get(0), typeDifficultyText.get(1),
                                        typeDifficultyText.get(2), QuestionBankResource.rows(options, others, others,
                                                options), typeDifficultyText.get(2));
                            } catch (IllegalArgumentException | NullPointerException refused) {
                                // the declared refusal: the resource shows it in words
                            }
                        }).doesNotThrowAnyException();
                    });
        }
    }

    @Nested
    class SettingsForm {

        static Gen<String> field() {
            return arbitrary().pick(Arrays.asList("", " ", "0", "1", "5", "50", "100", "101", "-1", "2147483648",
                    "on", "off", "HIGHEST", "LATEST", "AFTER_CLOSE", "IMMEDIATELY", "NEVER", "2026-12-31T17:00",
                    "2026-02-30T17:00", "+999999999-12-31T23:59", "9999-12-31T23:59", " 2026-12-31T17:00 ", "x",
                    null)).mix(tokenText(6), 20);
        }

        @Test
        void anyFormEndsInSettingsOrARefusalInWords() {
            AtomicInteger tried = counter("quiz settings form");
            Instant now = Instant.parse("2026-01-05T10:00:00Z");
            qt().withExamples(4000).forAll(lists().of(field()).ofSize(10)).checkAssert(f -> {
                tried.incrementAndGet();
                assertThatCode(() -> {
                    try {
                        QuizSettings.defaultsFor("link", now).change(QuizResource.settingsForm(f.get(0), f.get(1),
                                f.get(2), f.get(3), f.get(4), f.get(5), f.get(6), f.get(7), f.get(8), f.get(9)), now);
                    } catch (IllegalArgumentException | NullPointerException | DateTimeParseException refused) {
                        // the declared refusals: the resource shows each in words
                    }
                }).doesNotThrowAnyException();
            });
        }
    }
}
