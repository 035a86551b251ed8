package com.essentialslti.selfassessment.exchange;

/**
 * One pass over a JSON text before it is parsed, counting how deep arrays and objects nest (outside strings): a
 * file nested thousands deep would cost a recursive parser its stack. A CASE package needs five levels.
 */
final class JsonDepth {

    private JsonDepth() {
    }

    /** True when no array or object in the text is nested deeper than the limit. */
    static boolean within(String json, int maxDepth) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                if (++depth > maxDepth) {
                    return false;
                }
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return true;
    }
}
