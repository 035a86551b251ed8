package com.essentialslti.quiz.exchange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Moodle's question category paths ({@code $course$/top/Governance}) and the topic names they stand for. A topic is
 * the last segment of the path; Moodle writes a slash inside a category name as two slashes.
 */
final class CategoryPath {

    static final int MAX_TOPIC_NAME = 255;
    private static final String ESCAPED_SLASH = "\u0000";

    private CategoryPath() {
    }

    /** The topic a category path names, or null when it names only a context or the top category. */
    static String topicOf(String path) {
        List<String> segments = new ArrayList<>(Arrays.asList(
                path.strip().replace("//", ESCAPED_SLASH).split("/")));
        if (!segments.isEmpty() && segments.get(0).strip().matches("\\$[a-z]+\\$")) {
            segments.remove(0);
        }
        if (!segments.isEmpty() && segments.get(0).strip().equals("top")) {
            segments.remove(0);
        }
        segments.removeIf(String::isBlank);
        if (segments.isEmpty()) {
            return null;
        }
        return segments.get(segments.size() - 1).replace(ESCAPED_SLASH, "/").strip();
    }

    /** The path under the course's top category that Moodle files a topic's questions in. */
    static String of(String topicName) {
        return "$course$/top/" + topicName.replace("/", "//");
    }
}
