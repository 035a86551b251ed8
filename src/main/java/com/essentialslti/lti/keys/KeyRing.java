package com.essentialslti.lti.keys;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.essentialslti.infra.Database;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The key pairs of one signing party ("tool" or "sandbox"), kept in the database: generated at first start,
 * rotated on request, retired keys published until their grace period ends.
 */
public final class KeyRing {

    private final Database database;
    private final String purpose;
    private final Clock clock;
    private final Duration gracePeriod;
    private final Duration publishedBeforeSigning;
    private volatile List<ToolKey> keys;

    public KeyRing(Database database, String purpose, Clock clock, Duration gracePeriod) {
        this(database, purpose, clock, gracePeriod, Duration.ZERO);
    }

    /**
     * @param publishedBeforeSigning how long a new key is only published before it signs: long enough for every
     *                               other process on the database to publish it too ({@code ToolStartup.KEY_REFRESH}
     *                               and a margin), so that a platform fetching the key set from any of them finds
     *                               the key that signed
     */
    public KeyRing(Database database, String purpose, Clock clock, Duration gracePeriod,
                   Duration publishedBeforeSigning) {
        this.database = database;
        this.purpose = purpose;
        this.clock = clock;
        this.gracePeriod = gracePeriod;
        this.publishedBeforeSigning = publishedBeforeSigning;
    }

    /** Loads the keys, generating the first pair if there is none yet. */
    public KeyRing load() {
        return load(ToolKey::newKeyPair);
    }

    /**
     * Loads the keys; the first pair comes from {@code firstKeyPair}, which is asked only when none is stored (so
     * that a first start can generate it while the database opens).
     */
    public KeyRing load(Supplier<RSAKey> firstKeyPair) {
        keys = database.transaction(em -> {
            List<ToolKey> stored = em.createQuery(
                            "SELECT k FROM ToolKey k WHERE k.purpose = :purpose ORDER BY k.createdAt", ToolKey.class)
                    .setParameter("purpose", purpose)
                    .getResultList();
            if (stored.stream().noneMatch(ToolKey::active)) {
                em.persist(ToolKey.of(purpose, firstKeyPair.get(), clock.instant()));
                return em.createQuery(
                                "SELECT k FROM ToolKey k WHERE k.purpose = :purpose ORDER BY k.createdAt", ToolKey.class)
                        .setParameter("purpose", purpose)
                        .getResultList();
            }
            return stored;
        });
        return this;
    }

    /**
     * Reads the keys again when another process (on the same database) rotated them: the kids, statuses and
     * retirement times of the stored keys differ from the ones held. A cheap query that loads no key material
     * unless something changed. Returns true when the ring changed.
     */
    public boolean refresh() {
        List<String> stored = database.read(em -> em.createQuery(
                        "SELECT k.kid, k.status FROM ToolKey k WHERE k.purpose = :purpose ORDER BY k.createdAt",
                        Object[].class)
                .setParameter("purpose", purpose)
                .getResultList()).stream().map(row -> row[0] + ":" + row[1]).toList();
        if (stored.equals(fingerprint())) {
            return false;
        }
        keys = database.read(em -> em.createQuery(
                        "SELECT k FROM ToolKey k WHERE k.purpose = :purpose ORDER BY k.createdAt", ToolKey.class)
                .setParameter("purpose", purpose)
                .getResultList());
        return true;
    }

    private List<String> fingerprint() {
        List<ToolKey> held = keys;
        return held == null ? List.of() : held.stream().map(k -> k.kid() + ":" + k.status()).toList();
    }

    /** Retires the active key and makes a new one active. Returns the new key's kid. */
    public String rotate() {
        ToolKey fresh = ToolKey.generate(purpose, clock.instant());
        database.transact(em -> {
            em.createQuery("SELECT k FROM ToolKey k WHERE k.purpose = :purpose AND k.status = :active", ToolKey.class)
                    .setParameter("purpose", purpose)
                    .setParameter("active", ToolKey.Status.ACTIVE)
                    .getResultList()
                    .forEach(k -> k.retire(clock.instant()));
            em.persist(fresh);
        });
        load();
        return fresh.kid();
    }

    /** A key pair for {@link #load(Supplier)}: RSA 2048 with a fresh kid, for RS256 signatures. */
    public static RSAKey newKeyPair() {
        return ToolKey.newKeyPair();
    }

    public boolean loaded() {
        return keys != null && keys.stream().anyMatch(ToolKey::active);
    }

    /**
     * The key that signs now: the newest published key that has been published long enough (see the constructor),
     * so for a short while after a rotation the retired key, still published in its grace period, signs on; the
     * newest active key when no key is that old (the first start).
     */
    public RSAKey signingKey() {
        Instant now = clock.instant();
        Instant publishedSince = now.minus(publishedBeforeSigning);
        List<ToolKey> held = keys;
        return held.stream()
                .filter(k -> k.publishedAt(now, gracePeriod) && !k.createdAt().isAfter(publishedSince))
                .reduce((first, second) -> second)
                .or(() -> held.stream().filter(ToolKey::active).reduce((first, second) -> second))
                .orElseThrow(() -> new IllegalStateException("no active " + purpose + " key"))
                .rsaKey();
    }

    /** The newest key, the one that signs once published long enough. */
    public String newestKid() {
        return keys.stream().filter(ToolKey::active).reduce((first, second) -> second)
                .orElseThrow(() -> new IllegalStateException("no active " + purpose + " key")).kid();
    }

    /** The public keys to publish: the active one and retired ones still in their grace period. */
    public JWKSet publicKeySet() {
        return new JWKSet(keys.stream()
                .filter(k -> k.publishedAt(clock.instant(), gracePeriod))
                .map(k -> (com.nimbusds.jose.jwk.JWK) k.publicKey())
                .toList());
    }
}
