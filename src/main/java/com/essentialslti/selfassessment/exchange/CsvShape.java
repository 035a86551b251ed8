package com.essentialslti.selfassessment.exchange;

import com.essentialslti.imports.ImportProblem;

import java.util.ArrayList;
import java.util.List;

/**
 * One cheap pass over a CSV text before it is parsed: where each record starts (the line a problem names), and the
 * refusals that are best made before a parser spends memory: a record with too many columns, too many records, a
 * quote that is never closed (which would make the rest of the file one cell). Quotes are followed as RFC 4180 has
 * them ({@code ""} inside a quoted cell is a quote); empty lines are no record, as the parser skips them.
 */
final class CsvShape {

    /** The first line of each record, in order; empty when the file is refused. */
    final List<Integer> recordLines = new ArrayList<>();
    ImportProblem problem;

    private CsvShape() {
    }

    static CsvShape of(String text, int maxColumns, int maxRecords) {
        CsvShape shape = new CsvShape();
        shape.scan(text, maxColumns, maxRecords);
        if (shape.problem != null) {
            shape.recordLines.clear();
        }
        return shape;
    }

    private void scan(String text, int maxColumns, int maxRecords) {
        int line = 1;
        int recordLine = 1;
        int columns = 1;
        boolean content = false;
        boolean cellStart = true;
        boolean quoted = false;
        int quoteLine = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineEnd = c == '\n' || c == '\r';
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                i++;
            }
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        i++;
                    } else {
                        quoted = false;
                    }
                } else if (lineEnd) {
                    line++;
                }
                continue;
            }
            if (lineEnd) {
                if (content && !endRecord(recordLine, maxRecords)) {
                    return;
                }
                line++;
                recordLine = line;
                columns = 1;
                content = false;
                cellStart = true;
                continue;
            }
            content = true;
            // As the parser does, a quote opens a quoted cell only as the cell's first character.
            boolean opensQuote = c == '"' && cellStart;
            cellStart = c == ',';
            if (opensQuote) {
                quoted = true;
                quoteLine = line;
            } else if (c == ',' && ++columns > maxColumns) {
                problem = new ImportProblem(recordLine, "the line has more than " + maxColumns + " columns;"
                        + " a Moodle competency framework file has " + maxColumns);
                return;
            }
        }
        if (quoted) {
            problem = new ImportProblem(quoteLine, "a quoted cell starts here and is never closed: the file ends"
                    + " inside it (a quote in a cell is written as two quotes)");
            return;
        }
        if (content) {
            endRecord(recordLine, maxRecords);
        }
    }

    private boolean endRecord(int recordLine, int maxRecords) {
        if (recordLines.size() >= maxRecords) {
            problem = new ImportProblem(recordLine, "the file has more than " + maxRecords + " lines of"
                    + " competencies; a framework holds at most " + ExchangeLimits.MAX_ITEMS
                    + " areas and competencies");
            return false;
        }
        recordLines.add(recordLine);
        return true;
    }
}
