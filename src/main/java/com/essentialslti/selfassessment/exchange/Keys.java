package com.essentialslti.selfassessment.exchange;

/**
 * Keys made from the ids another system gives (Moodle's ID numbers, CASE's human coding schemes or identifiers):
 * what the framework's key pattern allows is kept, every run of anything else becomes one '-', and the key starts
 * with a letter or digit and has at most 100 characters. Two ids may so become one key: the readers check.
 */
final class Keys {

    static final int MAX_KEY = 100;

    private Keys() {
    }

    /** The key for an id, or null when nothing of it can be a key. */
    static String from(String id) {
        if (id == null) {
            return null;
        }
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < id.length() && key.length() < MAX_KEY; i++) {
            char c = id.charAt(i);
            boolean alphanumeric = c < 128 && Character.isLetterOrDigit(c);
            if (key.isEmpty() && !alphanumeric) {
                continue;
            }
            if (alphanumeric || c == '.' || c == '_' || c == ':' || c == '-') {
                key.append(c);
            } else if (key.charAt(key.length() - 1) != '-') {
                key.append('-');
            }
        }
        return key.isEmpty() ? null : key.toString();
    }
}
