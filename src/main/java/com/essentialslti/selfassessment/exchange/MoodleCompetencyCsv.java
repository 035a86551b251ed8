package com.essentialslti.selfassessment.exchange;

import com.essentialslti.selfassessment.framework.Competency;
import com.essentialslti.selfassessment.framework.CompetencyArea;
import com.essentialslti.selfassessment.framework.FrameworkContent;
import com.essentialslti.selfassessment.framework.ProficiencyLevel;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A framework as Moodle's competency framework CSV: the file Moodle's "Import competency framework" tool
 * (tool_lpimportcsv) reads and its "Export competency framework" writes. Fourteen columns, matched by position:
 * Parent ID number, ID number, Short name, Description, Description format, Scale values, Scale configuration, Rule
 * type, Rule outcome, Rule config, Cross-referenced competency ID numbers, Exported ID, Is framework, Taxonomy.
 *
 * <ul>
 *   <li>The row with "Is framework" set (1) is the framework: its short name and description, and its scale values
 *   (level names separated by commas, lowest first) are the scale.</li>
 *   <li>A competency without a parent ID number is an area; a competency whose parent is an area is a competency to
 *   rate. A third level is refused with its line (see {@link Hierarchy} for why).</li>
 *   <li>Keys are the ID numbers, with characters a key cannot have replaced (two that become one key are a
 *   problem).</li>
 *   <li>Moodle has no behaviour per level: the export appends them to the competency's HTML description (format 1)
 *   as a list ({@link LevelList}) that the import reads back; a description without it gives no behaviours, said in
 *   a note. The scale's level summaries travel the same way in the framework's description.</li>
 *   <li>Texts are kept exactly as written; descriptions stay HTML as Moodle has them.</li>
 *   <li>CSV injection: a cell the export writes that starts with {@code =}, {@code +}, {@code -} or {@code @} gets a
 *   leading {@code '} so that a spreadsheet shows it as text instead of running it as a formula (a cell already
 *   starting with {@code '} before such a character gets one more). The import removes one leading {@code '} from a
 *   cell whose leading quotes come before one of those characters, so that an export reads back exactly, and keeps
 *   every other cell as written, formula-looking ones from Moodle included: this tool never evaluates a cell, and
 *   its pages escape every text.</li>
 * </ul>
 */
public final class MoodleCompetencyCsv {

    static final List<String> COLUMNS = List.of("Parent ID number", "ID number", "Short name", "Description",
            "Description format", "Scale values", "Scale configuration", "Rule type (optional)",
            "Rule outcome (optional)", "Rule config (optional)", "Cross-referenced competency ID numbers",
            "Exported ID (optional)", "Is framework", "Taxonomy");
    static final int PARENT_ID_NUMBER = 0;
    static final int ID_NUMBER = 1;
    static final int SHORT_NAME = 2;
    static final int DESCRIPTION = 3;
    static final int DESCRIPTION_FORMAT = 4;
    static final int SCALE_VALUES = 5;
    static final int RULE_TYPE = 7;
    static final int RELATED_ID_NUMBERS = 10;
    static final int IS_FRAMEWORK = 12;
    /** Moodle's FORMAT_HTML. */
    static final String FORMAT_HTML = "1";
    private static final String FORMULA_STARTS = "=+-@";

    private MoodleCompetencyCsv() {
    }

    /** Reads a file as Moodle exports it (UTF-8, comma-separated); all or nothing. */
    public static FrameworkImport read(byte[] file) {
        return MoodleCsvReader.read(file);
    }

    /**
     * The framework as Moodle imports it. Retired competencies are left out, and so is an area left without a
     * competency in use; retired levels are written like the others (Moodle's scales have no retired level, and
     * behaviours are numbered by level). Targets, 70-20-10 suggestions and quiz topics have no place in the format
     * and are not written. Moodle shortens names to 100 characters on import.
     */
    public static String write(FrameworkContent framework) {
        StringBuilder out = new StringBuilder();
        // Moodle's export: comma-separated, quoted only where needed, lines ending in \n.
        CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            printer.printRecord(COLUMNS);
            List<ProficiencyLevel> scale = framework.scale();
            List<String> levelNames = scale.stream().map(ProficiencyLevel::name).toList();
            String scaleDescription = scale.stream().allMatch(l -> l.summary().isEmpty()) ? framework.description()
                    : LevelList.append(framework.description(), LevelList.SCALE, levelNames,
                    scale.stream().map(ProficiencyLevel::summary).toList());
            String frameworkId = Keys.from(framework.name());
            printer.printRecord(row("", frameworkId == null ? "framework" : frameworkId, framework.name(),
                    scaleDescription, String.join(",", levelNames.stream().map(n -> n.replace(',', ';')).toList()),
                    "[{\"scaleid\":\"0\"},{\"id\":" + scale.size() + ",\"scaledefault\":1,\"proficient\":1}]",
                    "", "", "", "1", "competency,competency"));
            int exported = 0;
            for (CompetencyArea area : framework.areasInUse()) {
                printer.printRecord(row("", area.key(), area.name(), area.description(), "", "", "0", "null",
                        String.valueOf(++exported), "", ""));
                for (Competency competency : area.inUse()) {
                    printer.printRecord(row(area.key(), competency.key(), competency.name(),
                            LevelList.append(competency.description(), LevelList.BEHAVIOURS, levelNames,
                                    competency.behaviours()), "", "", "0", "null", String.valueOf(++exported), "",
                            ""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static List<String> row(String parent, String id, String name, String description, String scaleValues,
                                    String scaleConfiguration, String ruleOutcome, String ruleConfig,
                                    String exportedId, String isFramework, String taxonomy) {
        List<String> cells = new ArrayList<>(List.of(parent, id, name, description, FORMAT_HTML, scaleValues,
                scaleConfiguration, "", ruleOutcome, ruleConfig, "", exportedId, isFramework, taxonomy));
        // Null, not "": the printer would quote an empty first cell, which Moodle's export leaves bare.
        cells.replaceAll(cell -> cell.isEmpty() ? null : neutralised(cell));
        return cells;
    }

    /**
     * A cell a spreadsheet would run as a formula, made text by a leading {@code '}. A cell that already starts with
     * quotes before such a character gets one more, so that reading it back gives exactly what was written.
     */
    static String neutralised(String cell) {
        int after = quotesAtStart(cell);
        return after < cell.length() && FORMULA_STARTS.indexOf(cell.charAt(after)) >= 0 ? "'" + cell : cell;
    }

    /** A cell as written before {@link #neutralised(String)}. */
    static String unneutralised(String cell) {
        int after = quotesAtStart(cell);
        return after > 0 && after < cell.length() && FORMULA_STARTS.indexOf(cell.charAt(after)) >= 0
                ? cell.substring(1) : cell;
    }

    private static int quotesAtStart(String cell) {
        int at = 0;
        while (at < cell.length() && cell.charAt(at) == '\'') {
            at++;
        }
        return at;
    }
}
