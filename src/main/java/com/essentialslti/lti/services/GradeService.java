package com.essentialslti.lti.services;

import com.essentialslti.infra.LogValues;
import com.essentialslti.infra.Settings;
import com.essentialslti.lti.registration.Registration;
import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The tool's client of Assignment and Grade Services 2.0: finds or creates the line item (gradebook column) of a
 * resource link and posts scores to it. Each call takes one access token from {@link AccessTokens}; a 401 gets one
 * fresh token and one more try, nothing else is retried here (the caller keeps undelivered scores and decides when
 * to try again). The token goes only where the registration allows ({@link Registration#serviceUrlRefusal}): every
 * URL is checked before its request, a page link must stay on its page's origin, and a redirect is refused, never
 * followed, since where it leads was never checked.
 */
public final class GradeService {

    private static final Logger LOG = Logger.getLogger(GradeService.class.getName());

    public static final String SCOPE_LINE_ITEM = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";
    public static final String SCOPE_LINE_ITEM_READ_ONLY =
            "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly";
    public static final String SCOPE_RESULT_READ_ONLY = "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly";
    public static final String SCOPE_SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";

    static final String SCORE_TYPE = "application/vnd.ims.lis.v1.score+json";
    static final String LINE_ITEM_TYPE = "application/vnd.ims.lis.v2.lineitem+json";
    static final String LINE_ITEM_CONTAINER_TYPE = "application/vnd.ims.lis.v2.lineitemcontainer+json";
    static final String RESULT_CONTAINER_TYPE = "application/vnd.ims.lis.v2.resultcontainer+json";
    /** Enough for any course's gradebook; a platform that pages on beyond it is looping. */
    static final int MAX_PAGES = 50;
    static final int MAX_ANSWER_CHARS = 2000;

    private static final Set<String> SCORE_SCOPES = Set.of(SCOPE_SCORE);
    // The lineitem scope covers reading too (§3.1); one token serves both the lookup and the creation.
    private static final Set<String> LINE_ITEM_SCOPES = Set.of(SCOPE_LINE_ITEM);

    private final HttpClient http;
    private final AccessTokens tokens;
    private final Duration requestTimeout;

    public GradeService(HttpClient http, AccessTokens tokens, Duration requestTimeout) {
        this.http = http;
        this.tokens = tokens;
        this.requestTimeout = requestTimeout;
    }

    /** How long one request to the platform may wait for its answer. */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /**
     * The score publish URL of a line item (AGS 2.0 §3.4): the line item URL with {@code /scores} appended to its
     * path, before any query string. Moodle's line item URLs carry {@code ?type_id=1}; appending after it breaks.
     */
    public static URI scoresUrl(URI lineItem) {
        return URI.create(withPathSuffix(lineItem.toString(), "/scores"));
    }

    /**
     * Posts one score to a line item. Answers with the platform's status and body whatever the status; throws when
     * no answer came (network, timeout) or no token could be had.
     */
    public Delivery postScore(Registration registration, URI lineItem, Score score) throws ServiceFailure {
        URI url = scoresUrl(lineItem);
        String body = score.toJson();
        HttpResponse<String> response = authorized(registration, SCORE_SCOPES, url, token -> HttpRequest
                .newBuilder(url)
                .timeout(requestTimeout)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", SCORE_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
        Delivery delivery = new Delivery(response.statusCode(), answer(response, MAX_ANSWER_CHARS),
                Delivery.retryAfter(response.headers().firstValue("Retry-After"), Instant.now()));
        LOG.info("event=ags.score.posted registration=" + registration.id() + " url=" + LogValues.quote(url)
                + " status=" + response.statusCode());
        return delivery;
    }

    /** A user's result in a line item as the platform holds it: the score out of the maximum, when there is one. */
    public record Result(double score, double maximum) {

        /** Whether this is {@code given} out of {@code maximum}, once rescaled to the line item's maximum. */
        public boolean shows(double given, double maximum) {
            return this.maximum > 0 && maximum > 0 && Math.abs(score / this.maximum - given / maximum) < 0.00005;
        }
    }

    /**
     * The user's result in the line item (AGS 2.0 §3.3, the result service); empty when the platform holds none for
     * them or none with a score.
     */
    public Optional<Result> resultOf(Registration registration, URI lineItem, String userId) throws ServiceFailure {
        URI url = URI.create(withQueryParameters(withPathSuffix(lineItem.toString(), "/results"),
                Map.of("user_id", userId)));
        HttpResponse<String> response = get(registration, Set.of(SCOPE_RESULT_READ_ONLY), url, RESULT_CONTAINER_TYPE);
        if (response.statusCode() != 200) {
            throw ServiceFailure.forStatus("the results at " + url + " could not be read", response.statusCode(),
                    response.body());
        }
        List<Object> results;
        try {
            results = JSONArrayUtils.parse(response.body());
        } catch (ParseException e) {
            throw new ServiceUnavailable("the results at " + url + " are not a JSON array", 200, response.body());
        }
        for (Object each : results) {
            if (each instanceof Map<?, ?> result && userId.equals(result.get("userId"))
                    && result.get("resultScore") instanceof Number score) {
                // §3.3.1: without resultMaximum, the maximum is 1.
                double maximum = result.get("resultMaximum") instanceof Number m ? m.doubleValue() : 1;
                return Optional.of(new Result(score.doubleValue(), maximum));
            }
        }
        return Optional.empty();
    }

    /**
     * The URL of the line item matching {@code spec}: looked up in the container (following {@code rel="next"}
     * pages, §3.2.1), created there when no item matches (§3.2.3).
     */
    public URI findOrCreateLineItem(Registration registration, URI lineItems, LineItemSpec spec)
            throws ServiceFailure {
        Optional<URI> found = find(registration, lineItems, spec);
        return found.isPresent() ? found.get() : create(registration, lineItems, spec);
    }

    private Optional<URI> find(Registration registration, URI lineItems, LineItemSpec spec) throws ServiceFailure {
        Map<String, String> filters = new LinkedHashMap<>(); // §3.2.1 query parameters; matching is checked below too
        filters.put("resource_link_id", spec.resourceLinkId());
        if (spec.resourceId() != null) {
            filters.put("resource_id", spec.resourceId());
        }
        if (spec.tag() != null) {
            filters.put("tag", spec.tag());
        }
        URI page = URI.create(withQueryParameters(lineItems.toString(), filters));
        Set<URI> seen = new HashSet<>();
        for (int pages = 0; page != null; pages++) {
            if (pages == MAX_PAGES) {
                throw new ServiceRefused("more than " + MAX_PAGES + " pages of line items at " + lineItems, 0, "");
            }
            if (!seen.add(page)) {
                break; // the platform links back to a page already read: every page has been seen
            }
            URI url = page;
            HttpResponse<String> response = get(registration, LINE_ITEM_SCOPES, url, LINE_ITEM_CONTAINER_TYPE);
            if (response.statusCode() != 200) {
                throw ServiceFailure.forStatus("the line items at " + url + " could not be read",
                        response.statusCode(), response.body());
            }
            for (Object item : lineItemsOf(url, response.body())) {
                if (item instanceof Map<?, ?> lineItem && matches(lineItem, spec) && lineItem.get("id") instanceof String id) {
                    return Optional.of(url.resolve(id));
                }
            }
            page = nextPage(url, response);
        }
        return Optional.empty();
    }

    private HttpResponse<String> get(Registration registration, Set<String> scopes, URI url, String accept)
            throws ServiceFailure {
        return authorized(registration, scopes, url, token -> HttpRequest.newBuilder(url)
                .timeout(requestTimeout)
                .header("Authorization", "Bearer " + token)
                .header("Accept", accept)
                .GET()
                .build());
    }

    private static List<Object> lineItemsOf(URI url, String body) throws ServiceFailure {
        try {
            return JSONArrayUtils.parse(body);
        } catch (ParseException e) {
            throw new ServiceUnavailable("the line items at " + url + " are not a JSON array", 200, body);
        }
    }

    private static boolean matches(Map<?, ?> lineItem, LineItemSpec spec) {
        return spec.resourceLinkId().equals(lineItem.get("resourceLinkId"))
                && (spec.resourceId() == null || spec.resourceId().equals(lineItem.get("resourceId")))
                && (spec.tag() == null || spec.tag().equals(lineItem.get("tag")));
    }

    private static URI nextPage(URI current, HttpResponse<String> response) throws ServiceFailure {
        Optional<String> next = LinkHeader.next(response.headers().allValues("Link"));
        if (next.isEmpty()) {
            return null;
        }
        URI resolved;
        try {
            resolved = current.resolve(next.get()); // RFC 8288 §3.1: relative to the request's URL
        } catch (IllegalArgumentException e) {
            throw new ServiceRefused("the next page link of " + current + " is not a URL", response.statusCode(),
                    next.get());
        }
        // A page of the same list comes from where the list is: a header must not carry the token elsewhere.
        if (!sameOrigin(current, resolved)) {
            throw new ServiceRefused("the next page link of " + current + " leaves its origin", response.statusCode(),
                    next.get());
        }
        return resolved;
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getHost() != null && b.getScheme() != null && b.getHost() != null
                && Settings.origin(a).equals(Settings.origin(b));
    }

    private URI create(Registration registration, URI lineItems, LineItemSpec spec) throws ServiceFailure {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("label", spec.label());
        json.put("scoreMaximum", spec.scoreMaximum());
        json.put("resourceLinkId", spec.resourceLinkId());
        if (spec.resourceId() != null) {
            json.put("resourceId", spec.resourceId());
        }
        if (spec.tag() != null) {
            json.put("tag", spec.tag());
        }
        String body = JSONObjectUtils.toJSONString(json);
        HttpResponse<String> response = authorized(registration, LINE_ITEM_SCOPES, lineItems, token ->
                HttpRequest.newBuilder(lineItems)
                        .timeout(requestTimeout)
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", LINE_ITEM_TYPE)
                        .header("Accept", LINE_ITEM_TYPE)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build());
        if (response.statusCode() != 200 && response.statusCode() != 201) {
            throw ServiceFailure.forStatus("the line item for resource link '" + spec.resourceLinkId()
                    + "' could not be created at " + lineItems, response.statusCode(), response.body());
        }
        try {
            String id = JSONObjectUtils.getString(JSONObjectUtils.parse(response.body()), "id");
            if (id == null || id.isBlank()) {
                throw new ParseException("no id", 0);
            }
            URI created = lineItems.resolve(id);
            LOG.info("event=ags.lineitem.created registration=" + registration.id() + " resource_link_id="
                    + LogValues.quote(spec.resourceLinkId()) + " url=" + LogValues.quote(created));
            return created;
        } catch (ParseException | IllegalArgumentException e) {
            // The column may exist now; the next lookup finds it by its resource link id.
            throw new ServiceUnavailable("the platform created a line item at " + lineItems
                    + " but answered without its id", response.statusCode(), response.body());
        }
    }

    /**
     * Sends the request with a token; on 401, once more with a fresh one. A cached token the platform no longer
     * takes (expired early, revoked, the platform's token store reset) is the usual reason; a second 401 is the
     * platform's answer (a proxy stripping the Authorization header, a scope withdrawn) and goes to the caller.
     */
    private HttpResponse<String> authorized(Registration registration, Set<String> scopes, URI url,
                                            Function<String, HttpRequest> request) throws ServiceFailure {
        Optional<String> refusal = registration.serviceUrlRefusal(url);
        if (refusal.isPresent()) {
            LOG.warning("event=ags.url.refused registration=" + registration.id() + " url=" + LogValues.quote(url)
                    + " reason=" + LogValues.quote(refusal.get()));
            throw new ServiceRefused("the tool does not send its token to " + url, 0,
                    "The service URL " + url + " was refused: " + refusal.get() + ".");
        }
        String token = tokens.token(registration, scopes);
        HttpResponse<String> response = send(request.apply(token));
        if (response.statusCode() == 401) {
            tokens.invalidate(registration, scopes, token);
            response = send(request.apply(tokens.token(registration, scopes)));
        }
        if (response.statusCode() >= 300 && response.statusCode() < 400) {
            // The client follows no redirect (GradingComponents): where one leads was never checked, and the
            // token would go with the request. Sending again gives the same answer until the LMS's URLs change.
            throw new ServiceRefused(response.request().method() + " " + url + " was redirected",
                    response.statusCode(), "The LMS answered with a redirect (HTTP " + response.statusCode() + ") to "
                    + response.headers().firstValue("Location").orElse("no location")
                    + "; the tool does not follow redirects with its access token. Check the LMS's service URLs.");
        }
        return response;
    }

    private HttpResponse<String> send(HttpRequest request) throws ServiceUnavailable {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ServiceUnavailable(request.method() + " " + request.uri() + " had no answer within "
                    + requestTimeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new ServiceUnavailable(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailable("interrupted during " + request.method() + " " + request.uri(), e);
        }
    }

    private static String answer(HttpResponse<String> response, int max) {
        return ServiceFailure.truncate(Objects.requireNonNullElse(response.body(), ""), max);
    }

    /** Appends to the path of a URL, before its query and fragment; a trailing slash of the path is dropped. */
    static String withPathSuffix(String url, String suffix) {
        int end = endOfPath(url);
        String path = url.substring(0, end);
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path + suffix + url.substring(end);
    }

    /** Adds query parameters to those a URL already has, before its fragment. */
    static String withQueryParameters(String url, Map<String, String> parameters) {
        int hash = url.indexOf('#');
        String base = hash < 0 ? url : url.substring(0, hash);
        String fragment = hash < 0 ? "" : url.substring(hash);
        StringBuilder result = new StringBuilder(base);
        char separator = base.contains("?") ? (base.endsWith("?") || base.endsWith("&") ? 0 : '&') : '?';
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            if (separator != 0) {
                result.append(separator);
            }
            result.append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return result.append(fragment).toString();
    }

    private static int endOfPath(String url) {
        int query = url.indexOf('?');
        int fragment = url.indexOf('#');
        if (query < 0) {
            return fragment < 0 ? url.length() : fragment;
        }
        return fragment < 0 ? query : Math.min(query, fragment);
    }
}
