package com.essentialslti.infra;

/**
 * Log values that a request controls (an issuer, a client_id, a login hint, a path, an LMS's answer), written so
 * that they cannot forge log lines: a CR or LF in a value would otherwise start a line of the sender's choosing,
 * and a quote would end the {@code key="value"} field early. Every such value goes through {@link #quote}.
 */
public final class LogValues {

    /** Enough of a value to recognise it; a 3 MB login hint must not become a 3 MB log line. */
    static final int MAX_CHARS = 300;

    private LogValues() {
    }

    /**
     * The value in double quotes, with backslash, quote, CR, LF and tab escaped as in Java, every other control
     * character (C0, DEL, C1, and the Unicode line and paragraph separators) as {@code \\uXXXX}, and cut after
     * {@value #MAX_CHARS} characters; {@code null} stays the bare word null.
     */
    public static String quote(Object value) {
        if (value == null) {
            return "null";
        }
        String text = String.valueOf(value);
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_CHARS) + 8).append('"');
        int end = Math.min(text.length(), MAX_CHARS);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        if (text.length() > MAX_CHARS) {
            out.append("…(").append(text.length()).append(" chars)");
        }
        return out.append('"').toString();
    }
}
