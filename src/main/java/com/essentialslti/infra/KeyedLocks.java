package com.essentialslti.infra;

import java.util.Arrays;

/**
 * Monitors chosen by key, for work that must not run twice at once in this process for one key (a link's line item
 * lookup, the confirmation of one import, the seeding of one bank). A fixed set shared by keys of the same hash:
 * two keys may wait for each other, which costs a little time and never correctness, and the set does not grow
 * with the keys it has seen.
 */
public final class KeyedLocks {

    private final Object[] locks;

    public KeyedLocks(int count) {
        locks = new Object[count];
        Arrays.setAll(locks, i -> new Object());
    }

    /** The monitor to synchronize on for {@code key}: always the same one for the same key. */
    public Object of(String key) {
        return locks[Math.floorMod(key.hashCode(), locks.length)];
    }
}
