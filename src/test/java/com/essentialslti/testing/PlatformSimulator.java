package com.essentialslti.testing;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * An LTI 1.3 platform over real HTTP, as the tool meets one: it starts logins (the parameters a platform's
 * auto-submitted login form carries), publishes its key set, and answers the tool's OIDC authentication request at
 * its authorization endpoint after checking it as Moodle does (exact redirect_uri, prompt, response_mode, scope,
 * echoed hints, nonce, state), with an auto-submitted form carrying an RS256-signed id_token. It also grants access
 * tokens at {@code /token} ({@link SimulatedTokenEndpoint}) and keeps a gradebook behind Assignment and Grade
 * Services at {@code /lineitems} ({@link SimulatedGradebook}), both as Moodle does.
 *
 * <p>A real browser starts a launch at {@link #launchPage(String)}. It reaches the platform as {@code localhost}, the
 * tool's own site: over plain http the tool's state cookie is {@code SameSite=Lax}, which a browser returns with the
 * id_token POST only when the platform's page is on the same site (port aside). The system tests' registration
 * names the authorization endpoint on {@code localhost} for the same reason.
 */
public final class PlatformSimulator implements AutoCloseable {

    static {
        // The JDK server sends headers and body in two writes; without TCP_NODELAY, Nagle's algorithm and the
        // client's delayed ACK add 40 ms to responses on a kept-alive connection.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    public static final String ISSUER = "https://lms.simulator.test";
    public static final String CLIENT_ID = "simulator-client";
    public static final String SECOND_CLIENT_ID = "simulator-client-2";
    public static final String DEPLOYMENT_ID = "1";

    /** What the tool sent to the authorization endpoint. */
    public record AuthRequest(Map<String, String> params) {
        public String get(String name) {
            return params.get(name);
        }
    }

    private final HttpServer server;
    private final String redirectUri;
    private final String toolTargetLinkUri;
    private final String toolLoginUrl;
    private final List<JWK> published = new CopyOnWriteArrayList<>();
    private final AtomicInteger keySetFetches = new AtomicInteger();
    private final AtomicReference<RSAKey> signingKey = new AtomicReference<>();
    private final Map<String, String> issuedHints = new ConcurrentHashMap<>();
    private final AtomicReference<UnaryOperator<IdTokenBuilder>> nextLaunch = new AtomicReference<>();
    private volatile UnaryOperator<IdTokenBuilder> everyLaunch = UnaryOperator.identity();
    private final AtomicReference<AuthRequest> lastAuthRequest = new AtomicReference<>();
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.ExecutorService executor = Executors.newFixedThreadPool(8);
    private final SimulatedTokenEndpoint tokenEndpoint;
    private final SimulatedGradebook gradebook;

    /** A platform for the tool at {@code toolBaseUrl}, whose key set is at {@code <toolBaseUrl>/.well-known/jwks.json}. */
    public PlatformSimulator(int port, String toolBaseUrl) throws IOException {
        this(port, toolBaseUrl, URI.create(toolBaseUrl + "/.well-known/jwks.json"));
    }

    /** A platform that fetches the tool's public keys from {@code toolKeySetUrl} (a KeySetServer in unit tests). */
    public PlatformSimulator(int port, String toolBaseUrl, URI toolKeySetUrl) throws IOException {
        this.redirectUri = toolBaseUrl + "/lti/launch";
        this.toolTargetLinkUri = toolBaseUrl + "/lti/launch";
        this.toolLoginUrl = toolBaseUrl + "/lti/login";
        RSAKey key = Keys.rsa("simulator-key-" + UUID.randomUUID());
        signingKey.set(key);
        published.add(key.toPublicJWK());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.setExecutor(executor);
        server.createContext("/jwks", this::keySet);
        server.createContext("/auth", this::authorize);
        server.createContext("/launch", this::launch);
        tokenEndpoint = new SimulatedTokenEndpoint(URI.create(url("/token")), toolKeySetUrl,
                Set.of(CLIENT_ID, SECOND_CLIENT_ID));
        gradebook = new SimulatedGradebook(url(""), tokenEndpoint);
        server.createContext("/token", tokenEndpoint);
        server.createContext("/lineitems", gradebook);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /**
     * The page where a real browser starts a launch for {@code loginHint}, as the learner's click in the LMS does:
     * it posts the login initiation to the tool. {@link #nextLaunch} changes the id_token it ends with.
     */
    public String launchPage(String loginHint) {
        return "http://localhost:" + server.getAddress().getPort() + "/launch?login_hint="
                + URLEncoder.encode(loginHint, StandardCharsets.UTF_8);
    }

    /** The token endpoint (Moodle: /mod/lti/token.php), its checks and its test hooks. */
    public SimulatedTokenEndpoint tokens() {
        return tokenEndpoint;
    }

    /** The gradebook behind Assignment and Grade Services, its state and its fault injection. */
    public SimulatedGradebook gradebook() {
        return gradebook;
    }

    public URI tokenUrl() {
        return tokenEndpoint.url();
    }

    /**
     * A change for {@link #nextLaunch} that adds the AGS endpoint claim with every AGS scope, the course's line items
     * container and, when not null, the link's own {@code lineItem} (Moodle sends it when the activity has exactly
     * one grade item).
     */
    public UnaryOperator<IdTokenBuilder> withAgs(URI lineItem) {
        return token -> token.agsEndpoint(List.of(
                        "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
                        "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
                        "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
                        "https://purl.imsglobal.org/spec/lti-ags/scope/score"),
                gradebook.lineItemsUrl(), lineItem);
    }

    /** The parameters of a login initiation for this user at this resource link (Moodle-style: all of them). */
    public Map<String, String> loginFor(String loginHint) {
        String messageHint = "{\"cmid\":7,\"launchid\":\"" + UUID.randomUUID() + "\"}";
        issuedHints.put(loginHint + "|" + messageHint, "issued");
        Map<String, String> params = new LinkedHashMap<>();
        params.put("iss", ISSUER);
        params.put("login_hint", loginHint);
        params.put("target_link_uri", toolTargetLinkUri);
        params.put("lti_message_hint", messageHint);
        params.put("client_id", CLIENT_ID);
        params.put("lti_deployment_id", DEPLOYMENT_ID);
        return params;
    }

    /** Changes the id_token of the next authentication request only. */
    /** A registration file (lti-config/platforms/*.json) for a simulator on this port of 127.0.0.1. */
    public static String registrationFile(String name, int port) {
        return """
                { "name": "%s", "issuer": "%s", "client_id": "%s",
                  "auth_login_url": "http://127.0.0.1:%d/auth", "auth_token_url": "http://127.0.0.1:%d/token",
                  "key_set_url": "http://127.0.0.1:%d/jwks", "deployment_ids": ["%s"] }
                """.formatted(name, ISSUER, CLIENT_ID, port, port, port, DEPLOYMENT_ID);
    }

    /** A change applied to every launch from now on (before {@link #nextLaunch}'s): for concurrent benchmarks. */
    public void everyLaunch(UnaryOperator<IdTokenBuilder> change) {
        everyLaunch = change;
    }

    public void nextLaunch(UnaryOperator<IdTokenBuilder> change) {
        nextLaunch.set(change);
    }

    public RSAKey signingKey() {
        return signingKey.get();
    }

    /** Publishes a new key and signs with it from now on (the old key stays published). */
    public RSAKey rotateKey() {
        RSAKey fresh = Keys.rsa("simulator-key-" + UUID.randomUUID());
        published.add(fresh.toPublicJWK());
        signingKey.set(fresh);
        return fresh;
    }

    public int keySetFetches() {
        return keySetFetches.get();
    }

    public AuthRequest lastAuthRequest() {
        return lastAuthRequest.get();
    }

    /** Requests the authorization endpoint refused, with why. */
    public List<String> refusals() {
        return List.copyOf(refusals);
    }

    private void keySet(HttpExchange exchange) throws IOException {
        keySetFetches.incrementAndGet();
        send(exchange, 200, "application/json", new JWKSet(List.copyOf(published)).toString(true));
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> params = "POST".equals(exchange.getRequestMethod())
                ? parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                : parse(exchange.getRequestURI().getRawQuery());
        AuthRequest request = new AuthRequest(params);
        lastAuthRequest.set(request);
        List<String> problems = new ArrayList<>();
        expect(problems, params, "scope", "openid");
        expect(problems, params, "response_type", "id_token");
        expect(problems, params, "response_mode", "form_post");
        expect(problems, params, "prompt", "none");
        expect(problems, params, "redirect_uri", redirectUri);
        if (!CLIENT_ID.equals(params.get("client_id")) && !SECOND_CLIENT_ID.equals(params.get("client_id"))) {
            problems.add("unknown client_id " + params.get("client_id"));
        }
        if (issuedHints.remove(params.get("login_hint") + "|" + params.get("lti_message_hint")) == null) {
            problems.add("login_hint/lti_message_hint not echoed unchanged (or used twice)");
        }
        for (String required : List.of("state", "nonce")) {
            if (params.get(required) == null || params.get(required).isBlank()) {
                problems.add(required + " missing");
            }
        }
        if (!problems.isEmpty()) {
            refusals.addAll(problems);
            send(exchange, 400, "text/plain", String.join("\n", problems));
            return;
        }
        IdTokenBuilder token = everyLaunch.apply(IdTokenBuilder.resourceLinkLaunch(ISSUER, params.get("client_id"),
                        DEPLOYMENT_ID, params.get("nonce"), signingKey.get())
                .subject(params.get("login_hint"))
                .with("https://purl.imsglobal.org/spec/lti/claim/target_link_uri", toolTargetLinkUri));
        UnaryOperator<IdTokenBuilder> change = nextLaunch.getAndSet(null);
        String idToken = (change == null ? token : change.apply(token)).build();
        send(exchange, 200, "text/html; charset=utf-8", autoSubmitted(params.get("redirect_uri"),
                Map.of("id_token", idToken, "state", params.get("state"))));
    }

    private void launch(HttpExchange exchange) throws IOException {
        String loginHint = parse(exchange.getRequestURI().getRawQuery()).get("login_hint");
        if (loginHint == null || loginHint.isBlank()) {
            send(exchange, 400, "text/plain", "login_hint missing");
            return;
        }
        send(exchange, 200, "text/html; charset=utf-8", autoSubmitted(toolLoginUrl, loginFor(loginHint)));
    }

    /** A form a browser posts as soon as it loads it, as platforms send their login and id_token forms. */
    private static String autoSubmitted(String action, Map<String, String> fields) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><title>Launching</title></head>"
                + "<body><form method=\"post\" action=\"" + escape(action) + "\">");
        fields.forEach((name, value) -> html.append("<input type=\"hidden\" name=\"").append(escape(name))
                .append("\" value=\"").append(escape(value)).append("\">"));
        return html.append("</form><script>document.forms[0].submit();</script></body></html>").toString();
    }

    private static void expect(List<String> problems, Map<String, String> params, String name, String value) {
        if (!value.equals(params.get(name))) {
            problems.add(name + " must be '" + value + "' but was '" + params.get(name) + "'");
        }
    }

    /** Decodes a query string or form body. */
    public static Map<String, String> parse(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(name, value);
        }
        return params;
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    public URI keySetUrl() {
        return URI.create(url("/jwks"));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
