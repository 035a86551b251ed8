package com.essentialslti.selfassessment.exchange;

import com.essentialslti.imports.ImportProblem;
import com.essentialslti.selfassessment.framework.Competency;
import com.essentialslti.selfassessment.framework.CompetencyArea;
import com.essentialslti.selfassessment.framework.FrameworkContent;
import com.essentialslti.selfassessment.framework.ProficiencyLevel;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static com.essentialslti.selfassessment.exchange.Frameworks.competency;
import static com.essentialslti.selfassessment.exchange.Frameworks.framework;
import static org.assertj.core.api.Assertions.assertThat;

/** Moodle's competency framework CSV: what is read from a Moodle export, what goes back, what is refused and where. */
class MoodleCompetencyCsvTest {

    static final String HEADER = String.join(",", MoodleCompetencyCsv.COLUMNS.stream()
            .map(c -> "\"" + c + "\"").toList()) + "\n";
    static final String FRAMEWORK_ROW = ",F,Framework,,1,\"Low,Mid,High\",,,,,,,1,\n";

    static FrameworkImport read(String csv) {
        return MoodleCompetencyCsv.read(csv.getBytes(StandardCharsets.UTF_8));
    }

    static List<String> problemsOf(String csv) {
        return read(csv).problems().stream().map(ImportProblem::toString).toList();
    }

    static FrameworkImport moodleExport() throws IOException {
        try (InputStream in = MoodleCompetencyCsvTest.class.getResourceAsStream(
                "/selfassessment/moodle-framework-export.csv")) {
            return MoodleCompetencyCsv.read(in.readAllBytes());
        }
    }

    @Nested
    class AMoodleExport {

        @Test
        void isReadWithTheFrameworkRowAsNameDescriptionAndScale() throws IOException {
            FrameworkContent framework = moodleExport().framework();

            assertThat(framework.name()).isEqualTo("PMO Manager Competencies");
            assertThat(framework.description()).isEqualTo("<p>The competencies a PMO manager needs.</p>");
            assertThat(framework.scale()).extracting(ProficiencyLevel::name)
                    .containsExactly("Not yet competent", "Competent", "Expert");
        }

        @Test
        void hasItsTopLevelCompetenciesAsAreasAndTheirChildrenAsCompetencies() throws IOException {
            FrameworkContent framework = moodleExport().framework();

            assertThat(framework.areas()).extracting(CompetencyArea::key).containsExactly("GOV", "DEL");
            assertThat(framework.area("GOV").orElseThrow().competencies()).extracting(Competency::key)
                    .containsExactly("GOV-1", "GOV-2");
            assertThat(framework.area("DEL").orElseThrow().competencies()).extracting(Competency::name)
                    .containsExactly("Plans resources");
        }

        @Test
        void keepsDescriptionsAsWrittenHtmlWithTheirLineBreaks() throws IOException {
            FrameworkContent framework = moodleExport().framework();

            assertThat(framework.area("GOV").orElseThrow().description())
                    .isEqualTo("<p>Decision rights, controls\nand reporting.</p>");
            assertThat(framework.competency("DEL-1").orElseThrow().description())
                    .isEqualTo("<p>Capacity&nbsp;planning.</p>");
        }

        @Test
        void givesNoBehavioursAndNoTargetsAndSaysSo() throws IOException {
            FrameworkImport result = moodleExport();

            assertThat(result.acceptable()).isTrue();
            assertThat(result.framework().competencies()).allMatch(c -> c.behaviours().isEmpty());
            assertThat(result.framework().targets()).isEmpty();
            assertThat(result.notes()).anyMatch(n -> n.startsWith("3 competencies have no behaviour per level"))
                    .anyMatch(n -> n.contains("no target profiles"))
                    .anyMatch(n -> n.contains("cross-references"));
        }
    }

    @Nested
    class ARoundTrip {

        @Test
        void givesBackTheFrameworkWithoutWhatMoodleCannotHold() {
            FrameworkContent sample = Frameworks.sample();

            FrameworkImport result = read(MoodleCompetencyCsv.write(sample));

            assertThat(result.problems()).isEmpty();
            assertThat(result.framework()).isEqualTo(Frameworks.exchanged(sample));
        }

        @Test
        void keepsEveryBehaviourAndLevelSummaryExactly() {
            FrameworkContent sample = Frameworks.sample();

            FrameworkContent back = read(MoodleCompetencyCsv.write(sample)).framework();

            assertThat(back.competency("GOV-1").orElseThrow().behaviours())
                    .containsExactly("Knows what a stage gate is", "Runs a gate review in < 2 days",
                            "Designs gates for the portfolio");
            assertThat(back.scale()).extracting(ProficiencyLevel::name, ProficiencyLevel::summary)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("Novice", "Knows the terms."),
                            org.assertj.core.groups.Tuple.tuple("Practitioner, certified", "Does it <alone>."),
                            org.assertj.core.groups.Tuple.tuple("Expert", "=Teaches it"));
        }
    }

    @Nested
    class TheExport {

        @Test
        void startsWithMoodlesHeaderAndTheFrameworkRow() {
            String csv = MoodleCompetencyCsv.write(Frameworks.sample());
            String[] lines = csv.split("\n");

            assertThat(lines[0]).isEqualTo("Parent ID number,ID number,Short name,Description,Description format,"
                    + "Scale values,Scale configuration,Rule type (optional),Rule outcome (optional),"
                    + "Rule config (optional),Cross-referenced competency ID numbers,Exported ID (optional),"
                    + "Is framework,Taxonomy");
            assertThat(csv.substring(lines[0].length() + 1))
                    .startsWith(",PMO-Manager-Competencies,PMO Manager Competencies,")
                    .contains(",1,\"Novice,Practitioner; certified,Expert\",")
                    .contains(",1,\"competency,competency\"\n,GOV,Governance,");
        }

        @Test
        void putsBehavioursInTheDescriptionAsAnHtmlList() {
            String csv = MoodleCompetencyCsv.write(Frameworks.sample());

            assertThat(csv).contains("GOV,GOV-1,Designs a governance framework,\"Stage gates & decision rights\n"
                    + "<ul class=\"\"essentials-behaviours\"\">\n<li><strong>Novice</strong>: Knows what a stage gate"
                    + " is</li>\n<li><strong>Practitioner, certified</strong>: Runs a gate review in &lt; 2 days</li>");
        }

        @Test
        void leavesRetiredCompetenciesOut() {
            String csv = MoodleCompetencyCsv.write(Frameworks.sample());

            assertThat(csv).doesNotContain("GOV-3").doesNotContain("Retired competency");
        }

        @Test
        void neutralisesCellsASpreadsheetWouldRunAsFormulas() {
            String csv = MoodleCompetencyCsv.write(Frameworks.sample());

            assertThat(csv).contains("GOV,GOV-2,'-Reports portfolio status,");
        }
    }

    @Nested
    class FormulaLookingCells {

        @Test
        void fromMoodleAreKeptAsWritten() {
            FrameworkImport result = read(HEADER + FRAMEWORK_ROW + ",A,=SUM(A1),,1,,,,0,null,,1,,\n"
                    + "A,C,@cmd,-x,1,,,,0,null,,2,,\n");

            assertThat(result.framework().area("A").orElseThrow().name()).isEqualTo("=SUM(A1)");
            assertThat(result.framework().competency("C").orElseThrow().name()).isEqualTo("@cmd");
        }

        @Test
        void thatTheExportNeutralisedAreReadWithoutTheQuote() {
            FrameworkContent framework = framework()
                    .area("A", "'=quoted already", competency("C", "+plus", "'@x")).build();

            FrameworkContent back = read(MoodleCompetencyCsv.write(framework)).framework();

            assertThat(back.area("A").orElseThrow().name()).isEqualTo("'=quoted already");
            assertThat(back.competency("C").orElseThrow().name()).isEqualTo("+plus");
            assertThat(back.competency("C").orElseThrow().description()).isEqualTo("'@x");
        }
    }

    @Nested
    class AnInvalidFile {

        @Test
        void withAThirdLevelIsRefusedAtItsLine() {
            assertThat(problemsOf(HEADER + FRAMEWORK_ROW + ",A,Area,,1,,,,0,null,,1,,\n"
                    + "A,C,Competency,,1,,,,0,null,,2,,\n"
                    + "C,I,Indicator,,1,,,,0,null,,3,,\n"))
                    .containsExactly("line 5: the competency 'I' is on level 3 of the framework (under 'C'); this"
                            + " tool reads two levels, areas and their competencies: move it up or leave it out, and"
                            + " import again");
        }

        @Test
        void withParentLinksInACircleIsRefusedAtTheirLines() {
            assertThat(problemsOf(HEADER + FRAMEWORK_ROW + ",A,Area,,1,,,,0,null,,1,,\n"
                    + "A,C,Competency,,1,,,,0,null,,2,,\n"
                    + "Y,X,X,,1,,,,0,null,,3,,\n"
                    + "X,Y,Y,,1,,,,0,null,,4,,\n"))
                    .containsExactly("line 5: the competency 'X' is its own ancestor: the parent links X → Y → X go"
                                    + " round in a circle",
                            "line 6: the competency 'Y' is its own ancestor: the parent links Y → X → Y go round in a"
                                    + " circle");
        }

        @Test
        void withAParentThatIsNotInTheFileIsRefused() {
            assertThat(problemsOf(HEADER + FRAMEWORK_ROW + ",A,Area,,1,,,,0,null,,1,,\n"
                    + "B,C,Competency,,1,,,,0,null,,2,,\n"))
                    .contains("line 4: the competency 'C' has the parent 'B', which is not in the file");
        }

        @Test
        void withAnIdNumberTwiceIsRefusedWithBothLines() {
            assertThat(problemsOf(HEADER + FRAMEWORK_ROW + ",A,Area,,1,,,,0,null,,1,,\n"
                    + "A,C,One,,1,,,,0,null,,2,,\n"
                    + "A,C,Two,,1,,,,0,null,,3,,\n"))
                    .containsExactly("line 5: the ID number 'C' is also on line 4; each competency needs its own");
        }

        @Test
        void withTwoIdNumbersThatBecomeOneKeyIsRefused() {
            assertThat(problemsOf(HEADER + FRAMEWORK_ROW + ",A,Area,,1,,,,0,null,,1,,\n"
                    + "A,C 1,One,,1,,,,0,null,,2,,\n"
                    + "A,C/1,Two,,1,,,,0,null,,3,,\n"))
                    .containsExactly("line 5: the ID numbers 'C 1' (line 4) and 'C/1' both become the key 'C-1'"
                            + " (keys are letters, digits, '.', '_', ':' and '-'); change one of them");
        }

        @Test
        void withoutAFrameworkRowIsRefused() {
            assertThat(problemsOf(HEADER + ",A,Area,,1,,,,0,null,,1,,\nA,C,One,,1,,,,0,null,,2,,\n"))
                    .containsExactly("the file has no framework row (a row with \"Is framework\" set to 1, which"
                            + " names the framework and its scale)");
        }

        @Test
        void withAScaleOfOneLevelIsRefusedAtTheFrameworkRow() {
            assertThat(problemsOf(HEADER + ",F,Framework,,1,Done,,,,,,,1,\n,A,Area,,1,,,,0,null,,1,,\n"
                    + "A,C,One,,1,,,,0,null,,2,,\n"))
                    .containsExactly("line 2: the scale has 1 levels; this tool rates on 2 to 7");
        }

        @Test
        void withABehaviourListThatDoesNotFitTheScaleIsRefused() {
            assertThat(problemsOf(HEADER + FRAMEWORK_ROW + ",A,Area,,1,,,,0,null,,1,,\n"
                    + "A,C,One,\"<ul class=\"\"essentials-behaviours\"\"><li>only one</li></ul>\",1,,,,0,null,,2,,\n"))
                    .containsExactly("line 4: the competency 'C' describes 1 levels; the scale has 3");
        }

        @Test
        void separatedBySemicolonsIsRefusedWithTheReason() {
            assertThat(problemsOf("Parent ID number;ID number;Short name\n;F;Framework\n"))
                    .containsExactly("line 1: the columns are separated by semicolons or tabs; this tool reads"
                            + " Moodle's export, which separates them by commas");
        }

        @Test
        void namesTheLineOfARecordAfterACellOverSeveralLines() {
            assertThat(problemsOf(HEADER + FRAMEWORK_ROW + ",A,Area,\"one\ntwo\nthree\",1,,,,0,null,,1,,\n"
                    + "A,,Nameless,,1,,,,0,null,,2,,\n"))
                    .containsExactly("line 6: the competency 'Nameless' has no ID number, which Moodle needs to"
                            + " link competencies");
        }

        @Test
        void withTextAfterAQuotedCellIsRefusedAtItsLine() {
            assertThat(problemsOf(HEADER + FRAMEWORK_ROW + ",A,\"Area\"x,,1,,,,0,null,,1,,\n"))
                    .containsExactly("line 3: the line is not valid CSV: after a quoted cell only a comma or the end"
                            + " of the line may follow");
        }
    }

    @Nested
    class AHostileFile {

        @Test
        @Timeout(2)
        void largerThanTwoMebibytesIsRefusedBeforeItIsRead() {
            byte[] file = new byte[ExchangeLimits.MAX_FILE_BYTES + 1];

            assertThat(MoodleCompetencyCsv.read(file).problems()).extracting(ImportProblem::toString)
                    .containsExactly("the file is larger than 2 MiB");
        }

        @Test
        void notInUtf8IsRefused() {
            byte[] latin1 = (HEADER + ",F,Cadre de compétences,,1,\"a,b\",,,,,,,1,\n")
                    .getBytes(StandardCharsets.ISO_8859_1);

            assertThat(MoodleCompetencyCsv.read(latin1).problems()).extracting(ImportProblem::toString)
                    .containsExactly("the file is not UTF-8 text; save it as UTF-8 and import it again");
        }

        @Test
        @Timeout(2)
        void withAQuoteNeverClosedIsRefusedAtTheQuotesLine() {
            String bomb = HEADER + FRAMEWORK_ROW + ",A,\"" + "x,\n".repeat(600_000);

            assertThat(problemsOf(bomb)).containsExactly("line 3: a quoted cell starts here and is never closed: the"
                    + " file ends inside it (a quote in a cell is written as two quotes)");
        }

        @Test
        @Timeout(2)
        void withALineOfManyColumnsIsRefusedAtThatLine() {
            String wide = HEADER + FRAMEWORK_ROW + ",".repeat(1_900_000) + "\n";

            assertThat(problemsOf(wide)).containsExactly("line 3: the line has more than 14 columns; a Moodle"
                    + " competency framework file has 14");
        }

        @Test
        @Timeout(2)
        void withMoreRowsThanAFrameworkHoldsIsRefused() {
            StringBuilder csv = new StringBuilder(HEADER + FRAMEWORK_ROW + ",A,Area,,1,,,,0,null,,1,,\n");
            for (int i = 0; i < 20_000; i++) {
                csv.append("A,C").append(i).append(",C,,1,,,,0,null,,,,\n");
            }

            assertThat(problemsOf(csv.toString())).containsExactly("line 553: the file has more than 552 lines of"
                    + " competencies; a framework holds at most 550 areas and competencies");
        }

        @Test
        @Timeout(2)
        void withAnOverlongCellIsRefusedAtItsLine() {
            String csv = HEADER + FRAMEWORK_ROW + ",A,Area,\"" + "x".repeat(40_000) + "\",1,,,,0,null,,1,,\n";

            assertThat(problemsOf(csv)).containsExactly("line 3: a cell is longer than 32768 characters");
        }
    }
}
