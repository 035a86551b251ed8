package com.essentialslti.lti.registration;

import com.essentialslti.infra.Database;
import com.essentialslti.infra.LogValues;
import com.essentialslti.infra.Settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The platforms the tool trusts. Registrations come from the operator's JSON files and are stored in the database;
 * launches look them up in a snapshot held in memory, refreshed whenever the files are read again.
 */
public final class Registrations {

    private static final Logger LOG = Logger.getLogger(Registrations.class.getName());
    static final long MAX_FILE_BYTES = 64 * 1024;

    private final Database database;
    private final Clock clock;
    private volatile Map<String, List<Registration>> byIssuer = Map.of();
    private volatile Map<String, Registration> byId = Map.of();
    private volatile List<String> platformOrigins = List.of();

    public Registrations(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * What reading the files did: the registrations stored; per bad file, why it was refused (the files refused,
     * once each); and the registrations retired because their file is gone.
     */
    public record LoadReport(List<String> loaded, List<String> problems, List<String> refused, List<String> retired) {
    }

    /**
     * Reads every {@code *.json} in {@code <configDir>/platforms}. A bad file is reported and skipped; the others
     * load. A registration whose file is no longer there is retired (a bad file still counts as there: a typo must
     * not end a platform's launches). Reading the same files again changes nothing.
     */
    public LoadReport loadFiles(Path configDir) {
        Path dir = configDir.resolve("platforms");
        List<String> loaded = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> refused = new LinkedHashSet<>();
        Set<String> present = new HashSet<>();
        boolean listed = !Files.isDirectory(dir); // no directory: no file, every file registration is gone
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
                List<Path> sorted = new ArrayList<>();
                files.forEach(sorted::add);
                sorted.sort(null);
                listed = true;
                for (Path file : sorted) {
                    String source = Registration.FILE_SOURCES + file.getFileName();
                    present.add(source);
                    try {
                        if (Files.size(file) > MAX_FILE_BYTES) {
                            throw new RegistrationFile.Invalid(source, List.of("larger than 64 KiB"));
                        }
                        RegistrationFile parsed = RegistrationFile.parse(source,
                                Files.readString(file, StandardCharsets.UTF_8));
                        save(parsed);
                        loaded.add(source);
                    } catch (RegistrationFile.Invalid e) {
                        problems.addAll(e.problems().stream().map(p -> source + ": " + p).toList());
                        refused.add(source);
                    } catch (IOException | RuntimeException e) {
                        problems.add(source + ": cannot be read or stored (" + e.getClass().getSimpleName() + ")");
                        refused.add(source);
                    }
                }
            } catch (IOException e) {
                problems.add(dir + ": cannot list the directory (" + e.getMessage() + ")");
            }
        } else {
            problems.add(dir + ": no such directory, so no platform is registered from files");
        }
        problems.forEach(p -> LOG.warning("event=registration.file.refused problem=" + LogValues.quote(p)));
        loaded.forEach(s -> LOG.info("event=registration.file.loaded source=" + LogValues.quote(s)));
        // A directory that could not be listed says nothing about which files are gone.
        List<String> retired = listed ? retireThoseWithoutFile(present) : List.of();
        refresh();
        return new LoadReport(loaded, problems, List.copyOf(refused), retired);
    }

    /**
     * Retires the file registrations whose file is not among {@code present}; returns their sources. Their rows
     * stay (see {@link Registration#retire}); grading parks their waiting scores.
     */
    private List<String> retireThoseWithoutFile(Set<String> present) {
        List<Registration> retired = database.transaction(em -> {
            List<Registration> gone = em.createQuery("SELECT r FROM Registration r", Registration.class)
                    .getResultStream()
                    .filter(r -> r.fromFile() && !r.retired() && !present.contains(r.source()))
                    .toList();
            gone.forEach(r -> r.retire(clock.instant()));
            return gone;
        });
        retired.forEach(r -> LOG.warning("event=registration.retired issuer=" + LogValues.quote(r.issuer())
                + " client_id=" + LogValues.quote(r.clientId()) + " source=" + LogValues.quote(r.source())
                + " reason=\"file gone\""));
        return retired.stream().map(Registration::source).toList();
    }

    /** Stores one registration (insert or update by issuer and client_id). */
    public Registration save(RegistrationFile file) {
        Registration saved = database.transaction(em -> {
            List<Registration> existing = em.createQuery(
                            "SELECT r FROM Registration r WHERE r.issuer = :issuer AND r.clientId = :clientId",
                            Registration.class)
                    .setParameter("issuer", file.issuer())
                    .setParameter("clientId", file.clientId())
                    .getResultList();
            if (existing.isEmpty()) {
                Registration created = new Registration(file, clock.instant());
                em.persist(created);
                return created;
            }
            existing.get(0).update(file, clock.instant());
            return existing.get(0);
        });
        refresh();
        return saved;
    }

    /** Re-reads the snapshot from the database. */
    public void refresh() {
        List<Registration> all = database.read(em ->
                em.createQuery("SELECT r FROM Registration r", Registration.class).getResultList());
        byIssuer = all.stream().collect(Collectors.groupingBy(Registration::issuer));
        byId = all.stream().collect(Collectors.toMap(Registration::id, Function.identity()));
        platformOrigins = all.stream().filter(r -> !r.retired()).flatMap(Registrations::framingUrls)
                .map(Registrations::origin).flatMap(Optional::stream).distinct().sorted().toList();
    }

    /**
     * The origins of the platforms in service (issuer, login URL and service hosts of each), the sites that may show the tool in
     * their frames. A new list each time the registrations change, the same list until then: a caller may keep
     * what it derived from it until the list it gets is another.
     */
    public List<String> platformOrigins() {
        return platformOrigins;
    }

    /**
     * Where a platform's pages may come from: its issuer, its login URL, and the hosts it serves its courses from
     * (service_hosts: a Canvas school's own host frames the tool, not canvas.instructure.com).
     */
    private static java.util.stream.Stream<String> framingUrls(Registration registration) {
        return java.util.stream.Stream.concat(
                java.util.stream.Stream.of(registration.issuer(), registration.authLoginUrl().toString()),
                registration.serviceHosts().stream().map(host -> "https://" + host));
    }

    /** The origin of a URL as {@link Settings#origin} writes it; empty when the text has no scheme and host. */
    static Optional<String> origin(String url) {
        try {
            java.net.URI uri = new java.net.URI(url);
            return uri.getScheme() == null || uri.getHost() == null ? Optional.empty()
                    : Optional.of(Settings.origin(uri));
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    public List<Registration> forIssuer(String issuer) {
        return byIssuer.getOrDefault(issuer, List.of());
    }

    public Optional<Registration> find(String issuer, String clientId) {
        return forIssuer(issuer).stream().filter(r -> r.clientId().equals(clientId)).findFirst();
    }

    public Optional<Registration> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<Registration> all() {
        return List.copyOf(byId.values());
    }

    /** Records a launch from a deployment the operator has not configured, so the operator can review it. */
    public void recordUnknownDeployment(Registration registration, String deploymentId) {
        database.transactionRetryingOnce(em -> {
            List<UnknownDeployment> seen = em.createQuery(
                            "SELECT u FROM UnknownDeployment u WHERE u.registrationId = :r AND u.deploymentId = :d",
                            UnknownDeployment.class)
                    .setParameter("r", registration.id())
                    .setParameter("d", deploymentId)
                    .getResultList();
            if (seen.isEmpty()) {
                em.persist(new UnknownDeployment(registration.id(), deploymentId, clock.instant()));
            } else {
                seen.get(0).seenAgain(clock.instant());
            }
            return null;
        });
        LOG.warning("event=deployment.unknown issuer=" + LogValues.quote(registration.issuer()) + " client_id="
                + LogValues.quote(registration.clientId()) + " deployment_id=" + LogValues.quote(deploymentId));
    }

    /** The unknown deployments the operator has not configured since, most recently seen first (at most 500). */
    public List<UnknownDeployment> unknownDeployments() {
        return database.read(em -> em.createQuery("SELECT u FROM UnknownDeployment u WHERE " + NOT_CONFIGURED
                        + " ORDER BY u.lastSeen DESC", UnknownDeployment.class)
                .setMaxResults(500)
                .getResultList());
    }

    /** How many unknown deployments the operator has not configured since: one count query, for the start page. */
    public long unknownDeploymentCount() {
        return database.read(em -> em.createQuery(
                "SELECT COUNT(u) FROM UnknownDeployment u WHERE " + NOT_CONFIGURED, Long.class).getSingleResult());
    }

    /** An unknown deployment stops being one once a registration file lists it. */
    private static final String NOT_CONFIGURED = "NOT EXISTS (SELECT d FROM Deployment d "
            + "WHERE d.registration.id = u.registrationId AND d.deploymentId = u.deploymentId)";
}
