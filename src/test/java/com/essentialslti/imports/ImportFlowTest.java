package com.essentialslti.imports;

import com.essentialslti.web.Pages;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The parts every import shares: the file carried in the confirmation form, the problems listed, their partial. */
class ImportFlowTest {

    @Test
    void theFileComesBackFromTheConfirmationFormAsItWasUploaded() {
        byte[] file = "::Q1:: 2+2? {=4 ~5}\n\u00e9\u00e8 +/".getBytes(StandardCharsets.UTF_8);
        String carried = Upload.inForm(file);
        assertThat(carried).as("URL-safe: nothing the form encoding would triple").doesNotContain("+", "/");
        assertThat(Upload.fromForm(carried)).isEqualTo(file);
        assertThatThrownBy(() -> Upload.fromForm("not base64!")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLongListShowsItsFirstProblemsAndHowManyMore() {
        List<ImportProblem> found = IntStream.rangeClosed(1, ProblemList.SHOWN + 5)
                .mapToObj(line -> new ImportProblem(line, "broken")).toList();
        List<String> shown = ProblemList.shown(found, " more problems.");
        assertThat(shown).hasSize(ProblemList.SHOWN + 1).startsWith("line 1: broken")
                .endsWith("… and 5 more problems.");
        assertThat(ProblemList.shown(found.subList(0, 2), " more.")).containsExactly("line 1: broken",
                "line 2: broken");
    }

    @Test
    void anImportPageShowsTheProblemsThroughTheSharedPartial() {
        String page = Pages.render("quiz/import", Map.of("hasProblems", true, "problems",
                List.of(Upload.TOO_LARGE), "session", "token"));
        assertThat(page).contains("The file cannot be imported")
                .contains("Nothing was saved. Correct these problems in the file and upload it again:")
                .contains("<li>The file is larger than 750 KB: split it into smaller files.</li>");
    }

    @Test
    void aFileBeginsWithItsFirstCharacterAfterBlanksAndAByteOrderMark() {
        assertThat(Upload.beginsWith("  \n<quiz/>".getBytes(StandardCharsets.UTF_8), '<')).isTrue();
        assertThat(Upload.beginsWith("\uFEFF{\"CFDocument\":{}}".getBytes(StandardCharsets.UTF_8), '{')).isTrue();
        assertThat(Upload.beginsWith("::Q1:: text {=a}".getBytes(StandardCharsets.UTF_8), '{')).isFalse();
        assertThat(Upload.beginsWith(new byte[0], '<')).isFalse();
    }
}
