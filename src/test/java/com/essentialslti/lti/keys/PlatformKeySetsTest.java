package com.essentialslti.lti.keys;

import com.essentialslti.testing.MutableClock;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** A platform's key set is read only up to its cap (issue 13 §1.7): a huge or endless body is refused while read. */
class PlatformKeySetsTest {

    /** What a misbehaving key set URL sends at most: far more than the tool may read, and then it stops. */
    static final long SERVER_LIMIT = 2L * 1024 * 1024 * 1024;

    HttpServer server;
    final AtomicLong written = new AtomicLong();
    PlatformKeySets keySets;

    @BeforeEach
    void setUp() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/endless", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked: no length announced
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) ' ');
            try (OutputStream out = exchange.getResponseBody()) {
                out.write('{');
                while (written.get() < SERVER_LIMIT) {
                    out.write(chunk);
                    written.addAndGet(chunk.length);
                }
            } catch (IOException closedByTheTool) {
                // the tool stopped reading and dropped the connection
            }
        });
        server.createContext("/just-too-large", exchange -> {
            byte[] body = ("{\"keys\":[]" + " ".repeat(PlatformKeySets.MAX_KEY_SET_BYTES) + "}").getBytes();
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        keySets = new PlatformKeySets(HttpClient.newHttpClient(), MutableClock.now(), Duration.ofHours(1),
                Duration.ofSeconds(10));
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void anEndlessKeySetIsRefusedOnceItPassesTheCap() {
        PlatformKeySets.Unavailable refused = assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                catchThrowableOfType(PlatformKeySets.Unavailable.class, () -> keySets.key(url("/endless"), "kid-1")));

        assertThat(refused).isNotNull();
        assertThat(refused.getMessage()).contains("larger than 256 KiB");
        assertThat(written.get()).as("bytes the platform could send before the tool hung up")
                .isLessThan(SERVER_LIMIT);
    }

    @Test
    void aKeySetOneByteOverTheCapIsRefused() {
        PlatformKeySets.Unavailable refused = catchThrowableOfType(PlatformKeySets.Unavailable.class,
                () -> keySets.key(url("/just-too-large"), "kid-1"));

        assertThat(refused.getMessage()).contains("larger than 256 KiB");
    }
}
