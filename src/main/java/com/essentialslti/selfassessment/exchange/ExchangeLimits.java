package com.essentialslti.selfassessment.exchange;

import com.essentialslti.imports.ImportProblem;
import com.essentialslti.selfassessment.framework.FrameworkContent;

/** Bounds on what a framework import reads, so that a huge or hostile file costs little and is turned down clearly. */
final class ExchangeLimits {

    static final int MAX_FILE_BYTES = 2 * 1024 * 1024;
    static final String MAX_FILE_SIZE = "2 MiB";
    /** Areas and competencies together: what a framework can hold. */
    static final int MAX_ITEMS = FrameworkContent.MAX_AREAS + FrameworkContent.MAX_COMPETENCIES;
    /** A cell or string long enough for a description with seven behaviours and their list markup. */
    static final int MAX_TEXT_CHARS = 32 * 1024;
    static final int MAX_JSON_DEPTH = 32;
    /** Associations of every type (a CASE package links items in many ways besides isChildOf). */
    static final int MAX_ASSOCIATIONS = 10 * MAX_ITEMS;
    static final int MAX_PROBLEMS = 100;

    private ExchangeLimits() {
    }

    static ImportProblem fileTooLarge() {
        return new ImportProblem(0, "the file is larger than " + MAX_FILE_SIZE);
    }

    /** A piece of a file quoted in a message, cut short so that a hostile file cannot flood the message. */
    static String abbreviated(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
