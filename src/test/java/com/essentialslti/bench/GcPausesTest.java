package com.essentialslti.bench;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GcPausesTest {

    // A pause of 20 ms that ended at 16:10:55.891 UTC, as -Xlog:gc:file=...:utctime writes it.
    private static final List<String> LOG = List.of(
            "[2026-11-26T16:10:50.000+0000] Using G1",
            "[2026-11-26T16:10:55.871+0000] GC(38) Pause Young (Normal) (G1 Evacuation Pause)",
            "[2026-11-26T16:10:55.891+0000] GC(38) Pause Young (Normal) (G1 Evacuation Pause) "
                    + "1302M->84M(2048M) 20.000ms");
    private static final long PAUSE_END = Instant.parse("2026-11-26T16:10:55.891Z").toEpochMilli();

    @Test
    void readsOnlyTheLinesThatEndAPause() {
        assertThat(GcPauses.parse(LOG).count()).isEqualTo(1);
    }

    @Test
    void aRequestInFlightDuringThePauseOverlapsIt() {
        assertThat(GcPauses.parse(LOG).overlaps(PAUSE_END + 3, 10_000)).isTrue();
    }

    @Test
    void aRequestThatEndedBeforeThePauseBeganDoesNotOverlapIt() {
        assertThat(GcPauses.parse(LOG).overlaps(PAUSE_END - 25, 4_000)).isFalse();
    }

    @Test
    void aRequestThatStartedAfterThePauseEndedDoesNotOverlapIt() {
        assertThat(GcPauses.parse(LOG).overlaps(PAUSE_END + 12, 8_000)).isFalse();
    }

    @Test
    void pausesWithTimeZoneOffsetsAreReadAsTheSameInstant() {
        GcPauses local = GcPauses.parse(List.of(
                "[2026-11-26T17:10:55.891+0100] GC(38) Pause Young (Normal) (G1 Evacuation Pause) "
                        + "1302M->84M(2048M) 20.000ms"));

        assertThat(local.overlaps(PAUSE_END, 1_000)).isTrue();
    }
}
