package com.essentialslti.selfassessment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The class as a heat map drawn on the server: a row per learner (their latest snapshot), a column per area, each
 * cell coloured by the gap to the target and carrying its figure and the band's symbol, so that nothing is said by
 * colour alone. The template ({@code selfassessment/heatmap}) draws it as SVG with a title and a description; the
 * page puts a table with the same figures beside it.
 */
final class HeatMap {

    static final int NAME_WIDTH = 200;
    static final int CELL_WIDTH = 60;
    static final int CELL_HEIGHT = 22;
    static final int HEADER_HEIGHT = 130;
    static final int NAME_LENGTH = 28;

    private HeatMap() {
    }

    /** Cell colours: pale enough for dark text on every one of them. */
    static String fill(ClassView.Band band) {
        return switch (band) {
            case AT_TARGET -> "#cfe9d7";
            case UP_TO_ONE_BELOW -> "#fbe3a6";
            case MORE_THAN_ONE_BELOW -> "#f4b9b9";
            case NO_TARGET -> "#e3e7ee";
            case NOT_RATED -> "#ffffff";
        };
    }

    /** The figure and symbol a cell shows ("2.3 ↓"), in the heat map and in its table. */
    static String label(ClassView.Cell cell) {
        if (cell.level().isEmpty()) {
            return "–";
        }
        String figure = ProfileChart.one(cell.level().getAsDouble());
        return cell.band().symbol().isEmpty() ? figure : figure + " " + cell.band().symbol();
    }

    /** The SVG's model: its size, the column headings and one row per learner. */
    static Map<String, Object> model(ClassView view, String targetName) {
        List<ClassView.Column> columns = view.columns();
        List<Map<String, Object>> headings = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            int x = NAME_WIDTH + i * CELL_WIDTH + CELL_WIDTH / 2;
            headings.add(Map.of("x", x, "y", HEADER_HEIGHT - 8, "name", shorten(columns.get(i).name())));
        }
        List<Map<String, Object>> rows = new ArrayList<>(view.learners().size());
        for (int r = 0; r < view.learners().size(); r++) {
            ClassView.LearnerRow learner = view.learners().get(r);
            int y = HEADER_HEIGHT + r * CELL_HEIGHT;
            List<Map<String, Object>> cellModels = new ArrayList<>(learner.cells().size());
            for (int c = 0; c < learner.cells().size(); c++) {
                ClassView.Cell cell = learner.cells().get(c);
                int x = NAME_WIDTH + c * CELL_WIDTH;
                cellModels.add(Map.of("x", x, "textX", x + CELL_WIDTH / 2, "fill", fill(cell.band()),
                        "label", label(cell)));
            }
            Map<String, Object> row = new HashMap<>();
            row.put("name", shorten(learner.member().name()));
            row.put("y", y);
            row.put("textY", y + 15);
            row.put("cells", cellModels);
            rows.add(row);
        }
        Map<String, Object> map = new HashMap<>();
        map.put("width", NAME_WIDTH + columns.size() * CELL_WIDTH + 10);
        map.put("height", HEADER_HEIGHT + view.learners().size() * CELL_HEIGHT + 4);
        map.put("nameX", NAME_WIDTH - 8);
        map.put("cellWidth", CELL_WIDTH);
        map.put("cellHeight", CELL_HEIGHT);
        map.put("headings", headings);
        map.put("rows", rows);
        map.put("title", "The class's latest self-assessments against " + targetName);
        map.put("description", description(view));
        return map;
    }

    /** The legend: each band's colour, symbol and words. */
    static List<Map<String, Object>> legend() {
        List<Map<String, Object>> legend = new ArrayList<>();
        for (ClassView.Band band : ClassView.Band.values()) {
            if (band != ClassView.Band.NOT_RATED) {
                legend.add(Map.of("fill", fill(band), "symbol", band.symbol().isEmpty() ? "(figure only)"
                        : band.symbol(), "words", band.words()));
            }
        }
        return legend;
    }

    /** What the heat map shows, in a sentence per area, for those who do not see it. */
    static String description(ClassView view) {
        if (view.learners().isEmpty()) {
            return "No learner has submitted a self-assessment yet.";
        }
        StringBuilder text = new StringBuilder(view.learners().size()
                + " learners' latest self-assessments, by area. ");
        for (ClassView.Column column : view.columns()) {
            text.append(column.name()).append(": class average ")
                    .append(column.average().isPresent() ? ProfileChart.one(column.average().getAsDouble()) : "none")
                    .append(column.hasTarget() ? ", target " + ProfileChart.one(column.target()) : "")
                    .append(", ").append(column.learnersBelow()).append(" below the target. ");
        }
        return text.append("The table below gives every learner's figures.").toString();
    }

    private static String shorten(String text) {
        return text.length() > NAME_LENGTH ? text.substring(0, NAME_LENGTH - 1) + "…" : text;
    }
}
