package com.essentialslti.lti.session;

import com.essentialslti.infra.Database;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The single-use, short-lived state and nonce store (1EdTech Security Framework §5.1.1: the tool binds state and
 * nonce to the login it started). Kept in the database so that a restart between login and launch loses nothing.
 */
public final class LoginStates {

    /** Long enough for a slow user agent, short enough that a stolen state is worthless. */
    public static final Duration TTL = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database database;
    private final Clock clock;

    public LoginStates(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public LoginState issue(LoginRequest login) {
        Instant now = clock.instant();
        LoginState state = new LoginState(random(), random(), login, now, now.plus(TTL));
        database.losableTransaction(em -> {
            em.persist(state);
            return null;
        });
        return state;
    }

    public Optional<LoginState> find(String state) {
        if (state == null || state.length() > 64) {
            return Optional.empty();
        }
        return Optional.ofNullable(database.read(em -> em.find(LoginState.class, state)));
    }

    /**
     * Marks the state used. Returns false when another request used it first: the conditional update makes the
     * check and the mark one step, so two concurrent launches with one state cannot both pass.
     */
    public boolean consume(String state) {
        Instant now = clock.instant();
        // Losable on the embedded database: a crash within half a second of this launch could forget the mark,
        // but replaying the id_token would still need this browser's state cookie (or platform storage) and a
        // token younger than 60 s, with the tool restarted in between.
        int updated = database.losableTransaction(em -> em.createQuery(
                        "UPDATE LoginState s SET s.usedAt = :now WHERE s.state = :state AND s.usedAt IS NULL AND s.expiresAt > :now")
                .setParameter("now", now.toEpochMilli())
                .setParameter("state", state)
                .executeUpdate());
        return updated == 1;
    }

    /** Deletes states that expired more than a day ago; their nonces can no longer match a valid token. */
    public int purgeExpired() {
        long cutoff = clock.instant().minus(Duration.ofDays(1)).toEpochMilli();
        return database.losableTransaction(em -> em.createQuery("DELETE FROM LoginState s WHERE s.expiresAt < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate());
    }

    static String random() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
