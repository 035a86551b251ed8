package com.essentialslti.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * The problems (or the items skipped) an import page lists. A file can hold thousands; the first ones show the
 * way, and a last line says how many more there are. The template partial {@code imports/problems} shows them.
 */
public final class ProblemList {

    /** The page lists this many at most. */
    public static final int SHOWN = 200;

    private ProblemList() {
    }

    /** The first {@link #SHOWN} as the page says them, and "… and N{@code more}" when there are more. */
    public static List<String> shown(List<ImportProblem> found, String more) {
        List<String> shown = new ArrayList<>(found.stream().limit(SHOWN).map(ImportProblem::toString).toList());
        if (found.size() > SHOWN) {
            shown.add("… and " + (found.size() - SHOWN) + more);
        }
        return shown;
    }
}
