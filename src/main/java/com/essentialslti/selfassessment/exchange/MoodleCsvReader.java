package com.essentialslti.selfassessment.exchange;

import com.essentialslti.imports.ImportProblem;
import com.essentialslti.imports.Utf8File;
import com.essentialslti.selfassessment.framework.Competency;
import com.essentialslti.selfassessment.framework.CompetencyArea;
import com.essentialslti.selfassessment.framework.FrameworkContent;
import com.essentialslti.selfassessment.framework.ProficiencyLevel;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.essentialslti.selfassessment.exchange.MoodleCompetencyCsv.COLUMNS;
import static com.essentialslti.selfassessment.exchange.MoodleCompetencyCsv.DESCRIPTION;
import static com.essentialslti.selfassessment.exchange.MoodleCompetencyCsv.DESCRIPTION_FORMAT;
import static com.essentialslti.selfassessment.exchange.MoodleCompetencyCsv.FORMAT_HTML;
import static com.essentialslti.selfassessment.exchange.MoodleCompetencyCsv.ID_NUMBER;
import static com.essentialslti.selfassessment.exchange.MoodleCompetencyCsv.IS_FRAMEWORK;
import static com.essentialslti.selfassessment.exchange.MoodleCompetencyCsv.PARENT_ID_NUMBER;
import static com.essentialslti.selfassessment.exchange.MoodleCompetencyCsv.RELATED_ID_NUMBERS;
import static com.essentialslti.selfassessment.exchange.MoodleCompetencyCsv.RULE_TYPE;
import static com.essentialslti.selfassessment.exchange.MoodleCompetencyCsv.SCALE_VALUES;
import static com.essentialslti.selfassessment.exchange.MoodleCompetencyCsv.SHORT_NAME;

/**
 * Reads one Moodle competency framework CSV: a header line (matched by position, as Moodle does: its names change
 * with the language), one framework row ("Is framework" set) whose scale values are the scale, and a row per
 * competency linked to its parent by ID number.
 */
final class MoodleCsvReader {

    private final List<ImportProblem> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private Row framework;
    private final Map<String, Row> competencies = new LinkedHashMap<>();

    /** One record with the line it starts on. */
    private record Row(int line, List<String> cells) {

        String cell(int column) {
            return column < cells.size() ? cells.get(column) : "";
        }

        boolean isFramework() {
            // Moodle reads the column as PHP does: set unless empty or "0".
            String value = cell(IS_FRAMEWORK);
            return !value.isEmpty() && !value.equals("0");
        }

        boolean isHtml() {
            String format = cell(DESCRIPTION_FORMAT).strip();
            return format.isEmpty() || format.equals(FORMAT_HTML);
        }
    }

    private MoodleCsvReader() {
    }

    static FrameworkImport read(byte[] file) {
        if (file.length > ExchangeLimits.MAX_FILE_BYTES) {
            return FrameworkImport.refused(ExchangeLimits.fileTooLarge());
        }
        String text = Utf8File.decode(file);
        if (text == null) {
            return FrameworkImport.refused(Utf8File.NOT_UTF8);
        }
        CsvShape shape = CsvShape.of(text, COLUMNS.size(), ExchangeLimits.MAX_ITEMS + 2);
        if (shape.problem != null) {
            return FrameworkImport.refused(shape.problem);
        }
        MoodleCsvReader reader = new MoodleCsvReader();
        FrameworkContent content = reader.readRecords(text, shape.recordLines);
        return new FrameworkImport(content, reader.problems, reader.notes);
    }

    private FrameworkContent readRecords(String text, List<Integer> lines) {
        List<Row> rows = parse(text, lines);
        if (!problems.isEmpty()) {
            return null;
        }
        if (rows.isEmpty()) {
            problems.add(new ImportProblem(0, "the file is empty"));
            return null;
        }
        if (!header(rows.get(0))) {
            return null;
        }
        for (Row row : rows.subList(1, rows.size())) {
            if (problems.size() >= ExchangeLimits.MAX_PROBLEMS) {
                break;
            }
            row(row);
        }
        if (framework == null) {
            problems.add(new ImportProblem(0, "the file has no framework row (a row with \"Is framework\" set to"
                    + " 1, which names the framework and its scale)"));
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return build();
    }

    private List<Row> parse(String text, List<Integer> lines) {
        List<Row> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                int line = lines.get(rows.size());
                List<String> cells = new ArrayList<>(record.size());
                for (String cell : record) {
                    if (cell.length() > ExchangeLimits.MAX_TEXT_CHARS) {
                        problems.add(new ImportProblem(line, "a cell is longer than " + ExchangeLimits.MAX_TEXT_CHARS
                                + " characters"));
                        return rows;
                    }
                    cells.add(MoodleCompetencyCsv.unneutralised(cell));
                }
                rows.add(new Row(line, cells));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            int line = rows.size() < lines.size() ? lines.get(rows.size()) : 0;
            problems.add(new ImportProblem(line, "the line is not valid CSV: after a quoted cell only a comma or"
                    + " the end of the line may follow"));
        }
        return rows;
    }

    private boolean header(Row header) {
        if (header.cells().size() == 1 && (header.cell(0).contains(";") || header.cell(0).contains("\t"))) {
            problems.add(new ImportProblem(header.line(), "the columns are separated by semicolons or tabs; this"
                    + " tool reads Moodle's export, which separates them by commas"));
            return false;
        }
        if (header.cells().size() <= IS_FRAMEWORK) {
            problems.add(new ImportProblem(header.line(), "the file is not a Moodle competency framework file: its"
                    + " first line has " + header.cells().size() + " columns where Moodle's has " + COLUMNS.size()
                    + " (" + String.join(", ", COLUMNS) + ")"));
            return false;
        }
        return true;
    }

    private void row(Row row) {
        if (row.isFramework()) {
            if (framework != null) {
                problems.add(new ImportProblem(row.line(), "a second framework row (the first is on line "
                        + framework.line() + "); a file holds one framework"));
            } else {
                framework = row;
            }
            return;
        }
        String id = row.cell(ID_NUMBER);
        if (id.isBlank()) {
            problems.add(new ImportProblem(row.line(), "the competency '" + ExchangeLimits.abbreviated(
                    row.cell(SHORT_NAME)) + "' has no ID number, which Moodle needs to link competencies"));
            return;
        }
        Row same = competencies.putIfAbsent(id, row);
        if (same != null) {
            problems.add(new ImportProblem(row.line(), "the ID number '" + ExchangeLimits.abbreviated(id)
                    + "' is also on line " + same.line() + "; each competency needs its own"));
        }
    }

    private FrameworkContent build() {
        List<ProficiencyLevel> scale = scale();
        Map<String, String> keys = keys();
        List<Hierarchy.Node> nodes = competencies.entrySet().stream().map(e -> {
            String parent = e.getValue().cell(PARENT_ID_NUMBER);
            return new Hierarchy.Node(e.getKey(), parent.isEmpty() ? null : parent,
                    "the competency '" + ExchangeLimits.abbreviated(e.getKey()) + "'", e.getValue().line(), "");
        }).toList();
        Map<String, List<String>> tree = Hierarchy.areas(nodes, problems);
        if (!problems.isEmpty() || scale == null) {
            return null;
        }
        List<String> withoutBehaviours = new ArrayList<>();
        List<CompetencyArea> areas = new ArrayList<>();
        tree.forEach((areaId, children) -> {
            Row areaRow = competencies.get(areaId);
            List<Competency> inArea = new ArrayList<>();
            for (String childId : children) {
                Row row = competencies.get(childId);
                competency(row, keys.get(childId), scale, withoutBehaviours).ifPresent(inArea::add);
            }
            try {
                areas.add(new CompetencyArea(keys.get(areaId), areaRow.cell(SHORT_NAME), areaRow.cell(DESCRIPTION),
                        inArea, Map.of()));
            } catch (IllegalArgumentException e) {
                problems.add(new ImportProblem(areaRow.line(), e.getMessage()));
            }
        });
        notes(withoutBehaviours);
        if (!problems.isEmpty()) {
            return null;
        }
        String description = framework.cell(DESCRIPTION);
        if (framework.isHtml()) {
            description = LevelList.recognise(description, LevelList.SCALE).map(LevelList.Found::before)
                    .orElse(description);
        }
        try {
            return new FrameworkContent(framework.cell(SHORT_NAME), description, scale, areas, List.of());
        } catch (IllegalArgumentException e) {
            problems.add(new ImportProblem(framework.line(), e.getMessage()));
            return null;
        }
    }

    /** The framework's scale: Moodle's scale values, with the level summaries this tool's export adds. */
    private List<ProficiencyLevel> scale() {
        String values = framework.cell(SCALE_VALUES);
        if (values.isBlank()) {
            problems.add(new ImportProblem(framework.line(), "the framework row has no scale values; Moodle's"
                    + " export lists the scale's levels there, separated by commas"));
            return null;
        }
        // Moodle splits a scale at commas and trims each level's name.
        List<String> names = java.util.Arrays.stream(values.split(",", -1)).map(String::strip).toList();
        if (names.size() < FrameworkContent.MIN_LEVELS || names.size() > FrameworkContent.MAX_LEVELS) {
            problems.add(new ImportProblem(framework.line(), "the scale has " + names.size() + " levels; this tool"
                    + " rates on " + FrameworkContent.MIN_LEVELS + " to " + FrameworkContent.MAX_LEVELS));
            return null;
        }
        Optional<LevelList.Found> list = framework.isHtml()
                ? LevelList.recognise(framework.cell(DESCRIPTION), LevelList.SCALE) : Optional.empty();
        boolean listFits = list.isPresent() && list.get().texts().size() == names.size();
        List<ProficiencyLevel> scale = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String summary = "";
            if (listFits) {
                // A level name with a comma cannot be a Moodle scale value: the export writes ';' there and
                // the exact name in the list.
                String listed = list.get().names().get(i);
                if (listed.replace(',', ';').strip().equals(name)) {
                    name = listed;
                }
                summary = list.get().texts().get(i);
            }
            try {
                scale.add(new ProficiencyLevel(i + 1, name, summary, false));
            } catch (IllegalArgumentException e) {
                problems.add(new ImportProblem(framework.line(), "level " + (i + 1) + " of the scale: "
                        + e.getMessage()));
            }
        }
        if (!listFits) {
            notes.add("The scale's levels have no description in the file (Moodle's scales have none); add them in"
                    + " the framework editor if learners need them.");
        }
        return problems.isEmpty() ? scale : null;
    }

    /** The key of each competency, from its ID number; two ID numbers that become one key are a problem. */
    private Map<String, String> keys() {
        Map<String, String> keys = new HashMap<>();
        Map<String, String> idOfKey = new HashMap<>();
        List<String> changed = new ArrayList<>();
        competencies.forEach((id, row) -> {
            String key = Keys.from(id);
            if (key == null) {
                problems.add(new ImportProblem(row.line(), "the ID number '" + ExchangeLimits.abbreviated(id)
                        + "' has no letter or digit to make a key of"));
                return;
            }
            String other = idOfKey.putIfAbsent(key, id);
            if (other != null) {
                problems.add(new ImportProblem(row.line(), "the ID numbers '" + ExchangeLimits.abbreviated(other)
                        + "' (line " + competencies.get(other).line() + ") and '" + ExchangeLimits.abbreviated(id)
                        + "' both become the key '" + key + "' (keys are letters, digits, '.', '_', ':' and '-');"
                        + " change one of them"));
            }
            if (!key.equals(id)) {
                changed.add("line " + row.line() + ": '" + ExchangeLimits.abbreviated(id) + "' → '" + key + "'");
            }
            keys.put(id, key);
        });
        if (!changed.isEmpty()) {
            notes.add(changed.size() + " ID numbers have characters a key cannot have and are kept as keys without"
                    + " them, for example " + changed.get(0) + ".");
        }
        return keys;
    }

    private Optional<Competency> competency(Row row, String key, List<ProficiencyLevel> scale,
                                            List<String> withoutBehaviours) {
        String description = row.cell(DESCRIPTION);
        List<String> behaviours = List.of();
        Optional<LevelList.Found> list = row.isHtml()
                ? LevelList.recognise(description, LevelList.BEHAVIOURS) : Optional.empty();
        if (list.isPresent()) {
            if (list.get().texts().size() != scale.size()) {
                problems.add(new ImportProblem(row.line(), "the competency '" + ExchangeLimits.abbreviated(key)
                        + "' describes " + list.get().texts().size() + " levels; the scale has " + scale.size()));
                return Optional.empty();
            }
            description = list.get().before();
            behaviours = list.get().texts();
        } else {
            withoutBehaviours.add(row.cell(SHORT_NAME));
        }
        String ownScale = row.cell(SCALE_VALUES);
        if (!ownScale.isBlank() && !ownScale.equals(framework.cell(SCALE_VALUES))) {
            notes.add("Line " + row.line() + ": the competency '" + ExchangeLimits.abbreviated(key) + "' has its own"
                    + " scale in Moodle; this tool rates every competency on the framework's scale.");
        }
        try {
            return Optional.of(new Competency(key, row.cell(SHORT_NAME), description, behaviours, List.of(), false));
        } catch (IllegalArgumentException e) {
            problems.add(new ImportProblem(row.line(), e.getMessage()));
            return Optional.empty();
        }
    }

    private void notes(List<String> withoutBehaviours) {
        if (!withoutBehaviours.isEmpty()) {
            notes.add(withoutBehaviours.size() + " competencies have no behaviour per level (Moodle has no place for"
                    + " them; this tool's export puts them in the description as a list), for example '"
                    + ExchangeLimits.abbreviated(withoutBehaviours.get(0)) + "'. Learners rate them by the scale's"
                    + " levels alone until behaviours are added.");
        }
        long ruled = competencies.values().stream().filter(r -> !r.cell(RULE_TYPE).isBlank()
                || !r.cell(RELATED_ID_NUMBERS).isBlank()).count();
        if (ruled > 0) {
            notes.add(ruled + " competencies have completion rules or cross-references in Moodle; this tool does"
                    + " not use them and leaves them out.");
        }
        notes.add("Moodle's file has no target profiles and no 70-20-10 suggestions: the framework gets the"
                + " course's default targets and general suggestions, which you can edit after the import.");
    }
}
