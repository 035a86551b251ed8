package com.essentialslti.infra;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** One key always gets one monitor; the set of monitors stays the size it was given. */
class KeyedLocksTest {

    @Test
    void oneKeyAlwaysGetsTheSameMonitor() {
        KeyedLocks locks = new KeyedLocks(16);
        assertThat(locks.of("link-1")).isSameAs(locks.of(new String("link-1")));
    }

    @Test
    void manyKeysShareTheGivenNumberOfMonitors() {
        KeyedLocks locks = new KeyedLocks(4);
        Set<Object> seen = new HashSet<>();
        IntStream.range(0, 1000).forEach(i -> seen.add(locks.of("key-" + i)));
        assertThat(seen).hasSize(4);
    }
}
