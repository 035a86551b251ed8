package com.essentialslti.selfassessment.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A text per level of the scale, carried at the end of an HTML description where a format has no place of its own
 * for it (Moodle's CSV): a competency's behaviours, the scale's level summaries. Moodle shows it as a list; this tool
 * recognises the list it wrote and reads it back exactly.
 *
 * <pre>{@code
 * description as written
 * <ul class="essentials-behaviours">
 * <li><strong>Novice</strong>: behaviour at level 1</li>
 * ...
 * </ul>}</pre>
 *
 * <p>The description before the list is written and read as it is. Inside the list, and only there, {@code &},
 * {@code <} and {@code >} are written as {@code &amp;}, {@code &lt;} and {@code &gt;} (else Moodle would show a
 * behaviour such as "{@code <5 days}" wrongly and the list could not be read back) and turned back when read. A list
 * that an editor changed beyond white space between the tags is not recognised and stays part of the description.
 */
final class LevelList {

    static final String BEHAVIOURS = "essentials-behaviours";
    static final String SCALE = "essentials-scale";

    /** A recognised list: the description before it and one text per item, in order. */
    record Found(String before, List<String> names, List<String> texts) {
    }

    private LevelList() {
    }

    /** The description with the list appended; the description alone when there is no text. */
    static String append(String description, String listClass, List<String> names, List<String> texts) {
        if (texts.isEmpty()) {
            return description;
        }
        StringBuilder html = new StringBuilder(description);
        if (!description.isEmpty()) {
            html.append('\n');
        }
        html.append("<ul class=\"").append(listClass).append("\">\n");
        for (int i = 0; i < texts.size(); i++) {
            html.append("<li><strong>").append(escape(names.get(i))).append("</strong>: ").append(escape(texts.get(i)))
                    .append("</li>\n");
        }
        return html.append("</ul>").toString();
    }

    /** The list at the end of a description, if there is one this tool wrote. */
    static Optional<Found> recognise(String description, String listClass) {
        String opening = "<ul class=\"" + listClass + "\">";
        int start = description.lastIndexOf(opening);
        if (start < 0) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        int at = skipSpace(description, start + opening.length());
        while (description.startsWith("<li>", at)) {
            int end = description.indexOf("</li>", at);
            if (end < 0) {
                return Optional.empty();
            }
            String item = description.substring(at + "<li>".length(), end);
            String name = "";
            if (item.startsWith("<strong>")) {
                int nameEnd = item.indexOf("</strong>: ");
                if (nameEnd < 0) {
                    return Optional.empty();
                }
                name = item.substring("<strong>".length(), nameEnd);
                item = item.substring(nameEnd + "</strong>: ".length());
            }
            names.add(unescape(name));
            texts.add(unescape(item));
            at = skipSpace(description, end + "</li>".length());
        }
        if (!description.startsWith("</ul>", at) || skipSpace(description, at + "</ul>".length())
                != description.length() || texts.isEmpty()) {
            return Optional.empty();
        }
        String before = description.substring(0, start);
        if (before.endsWith("\n")) {
            before = before.substring(0, before.length() - 1);
        }
        return Optional.of(new Found(before, names, texts));
    }

    private static int skipSpace(String text, int from) {
        int at = from;
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
