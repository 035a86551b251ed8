package com.essentialslti.quiz;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.util.regex.Pattern;

/**
 * Turns the HTML that Moodle files are full of into the plain text the bank stores: tags removed, entities
 * decoded, whitespace collapsed to single spaces. Our pages escape what they show anyway; this makes sure that what
 * is stored is text, so no later use of it (an export, a page that forgets to escape) can carry markup or script.
 */
final class PlainText {

    /** Elements whose content is code or embedded documents, never words a learner should read. */
    private static final String NOT_TEXT = "script, style, template, noscript, iframe, frame, object, embed, svg, math";
    private static final Pattern TAG_LIKE = Pattern.compile("<[a-zA-Z/!?]");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00a0]+");
    private static final int MAX_PASSES = 10;

    private PlainText() {
    }

    static String fromHtml(String html) {
        if (html == null) {
            return "";
        }
        String text = once(html);
        // Encoded markup (&lt;script&gt;) decodes to markup: read it again, so that nothing stored looks like a tag.
        for (int pass = 1; pass < MAX_PASSES && TAG_LIKE.matcher(text).find(); pass++) {
            text = once(text);
        }
        return text;
    }

    private static String once(String html) {
        Document document = Jsoup.parseBodyFragment(html);
        document.select(NOT_TEXT).remove();
        return WHITESPACE.matcher(document.text()).replaceAll(" ").strip();
    }

    /** A piece of a file quoted in a message, cut short so that a hostile file cannot flood the message. */
    static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
