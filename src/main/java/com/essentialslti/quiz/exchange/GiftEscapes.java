package com.essentialslti.quiz.exchange;

/**
 * GIFT's backslash escapes: {@code \~ \= \# \{ \} \:} stand for the character itself and {@code \n} for a new line,
 * as in Moodle's own reader. A backslash before any other character is just a backslash; there is no escape for a
 * backslash itself.
 */
final class GiftEscapes {

    private static final String SPECIAL = "~=#{}:";

    private GiftEscapes() {
    }

    /** Where {@code target} first occurs in {@code text} from {@code from} on, not counting escaped characters. */
    static int indexOf(String text, String target, int from) {
        for (int i = from; i <= text.length() - target.length(); i++) {
            if (escapeAt(text, i)) {
                i++;
            } else if (text.startsWith(target, i)) {
                return i;
            }
        }
        return -1;
    }

    /** Where any of {@code characters} occurs in {@code text}, in one pass, not counting escaped characters. */
    static java.util.List<Integer> indexesOfAny(String text, String characters) {
        java.util.List<Integer> found = new java.util.ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            if (escapeAt(text, i)) {
                i++;
            } else if (characters.indexOf(text.charAt(i)) >= 0) {
                found.add(i);
            }
        }
        return found;
    }

    static String unescape(String text) {
        StringBuilder plain = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (escapeAt(text, i)) {
                char escaped = text.charAt(++i);
                plain.append(escaped == 'n' ? '\n' : escaped);
            } else {
                plain.append(text.charAt(i));
            }
        }
        return plain.toString();
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            if (SPECIAL.indexOf(c) >= 0) {
                escaped.append('\\').append(c);
            } else if (c == '\n') {
                escaped.append("\\n");
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static boolean escapeAt(String text, int i) {
        return text.charAt(i) == '\\' && i + 1 < text.length()
                && (SPECIAL.indexOf(text.charAt(i + 1)) >= 0 || text.charAt(i + 1) == 'n');
    }
}
