package com.essentialslti.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random values of every JSON type, for property-based tests of the parsers that read outside input: the values a
 * parsed JSON document can hold (String, Long, Double, Boolean, null, List, Map with string keys), nested a little.
 */
public final class JsonValues {

    /** Strings that parsers of URLs, hosts and ids meet in the wild, bad ones included. */
    private static final List<String> TEXTS = List.of("", " ", "1", "https://lms.example.org",
            "https://lms.example.org/lineitems?type_id=1", "http://127.0.0.1:9/x", "not a url", "https://",
            "https://[::1]/x", "school.instructure.com", "localhost", "\u0000", "\r\n", "é", "“next”", "%zz",
            "https://user@host/x", "ftp://x/y", "a".repeat(3000));

    private JsonValues() {
    }

    /** One random JSON value, nested at most {@code depth} levels. */
    public static Object any(Random random, int depth) {
        int kind = random.nextInt(depth > 0 ? 9 : 7);
        return switch (kind) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> (long) random.nextInt();
            case 3 -> random.nextDouble() * 1e6;
            case 4, 5 -> text(random);
            case 6 -> random.nextBoolean() ? Long.MAX_VALUE : -0.0;
            case 7 -> list(random, depth - 1);
            default -> object(random, depth - 1);
        };
    }

    public static String text(Random random) {
        if (random.nextInt(3) == 0) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(20);
            for (int i = 0; i < length; i++) {
                s.append((char) random.nextInt(random.nextBoolean() ? 0x80 : 0x3000));
            }
            return s.toString();
        }
        return TEXTS.get(random.nextInt(TEXTS.size()));
    }

    public static List<Object> list(Random random, int depth) {
        List<Object> list = new ArrayList<>();
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
            list.add(any(random, depth));
        }
        return list;
    }

    public static Map<String, Object> object(Random random, int depth) {
        Map<String, Object> map = new LinkedHashMap<>();
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
            map.put(random.nextBoolean() ? text(random) : List.of("id", "title", "label", "name", "scope",
                    "lineitems", "lineitem").get(random.nextInt(7)), any(random, depth));
        }
        return map;
    }
}
