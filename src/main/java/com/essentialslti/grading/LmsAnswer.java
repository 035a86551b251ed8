package com.essentialslti.grading;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.util.regex.Pattern;

/**
 * An LMS's answer to a score, shortened for a trainer's page. LMSs answer refusals with whole HTML error pages
 * (Moodle's "Incorrect score received" comes inside one), and the outbox keeps the first 2000 characters for the
 * operator: cut there, the markup is broken and the words are lost among it.
 */
final class LmsAnswer {

    /** Enough for an LMS's error sentence and its reason; a page of text is the operator's to read. */
    static final int MAX_TEXT = 300;
    private static final String NOT_TEXT = "script, style, head, template, noscript, svg";
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00a0]+");

    private LmsAnswer() {
    }

    /** The answer's words: tags, scripts and styles gone, whitespace collapsed, at most {@link #MAX_TEXT}. */
    static String shortText(String answer) {
        Document document = Jsoup.parse(answer);
        document.select(NOT_TEXT).remove();
        String text = WHITESPACE.matcher(document.text()).replaceAll(" ").strip();
        if (text.length() <= MAX_TEXT) {
            return text;
        }
        int cut = text.lastIndexOf(' ', MAX_TEXT - 1);
        return text.substring(0, cut > MAX_TEXT / 2 ? cut : MAX_TEXT - 1).stripTrailing() + "…";
    }
}
