package com.essentialslti.infra;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The operator's configuration, read once through MicroProfile Config (see {@link SettingsProducer}) and documented
 * in the README. Plain values so that tests can build one without a container.
 */
public record Settings(
        URI baseUrl,
        Path dataDir,
        Path ltiConfigDir,
        String dbUrl,
        String dbUser,
        String dbPassword,
        SandboxMode sandboxMode,
        Duration keyGracePeriod,
        Duration launchSessionLifetime,
        long keySetRefetchSeconds,
        Duration agsTimeout,
        Optional<String> operatorToken,
        boolean baseUrlConfigured,
        java.util.List<String> trustedProxies,
        int rateLimitPerSecond) {

    public enum SandboxMode { AUTO, ON, OFF }

    /** The shortest operator token the tool takes: a bearer token that guards key rotation must not be guessable. */
    public static final int MIN_OPERATOR_TOKEN_LENGTH = 32;

    public Settings {
        trustedProxies = java.util.List.copyOf(trustedProxies);
        String text = baseUrl.toString();
        if (text.endsWith("/")) {
            baseUrl = URI.create(text.substring(0, text.length() - 1));
        }
    }

    /**
     * The H2 file database in the data directory: the embedded default, kept across restarts (see
     * {@code Database} for how committed work reaches its file).
     */
    public static String embeddedDbUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("essentials") + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /**
     * Refuses an OPERATOR_TOKEN shorter than {@value #MIN_OPERATOR_TOKEN_LENGTH} characters, so that the tool does
     * not start with an operator API anyone could guess their way into. The message says what to do.
     */
    public void requireStrongOperatorToken() {
        operatorToken.filter(token -> token.length() < MIN_OPERATOR_TOKEN_LENGTH).ifPresent(token -> {
            throw new IllegalStateException("OPERATOR_TOKEN must be at least " + MIN_OPERATOR_TOKEN_LENGTH
                    + " characters (it has " + token.length() + "); set a longer random one, such as the output of "
                    + "'openssl rand -hex 32', or unset it to turn the operator API off");
        });
    }

    /** Whether the operator API is on: a token is set and long enough. */
    public boolean operatorApiEnabled() {
        return operatorToken.filter(token -> token.length() >= MIN_OPERATOR_TOKEN_LENGTH).isPresent();
    }

    public URI url(String path) {
        return URI.create(baseUrl + path);
    }

    /** The origin of the tool's pages, as a browser writes it in an Origin header (no default port). */
    public String baseOrigin() {
        return origin(baseUrl);
    }

    /** The origin of a URL (scheme, host, and port unless it is the scheme's default), in lower case. */
    public static String origin(URI url) {
        String scheme = url.getScheme().toLowerCase(java.util.Locale.ROOT);
        int port = url.getPort();
        boolean defaultPort = port == -1 || ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
        return scheme + "://" + url.getHost().toLowerCase(java.util.Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    public boolean baseUrlIsLocalhost() {
        String host = baseUrl.getHost();
        return "localhost".equalsIgnoreCase(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
    }

    public boolean baseUrlIsHttps() {
        return "https".equalsIgnoreCase(baseUrl.getScheme());
    }

    /**
     * The sandbox lets anyone launch as a course admin, so {@code auto} turns it on only when the operator said the
     * tool is local: {@code LTI_BASE_URL} set explicitly to a loopback URL. The default base URL is loopback too,
     * but an unset variable is what a bare {@code docker run} on a public host looks like. Forcing it elsewhere is
     * explicit and marked.
     */
    public boolean sandboxEnabled() {
        return switch (sandboxMode) {
            case ON -> true;
            case OFF -> false;
            case AUTO -> baseUrlConfigured && baseUrlIsLocalhost();
        };
    }

    /**
     * Whether a request sent to {@code authority} (its Host: host and port) over {@code scheme} (empty when not
     * known, as behind a proxy that does not say) was addressed to LTI_BASE_URL. An LMS given another address than
     * the one requests arrive at gets redirect URIs that do not match its own registration.
     */
    public boolean isBaseAddress(Optional<String> scheme, String authority) {
        try {
            URI requested = new URI(scheme.orElse(baseUrl.getScheme()), authority, null, null, null);
            return requested.getHost() != null && origin(requested).equals(baseOrigin());
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    public boolean sandboxForced() {
        return sandboxMode == SandboxMode.ON && !baseUrlIsLocalhost();
    }
}
