package com.essentialslti.lti.session;

import com.essentialslti.infra.Database;
import jakarta.persistence.PersistenceException;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Issues and checks the single-use, short-lived state and nonce of a login (1EdTech Security Framework §5.1.1:
 * the tool binds state and nonce to the login it started). The state is the login sealed with the tool's secret,
 * not a row: a login writes nothing, so anonymous requests cannot fill the database, and a restart or another
 * process on the same database between login and launch still knows it. The one write is the record of its use,
 * made at the launch after the platform's signature was verified.
 */
public final class LoginStates {

    /** Long enough for a slow user agent, short enough that a stolen state is worthless. */
    public static final Duration TTL = Duration.ofMinutes(5);
    static final String SECRET_NAME = "login-state-hmac";
    private static final String FORMAT = "s1";
    private static final int FIELDS = 9;
    /** Above the longest state a login can make: six fields of at most 4096 characters, base64url-encoded. */
    public static final int MAX_STATE_LENGTH = 36 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database database;
    private final Clock clock;
    private final Seal seal;

    public LoginStates(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.seal = new Seal(database, SECRET_NAME, clock);
    }

    public LoginState issue(LoginRequest login) {
        String id = random();
        Instant expires = clock.instant().plus(TTL);
        String state = seal.seal(List.of(FORMAT, id, Long.toString(expires.getEpochSecond()), login.registrationId(),
                orEmpty(login.loginHint()), orEmpty(login.messageHint()), orEmpty(login.targetLinkUri()),
                orEmpty(login.deploymentHint()), orEmpty(login.storageTarget())));
        return new LoginState(id, state, nonce(id), login, expires);
    }

    /** The login a state stands for, expired or not, or empty when this tool did not issue it. */
    public Optional<LoginState> find(String state) {
        return seal.open(state, FIELDS, MAX_STATE_LENGTH).filter(f -> FORMAT.equals(f.get(0))).flatMap(f -> {
            try {
                Instant expires = Instant.ofEpochSecond(Long.parseLong(f.get(2)));
                LoginRequest login = new LoginRequest(f.get(3), f.get(4), orNull(f.get(5)), f.get(6), orNull(f.get(7)),
                        orNull(f.get(8)));
                return Optional.of(new LoginState(f.get(1), state, nonce(f.get(1)), login, expires));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * Records that the state served its launch. Returns false when it was used before (by this process or another
     * on the same database), or has expired: the insert of its id is the check, so two concurrent launches with one
     * state cannot both pass.
     */
    public boolean consume(LoginState state) {
        if (state.expiredAt(clock.instant())) {
            return false;
        }
        // Losable on the embedded database: a crash within half a second of this launch could forget the use, but
        // replaying the id_token would still need this browser's state cookie (or platform storage) and a token
        // younger than 60 s, with the tool restarted in between.
        try {
            return database.losableTransaction(em -> {
                em.persist(new UsedLoginState(state));
                return true;
            });
        } catch (PersistenceException refused) {
            if (used(state)) {
                return false; // the primary key refused a second use
            }
            throw refused;
        }
    }

    /** Whether the state served a launch already (a read; the launch itself relies on {@link #consume}). */
    public boolean used(LoginState state) {
        return database.read(em -> em.find(UsedLoginState.class, state.id())) != null;
    }

    /** Forgets the uses of states that have expired: such a state is refused on its expiry alone. */
    public int purgeExpired() {
        long cutoff = clock.instant().toEpochMilli();
        return database.losableTransaction(em -> em.createQuery(
                        "DELETE FROM UsedLoginState u WHERE u.expiresAt < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate());
    }

    /**
     * The value the tool's launch page posts back with the state it read from the platform's storage: only a page
     * the tool served for this state knows it (see {@code LaunchResource}).
     */
    public String storageCheck(LoginState state) {
        return seal.derive("storage-repost", state.id());
    }

    public boolean storageCheckMatches(LoginState state, String check) {
        return check != null && java.security.MessageDigest.isEqual(
                storageCheck(state).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                check.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private String nonce(String id) {
        return seal.derive("nonce", id);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String orNull(String value) {
        return value.isEmpty() ? null : value;
    }

    static String random() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
