package com.essentialslti.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tool's stop-the-world pauses, read from its GC log ({@code -Xlog:gc:file=...:utctime}), so that a benchmark can
 * tell which slow requests waited for the collector: every request in flight during a pause is slower by it.
 */
final class GcPauses {

    /** The JVM option that writes the log this class reads. */
    static String logOption(Path file) {
        return "-Xlog:gc:file=" + file + ":utctime";
    }

    // [2026-11-26T16:10:55.891+0000] GC(38) Pause Young (Normal) (G1 Evacuation Pause) 1302M->84M(2048M) 15.998ms
    private static final Pattern PAUSE = Pattern.compile("^\\[([^\\]]+)\\] GC\\(\\d+\\) Pause .* ([\\d.]+)ms$");
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private record Pause(double fromMillis, double toMillis) {
    }

    private final List<Pause> pauses;

    private GcPauses(List<Pause> pauses) {
        this.pauses = pauses;
    }

    static GcPauses read(Path log) throws IOException {
        return parse(Files.exists(log) ? Files.readAllLines(log) : List.of());
    }

    /** The log line's time is when the pause ended. */
    static GcPauses parse(List<String> lines) {
        List<Pause> pauses = new ArrayList<>();
        for (String line : lines) {
            Matcher m = PAUSE.matcher(line.strip());
            if (m.matches()) {
                double end = OffsetDateTime.parse(m.group(1), UTC_TIME).toInstant().toEpochMilli();
                pauses.add(new Pause(end - Double.parseDouble(m.group(2)), end));
            }
        }
        return new GcPauses(pauses);
    }

    int count() {
        return pauses.size();
    }

    /**
     * Whether a request that ended at {@code endMillis} after {@code micros} overlapped a pause. The access log's
     * time has millisecond resolution and the pause's end is rounded to it too, so one millisecond either side counts.
     */
    boolean overlaps(long endMillis, long micros) {
        double start = endMillis - micros / 1e3;
        return pauses.stream().anyMatch(p -> p.fromMillis() <= endMillis + 1 && p.toMillis() >= start - 1);
    }
}
