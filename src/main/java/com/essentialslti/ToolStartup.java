package com.essentialslti;

import com.essentialslti.infra.Database;
import com.essentialslti.infra.LogValues;
import com.essentialslti.infra.Settings;
import com.essentialslti.infra.SettingsProducer;
import com.essentialslti.lti.keys.KeyRing;
import com.essentialslti.lti.keys.PlatformKeySets;
import com.essentialslti.lti.launch.LaunchValidator;
import com.essentialslti.lti.registration.Registrations;
import com.essentialslti.lti.session.LaunchTokens;
import com.essentialslti.lti.session.LoginStates;
import com.essentialslti.sandbox.SandboxPlatform;
import com.essentialslti.web.ClientAddress;
import com.essentialslti.web.Pages;
import com.essentialslti.web.RateLimit;
import com.nimbusds.jose.jwk.RSAKey;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import org.eclipse.microprofile.config.ConfigProvider;

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
 * the operator's files, the sandbox platform. The parts are plain classes (tests build them the same way);
 * {@link ToolComponents} hands them to the resources.
 *
 * <p>A CDI extension, so that the start begins with the deployment itself (the container calls extensions before
 * it discovers beans): migrations and key generation then overlap Weld, Jersey and the HTTP listener instead of
 * following them, which keeps the cold start within its budget.
 */
public class ToolStartup implements Extension {

    private static final Logger LOG = Logger.getLogger(ToolStartup.class.getName());

    private Settings settings;
    private Clock clock;

    private volatile Database database;
    private KeyRing toolKeys;
    private KeyRing sandboxKeys;
    private Registrations registrations;
    private volatile Registrations.LoadReport registrationReport;
    private LoginStates loginStates;
    private LaunchTokens launchTokens;
    private PlatformKeySets platformKeySets;
    private LaunchValidator validator;
    private SandboxPlatform sandbox;
    private volatile String startupFailure;
    private final CountDownLatch finished = new CountDownLatch(1);
    /** How soon a key rotation made by another process reaches this one. */
    public static final Duration KEY_REFRESH = Duration.ofSeconds(10);
    static final Duration PURGE = Duration.ofMinutes(10);
    private final java.util.concurrent.ScheduledExecutorService housekeeping =
            Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "essentials-housekeeping");
                thread.setDaemon(true);
                return thread;
            });

    /**
     * Starts the parts on a thread of their own. Requests that need a part wait for the start to finish; the
     * readiness check says DOWN until then. The settings are read here the way {@link SettingsProducer} reads them
     * for the resources: the same configuration, so the same values.
     */
    void onDeploymentStart(@Observes BeforeBeanDiscovery event) {
        ClassLoader application = ToolStartup.class.getClassLoader();
        Thread starter = new Thread(this::start, "essentials-startup");
        starter.setContextClassLoader(application); // JPA finds its provider through the context class loader
        starter.setDaemon(true);
        starter.start();
    }

    private void start() {
        long started = System.nanoTime();
        try {
            settings = SettingsProducer.fromConfig(ConfigProvider.getConfig(ToolStartup.class.getClassLoader()));
            settings.requireStrongOperatorToken(); // a failed start: logged below, readiness DOWN
            clock = Clock.systemUTC();
            new ClientAddress(settings.trustedProxies()); // a wrong TRUSTED_PROXIES stops the start, saying which
            new RateLimit(settings.rateLimitPerSecond());
            // A first start needs new key pairs, a noticeable share of its time: they are generated while the
            // database opens. A restart finds its keys stored and drops them.
            CompletableFuture<RSAKey> toolKeyPair = CompletableFuture.supplyAsync(KeyRing::newKeyPair);
            CompletableFuture<RSAKey> sandboxKeyPair = settings.sandboxEnabled()
                    ? CompletableFuture.supplyAsync(KeyRing::newKeyPair)
                    : CompletableFuture.completedFuture(null);
            database = Database.open(settings.dbUrl(), settings.dbUser(), settings.dbPassword());
            CompletableFuture<KeyRing> sandboxKeysLoaded = settings.sandboxEnabled()
                    ? CompletableFuture.supplyAsync(() -> new KeyRing(database, "sandbox", clock,
                            settings.keyGracePeriod()).load(sandboxKeyPair::join))
                    : CompletableFuture.completedFuture(null);
            toolKeys = new KeyRing(database, "tool", clock, settings.keyGracePeriod(), KEY_REFRESH.plusSeconds(5))
                    .load(toolKeyPair::join);
            registrations = new Registrations(database, clock);
            Registrations.LoadReport report = registrations.loadFiles(settings.ltiConfigDir());
            registrationReport = report;
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
            startHousekeeping();
            LOG.info("event=startup.ready migrations_applied=" + database.migrationsApplied()
                    + " registrations=" + registrations.all().size() + " registration_problems="
                    + report.problems().size() + " registration_files_refused=" + report.refused().size()
                    + " registrations_retired=" + report.retired().size() + " sandbox=" + settings.sandboxEnabled()
                    + " millis=" + (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            startupFailure = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.log(Level.SEVERE, "event=startup.failed reason=" + LogValues.quote(startupFailure), e);
        } finally {
            finished.countDown();
        }
    }

    /**
     * Work that keeps several processes on one database acting as one tool, and the database small: every
     * {@link #KEY_REFRESH} the key ring is read again if another process rotated it (so every process publishes
     * the same key set within that bound, and a new key signs only once every process publishes it); every
     * {@link #PURGE} the records of used login states that have expired are deleted.
     */
    private void startHousekeeping() {
        housekeeping.scheduleWithFixedDelay(() -> quietly("keys.refresh", () -> {
            if (toolKeys.refresh()) {
                LOG.info("event=keys.reloaded active_kid=" + toolKeys.newestKid());
            }
        }), KEY_REFRESH.toSeconds(), KEY_REFRESH.toSeconds(), TimeUnit.SECONDS);
        housekeeping.scheduleWithFixedDelay(() -> quietly("login_states.purge", loginStates::purgeExpired),
                0, PURGE.toSeconds(), TimeUnit.SECONDS);
    }

    /** One failed round (the database briefly away, say) must not end the schedule. */
    private static void quietly(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "event=housekeeping.failed task=" + what, e);
        }
    }

    void close() {
        housekeeping.shutdownNow();
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

    /** The registered platforms' origins once the tool has started, none before. Never waits. */
    public java.util.List<String> platformOrigins() {
        // The latch orders the read after the start's writes.
        return finished.getCount() == 0 && registrations != null ? registrations.platformOrigins()
                : java.util.List.of();
    }

    java.util.Optional<Registrations.LoadReport> registrationReport() {
        return java.util.Optional.ofNullable(registrationReport);
    }

    Database database() {
        return require(() -> database);
    }

    KeyRing toolKeys() {
        return require(() -> toolKeys);
    }

    Registrations registrations() {
        return require(() -> registrations);
    }

    LoginStates loginStates() {
        return require(() -> loginStates);
    }

    LaunchTokens launchTokens() {
        return require(() -> launchTokens);
    }

    LaunchValidator validator() {
        return require(() -> validator);
    }

    SandboxPlatform sandbox() {
        awaitStart();
        return sandbox;
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
