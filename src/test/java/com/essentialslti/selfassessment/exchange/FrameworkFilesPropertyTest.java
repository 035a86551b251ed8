package com.essentialslti.selfassessment.exchange;

import com.essentialslti.imports.ImportProblem;
import com.essentialslti.selfassessment.framework.DefaultFramework;
import com.essentialslti.testing.MutatedText;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

/**
 * The framework readers fed random and broken files: each ends in a framework or in problems in words, never in
 * another exception, and never hangs.
 */
class FrameworkFilesPropertyTest {

    /** Pieces that mean something to CSV, to JSON, to CASE, to the behaviour list, or to a careless reader. */
    static final List<String> TOKENS = List.of("a", "ü", "📊", " ", "\n", "\r\n", "\t", ",", ";", "\"", "\"\"", "'",
            "=", "+", "-", "@", "{", "}", "[", "]", ":", "\\", "\\u0000", "\\uD800", "null", "true", "1", "-1",
            "1e999", "\"CFItems\"", "\"CFAssociations\"", "\"isChildOf\"", "\"CFRubrics\"", "\"identifier\"",
            "<ul class=\"essentials-behaviours\">", "<li>", "</li>", "</ul>", "<strong>", "&amp;", "&lt;",
            "\u0000", "\uFFFE", "\uD800");

    static void endsInAFrameworkOrItsRefusal(FrameworkImport result) {
        assertThat(result).isNotNull();
        assertThat(result.acceptable() || !result.problems().isEmpty()).isTrue();
        for (ImportProblem problem : result.problems()) {
            assertThat(problem.line()).isNotNegative();
            assertThat(problem.message()).isNotBlank();
        }
    }

    static void property(int examples, Gen<String> files, Function<byte[], FrameworkImport> read) {
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> qt().withExamples(examples).forAll(files)
                .checkAssert(file -> endsInAFrameworkOrItsRefusal(read.apply(file.getBytes(StandardCharsets.UTF_8)))));
    }

    private static final String MOODLE = MoodleCompetencyCsv.write(DefaultFramework.content());
    private static final String CASE = CaseJson.write(DefaultFramework.content(), "https://tool.example/case/1");

    @Test
    void brokenMoodleExportsEndInAFrameworkOrProblems() {
        property(1500, MutatedText.mutationsOf(List.of(MOODLE), TOKENS), MoodleCompetencyCsv::read);
    }

    @Test
    void randomTextAsMoodleCsvEndsInAFrameworkOrProblems() {
        property(2000, MutatedText.tokenText(TOKENS, 80), MoodleCompetencyCsv::read);
    }

    @Test
    void brokenCasePackagesEndInAFrameworkOrProblems() {
        property(1500, MutatedText.mutationsOf(List.of(CASE), TOKENS), CaseJson::read);
    }

    @Test
    void randomTextAsCaseEndsInAFrameworkOrProblems() {
        property(2000, MutatedText.tokenText(TOKENS, 80), CaseJson::read);
    }

    @Test
    void randomUnicodeEndsInAFrameworkOrProblemsInBothFormats() {
        property(1000, strings().allPossible().ofLengthBetween(0, 300), MoodleCompetencyCsv::read);
        property(1000, strings().allPossible().ofLengthBetween(0, 300), CaseJson::read);
    }
}
