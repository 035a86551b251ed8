package com.essentialslti;

import com.essentialslti.infra.Database;
import com.essentialslti.infra.Settings;
import com.essentialslti.lti.keys.KeyRing;
import com.essentialslti.lti.keys.PlatformKeySets;
import com.essentialslti.lti.launch.LaunchValidator;
import com.essentialslti.lti.registration.Registrations;
import com.essentialslti.lti.session.LaunchTokens;
import com.essentialslti.lti.session.LoginStates;
import com.essentialslti.sandbox.SandboxPlatform;
import com.essentialslti.web.Pages;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Builds the tool's long-lived parts once, at start-up, in order: database and migrations, keys, registrations from
 * the operator's files, the sandbox platform. The parts are plain classes (tests build them the same way) that CDI
 * hands to the resources.
 */
@ApplicationScoped
public class ToolComponents {

    private static final Logger LOG = Logger.getLogger(ToolComponents.class.getName());

    @Inject
    Settings settings;
    @Inject
    Clock clock;

    private volatile Database database;
    private KeyRing toolKeys;
    private KeyRing sandboxKeys;
    private Registrations registrations;
    private LoginStates loginStates;
    private LaunchTokens launchTokens;
    private PlatformKeySets platformKeySets;
    private LaunchValidator validator;
    private SandboxPlatform sandbox;
    private volatile String startupFailure;
    private final CountDownLatch finished = new CountDownLatch(1);

    /**
     * Starts the parts on a thread of their own, so that migrations and key generation overlap the rest of the
     * deployment (Jersey, the HTTP listener). Requests that need a part wait for the start to finish; the
     * readiness check says DOWN until then.
     */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        Thread starter = new Thread(this::start, "essentials-startup");
        starter.setDaemon(true);
        starter.start();
    }

    private void start() {
        long started = System.nanoTime();
        try {
            database = Database.open(settings.dbUrl(), settings.dbUser(), settings.dbPassword());
            CompletableFuture<KeyRing> sandboxKeysLoaded = settings.sandboxEnabled()
                    ? CompletableFuture.supplyAsync(() ->
                            new KeyRing(database, "sandbox", clock, settings.keyGracePeriod()).load())
                    : CompletableFuture.completedFuture(null);
            toolKeys = new KeyRing(database, "tool", clock, settings.keyGracePeriod()).load();
            registrations = new Registrations(database, clock);
            Registrations.LoadReport report = registrations.loadFiles(settings.ltiConfigDir());
            loginStates = new LoginStates(database, clock);
            launchTokens = new LaunchTokens(database, clock, settings.launchSessionLifetime());
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .executor(Executors.newCachedThreadPool())
                    .build();
            platformKeySets = new PlatformKeySets(http, clock, Duration.ofHours(1),
                    Duration.ofSeconds(settings.keySetRefetchSeconds()));
            validator = new LaunchValidator(loginStates, registrations, platformKeySets, clock);
            if (settings.sandboxEnabled()) {
                sandboxKeys = sandboxKeysLoaded.join();
                sandbox = new SandboxPlatform(settings, sandboxKeys, registrations, clock);
                sandbox.register();
                if (settings.sandboxForced()) {
                    Pages.Banner.set("Sandbox mode is on: anyone can launch this tool through its built-in test "
                            + "platform. Turn it off (SANDBOX=off) before real learners use the tool.");
                }
            }
            loginStates.purgeExpired();
            LOG.info("event=startup.ready migrations_applied=" + database.migrationsApplied()
                    + " registrations=" + registrations.all().size() + " registration_problems="
                    + report.problems().size() + " sandbox=" + settings.sandboxEnabled()
                    + " millis=" + (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            startupFailure = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.log(Level.SEVERE, "event=startup.failed reason=\"" + startupFailure + "\"", e);
        } finally {
            finished.countDown();
        }
    }

    @PreDestroy
    void close() {
        if (finished.getCount() == 0 && database != null) {
            database.close();
        }
    }

    /** Ready: migrations ran and the tool's keys are loaded. Never waits. */
    public boolean ready() {
        return finished.getCount() == 0 && startupFailure == null && toolKeys.loaded();
    }

    public String startupFailure() {
        return startupFailure;
    }

    @Produces
    Database database() {
        return require(() -> database);
    }

    @Produces
    @ToolKeys
    KeyRing toolKeys() {
        return require(() -> toolKeys);
    }

    @Produces
    Registrations registrations() {
        return require(() -> registrations);
    }

    @Produces
    LoginStates loginStates() {
        return require(() -> loginStates);
    }

    @Produces
    LaunchTokens launchTokens() {
        return require(() -> launchTokens);
    }

    @Produces
    LaunchValidator validator() {
        return require(() -> validator);
    }

    @Produces
    SandboxPlatform sandbox() {
        awaitStart();
        return sandbox; // null when the sandbox is off; its resource answers 404 then
    }

    private void awaitStart() {
        try {
            if (!finished.await(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the tool is still starting");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the tool starts", e);
        }
    }

    /** Waits for the start to finish, then reads the part (reading it first could see a half-started tool). */
    private <T> T require(java.util.function.Supplier<T> read) {
        awaitStart();
        T part = read.get();
        if (part == null) {
            throw new IllegalStateException("the tool did not start: " + startupFailure);
        }
        return part;
    }
}
