package com.essentialslti.imports;

/**
 * Something in an imported file that keeps it from being imported, said so that an admin can fix the file.
 *
 * @param line    the 1-based line where the problem is, or 0 when it concerns the whole file (too large, empty)
 * @param message what is wrong, without the line number
 */
public record ImportProblem(int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? "line " + line + ": " + message : message;
    }
}
