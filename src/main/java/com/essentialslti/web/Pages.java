package com.essentialslti.web;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders server-side pages from Mustache templates under {@code templates/}. Mustache escapes every {@code {{value}}}
 * for HTML by default; nothing in this project uses the unescaped triple mustache.
 */
public final class Pages {

    private static final MustacheFactory TEMPLATES = new DefaultMustacheFactory("templates");
    private static final Map<String, Mustache> COMPILED = new java.util.concurrent.ConcurrentHashMap<>();

    private Pages() {
    }

    public static String render(String template, Map<String, ?> model) {
        Mustache mustache = COMPILED.computeIfAbsent(template, t -> TEMPLATES.compile(t + ".mustache"));
        Map<String, Object> scope = new HashMap<>(model);
        scope.putIfAbsent("correlationId", Correlation.current());
        scope.putIfAbsent("sandboxBanner", Banner.current());
        StringWriter out = new StringWriter(4096);
        mustache.execute(out, scope);
        return out.toString();
    }

    public static Response page(int status, String template, Map<String, ?> model) {
        return html(status, render(template, model));
    }

    /** A page already rendered, as the HTML answer with this status. */
    public static Response html(int status, String page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page).build();
    }

    /** A page already rendered, as the HTML answer to a request that went well. */
    public static Response html(String page) {
        return html(200, page);
    }

    public static Response ok(String template, Map<String, ?> model) {
        return page(200, template, model);
    }

    /** An error page: what went wrong, what to do about it, and the correlation id the log carries. */
    public static Response error(int status, String title, String explanation, String remedy) {
        return page(status, "web/error", Map.of("title", title, "explanation", explanation, "remedy", remedy));
    }

    /** A banner every page shows, set at start-up (the forced sandbox warning); empty when null. */
    public static final class Banner {
        private static volatile String text;

        private Banner() {
        }

        public static void set(String value) {
            text = value;
        }

        static String current() {
            return text;
        }
    }
}
