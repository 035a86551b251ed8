package com.essentialslti.grading;

import com.essentialslti.ToolKeys;
import com.essentialslti.infra.Database;
import com.essentialslti.infra.Settings;
import com.essentialslti.lti.keys.KeyRing;
import com.essentialslti.lti.registration.Registrations;
import com.essentialslti.lti.services.AccessTokens;
import com.essentialslti.lti.services.GradeService;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the score relay from start-up to shut-down, on a thread of its own: scores left waiting by a stop or a
 * crash go out once the tool is up again (a poll interval after its start, see {@link ScoreRelay#run}).
 */
@ApplicationScoped
public class GradingComponents {

    private static final Logger LOG = Logger.getLogger(GradingComponents.class.getName());
    static final Duration POLL = Duration.ofSeconds(1);

    @Inject
    Instance<Database> database;
    @Inject
    Instance<Registrations> registrations;
    @Inject
    @ToolKeys
    Instance<KeyRing> toolKeys;
    @Inject
    Clock clock;
    @Inject
    Settings settings;

    private final AtomicReference<ScoreRelay> relay = new AtomicReference<>();
    private final ExecutorService senders = Executors.newFixedThreadPool(8, daemon("grade-sender"));
    private Thread loop;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        loop = daemon("grade-relay").newThread(() -> {
            try {
                // The parts come from the tool's start, which may still be running: wait for it here, not in
                // the deployment.
                // Never follows a redirect: the token would go wherever the platform's answer points, unchecked
                // (GradeService refuses 3xx with its reason instead).
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .connectTimeout(Duration.ofSeconds(5)).build();
                KeyRing keys = toolKeys.get();
                AccessTokens tokens = new AccessTokens(http, clock, keys::signingKey);
                ScoreRelay started = new ScoreRelay(database.get(), registrations.get(),
                        new GradeService(http, tokens, settings.agsTimeout()), clock, senders,
                        Duration.ofSeconds(2), Duration.ofHours(1));
                relay.set(started);
                started.run(POLL);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "event=grades.relay.stopped", e);
            }
        });
        loop.start();
    }

    /** A score was queued: the relay sends it now. */
    public void scoreQueued() {
        ScoreRelay current = relay.get();
        if (current != null) {
            current.wake();
        }
    }

    @PreDestroy
    void stop() {
        if (loop != null) {
            loop.interrupt();
        }
        senders.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
