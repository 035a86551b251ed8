package com.essentialslti.web;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * The correlation id of the request being served: shown on error pages, sent as {@code X-Correlation-Id} and
 * written on every log line about the request, so an operator can find the details an error page leaves out.
 */
public final class Correlation {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{8,64}");
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Correlation() {
    }

    /**
     * Takes the caller's X-Request-Id (a proxy's, a load balancer's) when it is 8 to 64 of [A-Za-z0-9._-], else
     * makes one: the id goes into every log line and header of the request, so nothing else may pass.
     */
    static String begin(String incoming) {
        String id = incoming != null && SAFE.matcher(incoming).matches() ? incoming : fresh();
        CURRENT.set(id);
        return id;
    }

    static void end() {
        CURRENT.remove();
    }

    public static String current() {
        String id = CURRENT.get();
        return id == null ? "none" : id;
    }

    static String fresh() {
        char[] chars = new char[12];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }
}
