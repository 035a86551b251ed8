package com.essentialslti.testing;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A platform's Assignment and Grade Services 2.0 endpoints, behaving as Moodle's {@code mod/lti/services.php}:
 * URLs carry {@code ?type_id=1}; line items created by the tool need a label and a numeric scoreMaximum; a score
 * needs userId, timestamp, activityProgress and gradingProgress; a score whose timestamp is not later than the
 * stored one (at one-second resolution) is 409; anything but FullyGraded empties the grade; scores are rescaled to
 * the line item's maximum; users who cannot be graded get 400 "Incorrect score received". Faults can be injected.
 */
public final class SimulatedGradebook implements HttpHandler {

    public static final String TYPE_ID = "1";
    public static final String SCORE_TYPE = "application/vnd.ims.lis.v1.score+json";
    public static final String LINE_ITEM_TYPE = "application/vnd.ims.lis.v2.lineitem+json";
    public static final String CONTAINER_TYPE = "application/vnd.ims.lis.v2.lineitemcontainer+json";
    public static final String RESULT_CONTAINER_TYPE = "application/vnd.ims.lis.v2.resultcontainer+json";

    private static final String SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/";
    private static final Pattern CONTAINER = Pattern.compile("/lineitems/?");
    private static final Pattern ITEM = Pattern.compile("/lineitems/(\\d+)/lineitem/?");
    private static final Pattern SCORES = Pattern.compile("/lineitems/(\\d+)/lineitem/scores/?");
    private static final Pattern RESULTS = Pattern.compile("/lineitems/(\\d+)/lineitem/results/?");

    /** One gradebook column. */
    public record LineItem(int number, URI url, String label, double scoreMaximum, String resourceLinkId,
                           String resourceId, String tag) {
        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", url.toString());
            json.put("label", label);
            json.put("scoreMaximum", scoreMaximum);
            if (resourceLinkId != null) {
                json.put("resourceLinkId", resourceLinkId);
            }
            if (resourceId != null) {
                json.put("resourceId", resourceId);
            }
            if (tag != null) {
                json.put("tag", tag);
            }
            return json;
        }
    }

    /** A score POST as received, whatever became of it. */
    public record ScorePost(URI url, String contentType, String body, Instant receivedAt, int status) {
    }

    /**
     * What the gradebook shows for one user in one column: {@code value} is null when the cell is empty;
     * {@code comment} is the feedback the score carried (null without one).
     */
    public record Grade(Double value, Instant timestamp, String activityProgress, String gradingProgress,
                        String comment) {
    }

    private record Cell(int lineItem, String userId) {
    }

    private final String baseUrl;
    private final SimulatedTokenEndpoint tokens;
    private final List<LineItem> lineItems = new CopyOnWriteArrayList<>();
    private final Map<Cell, Grade> grades = new ConcurrentHashMap<>();
    private final List<ScorePost> scorePosts = new CopyOnWriteArrayList<>();
    private final Set<String> ungradeable = ConcurrentHashMap.newKeySet();
    private final AtomicInteger failingScorePosts = new AtomicInteger();
    private final AtomicInteger throttledScorePosts = new AtomicInteger();
    private volatile long retryAfterSeconds;
    private volatile Duration delay = Duration.ZERO;
    private volatile boolean down;
    private volatile int pageSize = Integer.MAX_VALUE;
    private volatile boolean typographicQuotes;
    private volatile boolean filtersIgnored;
    private final AtomicInteger containerReads = new AtomicInteger();

    public SimulatedGradebook(String baseUrl, SimulatedTokenEndpoint tokens) {
        this.baseUrl = baseUrl;
        this.tokens = tokens;
    }

    /** The line items container of the course, as the launch's AGS claim carries it in {@code lineitems}. */
    public URI lineItemsUrl() {
        return URI.create(baseUrl + "/lineitems?type_id=" + TYPE_ID);
    }

    /** Adds a column as the teacher (or "accept grades") would; returns its URL. */
    public synchronized URI addLineItem(String label, double scoreMaximum, String resourceLinkId, String resourceId,
                                        String tag) {
        int number = lineItems.size() + 1;
        LineItem item = new LineItem(number, URI.create(baseUrl + "/lineitems/" + number + "/lineitem?type_id=" + TYPE_ID),
                label, scoreMaximum, resourceLinkId, resourceId, tag);
        lineItems.add(item);
        return item.url();
    }

    public List<LineItem> lineItems() {
        return List.copyOf(lineItems);
    }

    public Optional<LineItem> lineItem(URI url) {
        return lineItems.stream().filter(i -> i.url().equals(url)).findFirst();
    }

    /** The grade shown for a user in the column at {@code lineItem}, if a score was ever taken. */
    public Optional<Grade> grade(URI lineItem, String userId) {
        return lineItem(lineItem).map(i -> grades.get(new Cell(i.number(), userId)));
    }

    /** Every score POST received, in order. */
    public List<ScorePost> scorePosts() {
        return List.copyOf(scorePosts);
    }

    /** Users that cannot be graded in the course (a teacher, a suspended learner): 400 for their scores. */
    public void ungradeable(String... userIds) {
        ungradeable.addAll(List.of(userIds));
    }

    /** Users that can be graded again (enrolled again, say): their scores are taken. */
    public void gradeable(String... userIds) {
        ungradeable.removeAll(List.of(userIds));
    }

    /** The next {@code count} score posts answer 500. */
    public void failNextScorePosts(int count) {
        failingScorePosts.set(count);
    }

    /** A grade a teacher sets in the gradebook at {@code at}, as Moodle's grader report does. */
    public void teacherGrades(URI lineItem, String userId, double value, Instant at) {
        LineItem item = lineItem(lineItem).orElseThrow();
        synchronized (grades) {
            grades.put(new Cell(item.number(), userId), new Grade(value, at, "Completed", "FullyGraded", null));
        }
    }

    /** The next {@code count} score posts answer 429 with {@code Retry-After} in seconds, as a rate limit does. */
    public void throttleNextScorePosts(int count, Duration retryAfter) {
        retryAfterSeconds = retryAfter.toSeconds();
        throttledScorePosts.set(count);
    }

    /** Every AGS answer waits this long first (to provoke the client's timeout). */
    public void delay(Duration delay) {
        this.delay = delay;
    }

    /** While down, every AGS request answers 503. */
    public void down(boolean down) {
        this.down = down;
    }

    /** Line items per container page; more give a {@code Link: <…>; rel="next"} header. */
    public void pageSize(int size) {
        this.pageSize = size;
    }

    /** Link headers with {@code rel=“next”}, as Moodle has been seen to send. */
    public void typographicQuotes(boolean on) {
        this.typographicQuotes = on;
    }

    /** Answers every line item with the container, as platforms that do not implement the §3.2.1 filters do. */
    public void filtersIgnored(boolean ignored) {
        this.filtersIgnored = ignored;
    }

    /** GET requests of container pages answered, authorized or not. */
    public int containerReads() {
        return containerReads.get();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            if (!delay.isZero()) {
                Thread.sleep(delay.toMillis());
            }
            if (down) {
                PlatformSimulator.send(exchange, 503, "text/plain", "Service Unavailable");
                return;
            }
            route(exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close(); // an answer even when a handler failed half-way: the client must not hang
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Map<String, String> query = PlatformSimulator.parse(exchange.getRequestURI().getRawQuery());
        if (!TYPE_ID.equals(query.get("type_id"))) {
            // e.g. /scores appended after the query string: Moodle finds no such tool type
            PlatformSimulator.send(exchange, 404, "text/plain", "No tool type for type_id '" + query.get("type_id") + "'");
            return;
        }
        String method = exchange.getRequestMethod();
        Matcher m;
        if (CONTAINER.matcher(path).matches() && "GET".equals(method)) {
            listLineItems(exchange, query);
        } else if (CONTAINER.matcher(path).matches() && "POST".equals(method)) {
            createLineItem(exchange);
        } else if ((m = ITEM.matcher(path)).matches() && "GET".equals(method)) {
            withLineItem(exchange, m, item -> {
                if (authorized(exchange, SCOPE + "lineitem", SCOPE + "lineitem.readonly")) {
                    PlatformSimulator.send(exchange, 200, LINE_ITEM_TYPE, JSONObjectUtils.toJSONString(item.json()));
                }
            });
        } else if ((m = SCORES.matcher(path)).matches() && "POST".equals(method)) {
            withLineItem(exchange, m, item -> postScore(exchange, item));
        } else if ((m = RESULTS.matcher(path)).matches() && "GET".equals(method)) {
            withLineItem(exchange, m, item -> results(exchange, item));
        } else {
            PlatformSimulator.send(exchange, 405, "text/plain", method + " " + path + " is not supported");
        }
    }

    private interface ItemAction {
        void on(LineItem item) throws IOException;
    }

    private void withLineItem(HttpExchange exchange, Matcher path, ItemAction action) throws IOException {
        int number = Integer.parseInt(path.group(1));
        Optional<LineItem> item = lineItems.stream().filter(i -> i.number() == number).findFirst();
        if (item.isEmpty()) {
            PlatformSimulator.send(exchange, 404, "text/plain", "No line item " + number);
            return;
        }
        action.on(item.get());
    }

    private boolean authorized(HttpExchange exchange, String... anyOfScopes) throws IOException {
        if (tokens.authorize(exchange, anyOfScopes).isPresent()) {
            return true;
        }
        PlatformSimulator.send(exchange, 401, "text/plain", "Unauthorized");
        return false;
    }

    private void listLineItems(HttpExchange exchange, Map<String, String> query) throws IOException {
        containerReads.incrementAndGet();
        if (!authorized(exchange, SCOPE + "lineitem", SCOPE + "lineitem.readonly")) {
            return;
        }
        List<LineItem> matching = filtersIgnored ? List.copyOf(lineItems) : lineItems.stream()
                .filter(i -> matches(query.get("resource_link_id"), i.resourceLinkId()))
                .filter(i -> matches(query.get("resource_id"), i.resourceId()))
                .filter(i -> matches(query.get("tag"), i.tag()))
                .toList();
        int limit = query.containsKey("limit") ? Integer.parseInt(query.get("limit")) : pageSize;
        int from = query.containsKey("from") ? Integer.parseInt(query.get("from")) : 0;
        List<LineItem> page = matching.subList(Math.min(from, matching.size()),
                (int) Math.min((long) from + limit, matching.size()));
        if ((long) from + limit < matching.size()) {
            String open = typographicQuotes ? "“" : "\"";
            String close = typographicQuotes ? "”" : "\"";
            String link = "<" + pageUrl(query, limit, 0) + ">; rel=" + open + "first" + close
                    + ", <" + pageUrl(query, limit, from + limit) + ">; rel=" + open + "next" + close;
            // PHP sends the header's UTF-8 bytes as they are; the JDK server writes one byte per char, so hand it
            // the bytes as ISO-8859-1 chars to put the same bytes on the wire.
            exchange.getResponseHeaders().add("Link",
                    new String(link.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
        }
        List<Object> json = new ArrayList<>();
        page.forEach(i -> json.add(i.json()));
        PlatformSimulator.send(exchange, 200, CONTAINER_TYPE, JSONArrayUtils.toJSONString(json));
    }

    private String pageUrl(Map<String, String> query, int limit, int from) {
        Map<String, String> params = new LinkedHashMap<>(query);
        params.put("limit", Integer.toString(limit));
        params.put("from", Integer.toString(from));
        StringBuilder url = new StringBuilder(baseUrl + "/lineitems");
        char separator = '?';
        for (Map.Entry<String, String> p : params.entrySet()) {
            url.append(separator).append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return url.toString();
    }

    private static boolean matches(String filter, String value) {
        return filter == null || filter.equals(value);
    }

    private void createLineItem(HttpExchange exchange) throws IOException {
        if (!authorized(exchange, SCOPE + "lineitem")) {
            return;
        }
        if (!LINE_ITEM_TYPE.equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
            PlatformSimulator.send(exchange, 415, "text/plain", "Unsupported Media Type");
            return;
        }
        Map<String, Object> json;
        try {
            json = JSONObjectUtils.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        } catch (ParseException e) {
            PlatformSimulator.send(exchange, 400, "text/plain", "Invalid JSON");
            return;
        }
        if (!(json.get("label") instanceof String label) || label.isBlank()
                || !(json.get("scoreMaximum") instanceof Number max)) {
            PlatformSimulator.send(exchange, 400, "text/plain", "Incorrect line item: label and scoreMaximum required");
            return;
        }
        URI url = addLineItem(label, max.doubleValue(), text(json.get("resourceLinkId")),
                text(json.get("resourceId")), text(json.get("tag")));
        PlatformSimulator.send(exchange, 201, LINE_ITEM_TYPE,
                JSONObjectUtils.toJSONString(lineItem(url).orElseThrow().json()));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private void postScore(HttpExchange exchange, LineItem item) throws IOException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        URI url = URI.create(baseUrl).resolve(exchange.getRequestURI());
        Answer answer = takeScore(exchange, item, contentType, body);
        if (answer.status() == 429) {
            exchange.getResponseHeaders().add("Retry-After", Long.toString(retryAfterSeconds));
        }
        // Recorded before answering: a test reads the record as soon as its client has the answer.
        scorePosts.add(new ScorePost(url, contentType, body, tokens.clock().instant(), answer.status()));
        PlatformSimulator.send(exchange, answer.status(), "text/plain", answer.body());
    }

    private record Answer(int status, String body) {
    }

    /** Takes the score, or says why not. */
    private Answer takeScore(HttpExchange exchange, LineItem item, String contentType, String body) {
        if (tokens.authorize(exchange, SCOPE + "score").isEmpty()) {
            return new Answer(401, "Unauthorized");
        }
        if (failingScorePosts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new Answer(500, "Internal Server Error (injected)");
        }
        if (throttledScorePosts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new Answer(429, "Too Many Requests (injected)");
        }
        if (!SCORE_TYPE.equals(contentType)) {
            return new Answer(415, "Unsupported Media Type");
        }
        Answer incorrect = new Answer(400, "Incorrect score received");
        Map<String, Object> score;
        try {
            score = JSONObjectUtils.parse(body);
        } catch (ParseException e) {
            return incorrect;
        }
        Object userId = score.get("userId");
        Instant timestamp;
        try {
            timestamp = OffsetDateTime.parse(String.valueOf(score.get("timestamp"))).toInstant();
        } catch (DateTimeParseException e) {
            return incorrect;
        }
        if (userId == null || score.get("activityProgress") == null || score.get("gradingProgress") == null) {
            return incorrect;
        }
        if (ungradeable.contains(userId.toString())) {
            return incorrect;
        }
        Object given = score.get("scoreGiven");
        Object maximum = score.get("scoreMaximum");
        if (given != null && (!(given instanceof Number) || !(maximum instanceof Number m) || m.doubleValue() <= 0)) {
            return incorrect;
        }
        String gradingProgress = score.get("gradingProgress").toString();
        Double value = "FullyGraded".equals(gradingProgress) && given != null
                ? ((Number) given).doubleValue() / ((Number) maximum).doubleValue() * item.scoreMaximum()
                : null; // Moodle empties the grade for anything not FullyGraded
        Cell cell = new Cell(item.number(), userId.toString());
        synchronized (grades) {
            Grade stored = grades.get(cell);
            if (stored != null && stored.timestamp().getEpochSecond() >= timestamp.getEpochSecond()) {
                return new Answer(409, "Refusing score with an earlier timestamp for item " + item.number()
                        + " and user " + userId);
            }
            grades.put(cell, new Grade(value, timestamp, score.get("activityProgress").toString(), gradingProgress,
                    score.get("comment") == null ? null : score.get("comment").toString()));
        }
        return new Answer(200, "");
    }

    private void results(HttpExchange exchange, LineItem item) throws IOException {
        if (!authorized(exchange, SCOPE + "result.readonly")) {
            return;
        }
        List<Object> results = new ArrayList<>();
        grades.forEach((cell, grade) -> {
            if (cell.lineItem() == item.number()) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("id", baseUrl + "/lineitems/" + item.number() + "/lineitem/results?type_id=" + TYPE_ID
                        + "&user_id=" + cell.userId());
                result.put("scoreOf", item.url().toString());
                result.put("userId", cell.userId());
                if (grade.value() != null) {
                    result.put("resultScore", grade.value());
                    result.put("resultMaximum", item.scoreMaximum());
                }
                result.put("timestamp", grade.timestamp().toString());
                results.add(result);
            }
        });
        PlatformSimulator.send(exchange, 200, RESULT_CONTAINER_TYPE, JSONArrayUtils.toJSONString(results));
    }
}
