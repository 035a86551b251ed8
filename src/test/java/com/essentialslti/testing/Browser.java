package com.essentialslti.testing;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * A user agent for system tests: real HTTP, its own cookie jar, redirects left to the test so that every hop of an
 * LTI flow can be checked. Pages are parsed with jsoup, forms read as a browser would submit them.
 */
public final class Browser {

    /** One answer from a server. */
    public record Page(int status, HttpHeaders headers, String body, URI uri) {
        public Optional<String> location() {
            return headers.firstValue("Location");
        }

        public Document document() {
            return Jsoup.parse(body, uri.toString());
        }

        public String text() {
            return document().text();
        }

        /** The first form of the page: its absolute action and its fields. */
        public Form form() {
            return form("form[method=post]");
        }

        /** The first form the CSS selector finds: its absolute action and its fields (inputs and text areas). */
        public Form form(String selector) {
            Element form = document().selectFirst(selector);
            if (form == null) {
                throw new AssertionError("no form " + selector + " on the page (" + status + "): " + body);
            }
            Map<String, String> fields = new LinkedHashMap<>();
            form.select("input[name], textarea[name]").forEach(input -> fields.put(input.attr("name"), input.val()));
            return new Form(form.absUrl("action"), fields);
        }
    }

    public record Form(String action, Map<String, String> fields) {
    }

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private Duration readingTime = Duration.ZERO;

    public Browser() {
        this(true);
    }

    /** A person who reads each page for this long before posting its form (0, the default: a robot). */
    public Browser reading(Duration perPage) {
        readingTime = perPage;
        return this;
    }

    public Browser(boolean acceptCookies) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // what browsers speak to an http:// origin (no h2c upgrade)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5));
        if (acceptCookies) {
            builder.cookieHandler(cookies);
        }
        http = builder.build();
    }

    public Page get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    public Page post(String url, Map<String, String> form) {
        read();
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    /** A form POST from a page of {@code origin}: the Origin header a browser writes, which no page can change. */
    public Page postFrom(String origin, String url, Map<String, String> form) {
        return postWith(Map.of("Origin", origin), url, form);
    }

    /** A form POST with the headers a browser adds by itself (Origin, Sec-Fetch-Site), which no page can change. */
    public Page postWith(Map<String, String> browserHeaders, String url, Map<String, String> form) {
        read();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        browserHeaders.forEach(request::header);
        return send(request);
    }

    public Page submitFrom(String origin, Form form) {
        return postFrom(origin, form.action(), form.fields());
    }

    public Page postRaw(String url, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A multipart form POST, as a file input sends it: the fields, then one file under {@code fileField}. */
    public Page postFile(String url, Map<String, String> fields, String fileField, String fileName, byte[] content) {
        String boundary = "----essentials" + System.nanoTime();
        StringBuilder head = new StringBuilder();
        fields.forEach((name, value) -> head.append("--").append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(fileField)
                .append("\"; filename=\"").append(fileName)
                .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[start.length + content.length + end.length];
        System.arraycopy(start, 0, body, 0, start.length);
        System.arraycopy(content, 0, body, start.length, content.length);
        System.arraycopy(end, 0, body, start.length + content.length, end.length);
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "multipart/form-data; boundary="
                + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Page submit(Form form) {
        return post(form.action(), form.fields());
    }

    public Page follow(Page page) {
        return get(page.uri().resolve(page.location().orElseThrow(() ->
                new AssertionError("no redirect (" + page.status() + "): " + page.body()))).toString());
    }

    private void read() {
        if (readingTime.isZero()) {
            return;
        }
        try {
            Thread.sleep(readingTime.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String encode(Map<String, String> form) {
        StringJoiner body = new StringJoiner("&");
        form.forEach((k, v) -> {
            if (v != null) {
                body.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return body.toString();
    }

    public Page send(HttpRequest.Builder request) {
        try {
            HttpRequest built = request.timeout(Duration.ofSeconds(20)).build();
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.headers(), response.body(), built.uri());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
