package com.essentialslti.lti.services;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads HTTP {@code Link} headers (RFC 8288 §3) the way paging services send them, tolerantly: several links in one
 * header or one per header, parameters in any order, {@code rel} quoted, unquoted, or quoted with typographic
 * quotes ({@code rel=“next”}, as Moodle has been seen to send), and several relation types in one {@code rel}
 * ({@code rel="next last"}). AGS 2.0 §3.2 and NRPS 2.0 page with {@code rel="next"}. Header bytes reach Java as
 * ISO-8859-1 chars (the JDK's HttpClient reads them so), which turns a UTF-8 {@code “} into {@code â\u0080\u009c};
 * such values are read again as UTF-8 first.
 */
public final class LinkHeader {

    /** One link: its target as written (maybe relative to the request URL) and its relation types, lower case. */
    public record Link(String target, Set<String> rels) {
    }

    private static final String DOUBLE_QUOTES = "\"“”„‟";
    private static final String SINGLE_QUOTES = "'‘’";
    private static final String QUOTES = DOUBLE_QUOTES + SINGLE_QUOTES;

    private LinkHeader() {
    }

    /** The target of the first link with relation type {@code next}, if any. */
    public static Optional<String> next(List<String> headerValues) {
        return parse(headerValues).stream().filter(link -> link.rels().contains("next")).map(Link::target).findFirst();
    }

    /** Every link in these header values, in order. Pieces that are not links are skipped. */
    public static List<Link> parse(List<String> headerValues) {
        List<Link> links = new ArrayList<>();
        for (String value : headerValues) {
            if (value != null) {
                parse(asUtf8(value), links);
            }
        }
        return links;
    }

    /** The header value decoded as UTF-8 when its chars are the bytes of UTF-8 text; else as it is. */
    static String asUtf8(String value) {
        boolean high = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xFF) {
                return value; // already decoded beyond Latin-1
            }
            high |= c >= 0x80;
        }
        if (!high) {
            return value;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value.getBytes(StandardCharsets.ISO_8859_1)))
                    .toString();
        } catch (CharacterCodingException e) {
            return value; // Latin-1 text after all
        }
    }

    private static void parse(String value, List<Link> links) {
        int at = 0;
        while (true) {
            int open = value.indexOf('<', at);
            if (open < 0) {
                return;
            }
            int close = value.indexOf('>', open + 1);
            if (close < 0) {
                return;
            }
            String target = value.substring(open + 1, close).strip();
            int end = endOfParameters(value, close + 1);
            Set<String> rels = rels(value.substring(close + 1, end));
            if (!target.isEmpty()) {
                links.add(new Link(target, rels));
            }
            at = end;
        }
    }

    /**
     * Where this link's parameters end: at a comma outside quotes that starts the next link, or at the end. A quote
     * opens a quoted value only where a value starts (after =), and only a closing quote of its kind ends it, so that
     * an apostrophe in a title (title="Tool's list" or title=Tool's) does not swallow the next link.
     */
    private static int endOfParameters(String value, int from) {
        char opener = 0;
        char previous = 0; // the last character before this one that was not a space
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (opener != 0) {
                if (closes(opener, c)) {
                    opener = 0;
                }
            } else if (QUOTES.indexOf(c) >= 0 && previous == '=') {
                opener = c;
            } else if (c == ',' || c == '<') {
                return i;
            }
            if (!Character.isWhitespace(c)) {
                previous = c;
            }
        }
        return value.length();
    }

    /** A double quote of any kind closes any double quote ("next”, „next“); a single one, a single one. */
    private static boolean closes(char opener, char c) {
        return DOUBLE_QUOTES.indexOf(opener) >= 0 ? DOUBLE_QUOTES.indexOf(c) >= 0 : SINGLE_QUOTES.indexOf(c) >= 0;
    }

    private static Set<String> rels(String parameters) {
        Set<String> rels = new LinkedHashSet<>();
        for (String parameter : parameters.split(";")) {
            int eq = parameter.indexOf('=');
            if (eq < 0 || !parameter.substring(0, eq).strip().equalsIgnoreCase("rel")) {
                continue;
            }
            String relValue = unquote(parameter.substring(eq + 1).strip());
            for (String rel : relValue.split("\\s+")) {
                String type = unquote(rel);
                if (!type.isEmpty()) {
                    rels.add(type.toLowerCase(Locale.ROOT)); // RFC 8288 §2.1.1: registered types compare case-insensitively
                }
            }
        }
        return rels;
    }

    private static String unquote(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && QUOTES.indexOf(text.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && QUOTES.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return text.substring(start, end).strip();
    }
}
