package com.essentialslti.selfassessment.exchange;

import com.essentialslti.imports.ImportProblem;
import com.essentialslti.selfassessment.framework.Competency;
import com.essentialslti.selfassessment.framework.CompetencyArea;
import com.essentialslti.selfassessment.framework.FrameworkContent;
import com.essentialslti.selfassessment.framework.ProficiencyLevel;
import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** CASE 1.0 packages: what is read, what the export writes, what is refused and where. */
class CaseJsonTest {

    static final Instant CHANGED = Instant.parse("2026-12-01T09:00:00Z");

    static FrameworkImport read(String json) {
        return CaseJson.read(json.getBytes(StandardCharsets.UTF_8));
    }

    static List<String> problemsOf(String json) {
        return read(json).problems().stream().map(ImportProblem::toString).toList();
    }

    static String item(String id, String code, String full) {
        return "{\"identifier\":\"" + id + "\",\"uri\":\"urn:" + id + "\",\"fullStatement\":\"" + full + "\""
                + (code == null ? "" : ",\"humanCodingScheme\":\"" + code + "\"")
                + ",\"lastChangeDateTime\":\"2026-01-01T00:00:00Z\"}";
    }

    static String childOf(String id, String child, String parent) {
        return "{\"identifier\":\"" + id + "\",\"associationType\":\"isChildOf\",\"originNodeURI\":{\"identifier\":\""
                + child + "\"},\"destinationNodeURI\":{\"identifier\":\"" + parent + "\"}}";
    }

    static String level(String quality, String description, int position) {
        return "{\"quality\":\"" + quality + "\",\"description\":\"" + description + "\",\"position\":" + position
                + "}";
    }

    /** A package as another CASE provider writes it: no scale criterion, levels listed out of order. */
    static String foreignPackage(String items, String associations) {
        return "{\"CFDocument\":{\"identifier\":\"doc\",\"uri\":\"https://case.example/doc\",\"creator\":\"PMI\","
                + "\"title\":\"PMO competencies\",\"lastChangeDateTime\":\"2026-01-01T00:00:00Z\"},"
                + "\"CFItems\":[" + items + "],\"CFAssociations\":[" + associations + "],"
                + "\"CFRubrics\":[{\"identifier\":\"r\",\"CFRubricCriteria\":[{\"identifier\":\"c\","
                + "\"CFItemURI\":{\"identifier\":\"c1\"},\"CFRubricCriterionLevels\":["
                + level("Advanced", "Sets the standard", 3) + "," + level("Basic", "Follows it", 1) + ","
                + level("Proficient", "Applies it", 2) + "]}]}]}";
    }

    static final String ITEMS = item("a1", "GOV", "Governance") + "," + item("c1", "GOV.1", "Runs gate reviews") + ","
            + item("c2", null, "Reports status");
    static final String TREE = childOf("x1", "a1", "doc") + "," + childOf("x2", "c1", "a1") + ","
            + childOf("x3", "c2", "a1");

    @Nested
    class ARoundTrip {

        @Test
        void givesBackTheFrameworkWithoutWhatCaseCannotHold() {
            FrameworkContent sample = Frameworks.sample();

            FrameworkImport result = read(CaseJson.write(sample, "https://tool.example/case/pmo", CHANGED));

            assertThat(result.problems()).isEmpty();
            assertThat(result.framework()).isEqualTo(Frameworks.exchanged(sample));
        }

        @Test
        void keepsAnEmptyDescriptionEmpty() {
            FrameworkContent framework = Frameworks.framework()
                    .area("A", "Area", Frameworks.competency("C", "Named only", "")).build();

            FrameworkContent back = read(CaseJson.write(framework, null, CHANGED)).framework();

            assertThat(back.competency("C").orElseThrow().description()).isEmpty();
        }
    }

    @Nested
    class TheExport {

        @Test
        void isTheSameForTheSameFramework() {
            FrameworkContent sample = Frameworks.sample();

            assertThat(CaseJson.write(sample, null, CHANGED)).isEqualTo(CaseJson.write(sample, null, CHANGED));
        }

        @Test
        @SuppressWarnings("unchecked")
        void hasWhatCaseRequiresOfADocumentItemsAndAssociations() throws ParseException {
            Map<String, Object> pack = JSONObjectUtils.parse(CaseJson.write(Frameworks.sample(),
                    "https://tool.example/case/pmo", CHANGED));

            Map<String, Object> document = (Map<String, Object>) pack.get("CFDocument");
            assertThat(document).containsKeys("identifier", "creator", "title", "lastChangeDateTime")
                    .containsEntry("uri", "https://tool.example/case/pmo");
            assertThat((List<Map<String, Object>>) pack.get("CFItems")).hasSize(5)
                    .allSatisfy(i -> assertThat(i).containsKeys("identifier", "uri", "fullStatement",
                            "lastChangeDateTime"));
            assertThat((List<Map<String, Object>>) pack.get("CFAssociations")).hasSize(5)
                    .allSatisfy(a -> assertThat(a).containsEntry("associationType", "isChildOf")
                            .containsKeys("identifier", "uri", "originNodeURI", "destinationNodeURI",
                                    "lastChangeDateTime"));
        }

        @Test
        void derivesIdentifiersFromTheKeys() {
            String once = CaseJson.write(Frameworks.sample(), null, CHANGED);
            String renamed = CaseJson.write(Frameworks.framework().named("PMO Manager Competencies", "other")
                    .area("GOV", "Renamed", Frameworks.competency("GOV-1", "Renamed too", "")).build(), null, CHANGED);

            String govItem = once.substring(once.indexOf("\"identifier\"", once.indexOf("\"CFItems\"")),
                    once.indexOf("\"uri\"", once.indexOf("\"CFItems\"")));
            assertThat(renamed).contains(govItem);
        }

        @Test
        void leavesRetiredCompetenciesOut() {
            assertThat(CaseJson.write(Frameworks.sample(), null, CHANGED)).doesNotContain("GOV-3");
        }
    }

    @Nested
    class APackageFromAnotherProvider {

        @Test
        void hasTheDocumentsChildrenAsAreasAndTheirChildrenAsCompetencies() {
            FrameworkContent framework = read(foreignPackage(ITEMS, TREE)).framework();

            assertThat(framework.name()).isEqualTo("PMO competencies");
            assertThat(framework.areas()).extracting(CompetencyArea::name).containsExactly("Governance");
            assertThat(framework.competencies()).extracting(Competency::key, Competency::name)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("GOV.1", "Runs gate reviews"),
                            org.assertj.core.groups.Tuple.tuple("c2", "Reports status"));
        }

        @Test
        void takesTheScaleFromTheRubricLevelsInTheirPositionsOrder() {
            FrameworkImport result = read(foreignPackage(ITEMS, TREE));

            assertThat(result.framework().scale()).extracting(ProficiencyLevel::name)
                    .containsExactly("Basic", "Proficient", "Advanced");
            assertThat(result.framework().competency("GOV.1").orElseThrow().behaviours())
                    .containsExactly("Follows it", "Applies it", "Sets the standard");
        }

        @Test
        void saysWhichCompetenciesHaveNoBehaviours() {
            assertThat(read(foreignPackage(ITEMS, TREE)).notes())
                    .contains("1 competencies have no rubric, so no behaviour per level; learners rate them by the"
                            + " scale's levels alone until behaviours are added.");
        }

        @Test
        void isReadWhenWrappedInACfPackageObject() {
            assertThat(read("{\"CFPackage\":" + foreignPackage(ITEMS, TREE) + "}").acceptable()).isTrue();
        }

        @Test
        void withoutAnyRubricIsRefusedForWantOfAScale() {
            String noRubrics = foreignPackage(ITEMS, TREE).replaceAll(",\"CFRubrics\".*", "}");

            assertThat(problemsOf(noRubrics)).containsExactly("/CFRubrics: the package has no rubric criterion levels"
                    + " to take the scale from; this tool needs a scale of 2 to 7 levels (each level's quality is its"
                    + " name)");
        }
    }

    @Nested
    class AnInvalidPackage {

        @Test
        void withAThirdLevelIsRefusedWithTheItemsPointer() {
            String items = ITEMS + "," + item("i1", "GOV.1.a", "Indicator");

            assertThat(problemsOf(foreignPackage(items, TREE + "," + childOf("x4", "i1", "c1"))))
                    .containsExactly("/CFItems/3: the item 'GOV.1.a' is on level 3 of the framework (under 'c1');"
                            + " this tool reads two levels, areas and their competencies: move it up or leave it out,"
                            + " and import again");
        }

        @Test
        void withIsChildOfLinksInACircleIsRefused() {
            String items = ITEMS + "," + item("p", "P", "P") + "," + item("q", "Q", "Q");

            assertThat(problemsOf(foreignPackage(items, TREE + "," + childOf("x4", "p", "q") + ","
                    + childOf("x5", "q", "p"))))
                    .containsExactly("/CFItems/3: the item 'P' is its own ancestor: the parent links p → q → p go"
                                    + " round in a circle",
                            "/CFItems/4: the item 'Q' is its own ancestor: the parent links q → p → q go round in a"
                                    + " circle");
        }

        @Test
        void withAnItemIdentifierTwiceIsRefused() {
            assertThat(problemsOf(foreignPackage(ITEMS + "," + item("c1", "X", "Again"), TREE)))
                    .containsExactly("/CFItems/3: the identifier 'c1' is also /CFItems/1's; each item needs its own");
        }

        @Test
        void withAnItemUnderTwoParentsIsRefused() {
            assertThat(problemsOf(foreignPackage(ITEMS, TREE + "," + childOf("x4", "c1", "doc"))))
                    .containsExactly("/CFAssociations/3: the item 'GOV.1' is also a child of another item"
                            + " (/CFAssociations/1); this tool reads a tree, where each competency has one parent");
        }

        @Test
        void withAKeyTwiceInTheSameObjectIsRefused() {
            assertThat(problemsOf("{\"CFDocument\":{},\"CFDocument\":{}}")).singleElement().asString()
                    .startsWith("the file is not a JSON object (or has a key twice)");
        }

        @Test
        void thatIsNotJsonIsRefused() {
            assertThat(problemsOf("<CFPackage/>")).singleElement().asString()
                    .startsWith("the file is not a JSON object");
        }

        @Test
        void thatIsTheJsonLiteralNullIsRefused() { // found by FrameworkFilesPropertyTest
            assertThat(problemsOf("null")).singleElement().asString().isEqualTo("the file is not a JSON object");
        }
    }

    @Nested
    class AHostilePackage {

        @Test
        @Timeout(2)
        void nestedTooDeepIsRefusedBeforeItIsParsed() {
            String deep = "[".repeat(500_000) + "]".repeat(500_000);

            assertThat(problemsOf(deep)).containsExactly("the file nests arrays and objects more than 32 levels deep,"
                    + " which no CASE package needs");
        }

        @Test
        @Timeout(2)
        void largerThanTwoMebibytesIsRefusedBeforeItIsRead() {
            assertThat(CaseJson.read(new byte[ExchangeLimits.MAX_FILE_BYTES + 1]).problems())
                    .extracting(ImportProblem::toString).containsExactly("the file is larger than 2 MiB");
        }

        @Test
        void notInUtf8IsRefused() {
            byte[] latin1 = "{\"CFDocument\":{\"title\":\"Compétences\"}}".getBytes(StandardCharsets.ISO_8859_1);

            assertThat(CaseJson.read(latin1).problems()).extracting(ImportProblem::toString)
                    .containsExactly("the file is not UTF-8 text; save it as UTF-8 and import it again");
        }

        @Test
        @Timeout(2)
        void withMoreItemsThanAFrameworkHoldsIsRefused() {
            StringBuilder items = new StringBuilder(item("a1", "A", "A"));
            for (int i = 0; i < 5_000; i++) {
                items.append(',').append(item("i" + i, null, "x"));
            }

            assertThat(problemsOf(foreignPackage(items.toString(), TREE))).containsExactly("/CFItems: the package has"
                    + " 5001 items; a framework holds at most 550 areas and competencies");
        }

        @Test
        @Timeout(2)
        void withALongChainOfParentsIsRefusedQuickly() {
            StringBuilder items = new StringBuilder(ITEMS);
            StringBuilder links = new StringBuilder(TREE);
            for (int i = 0; i < 540; i++) {
                items.append(',').append(item("n" + i, null, "x"));
                links.append(',').append(childOf("l" + i, "n" + i, i == 0 ? "c1" : "n" + (i - 1)));
            }

            assertThat(read(foreignPackage(items.toString(), links.toString())).problems()).hasSize(540);
        }
    }
}
