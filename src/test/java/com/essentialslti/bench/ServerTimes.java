package com.essentialslti.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server time of a benchmark's requests, read from the tool's access log (its {@code event=http} lines): by
 * kind of request, p50/p95/p99 and the maximum, and how much of each tail the garbage collector's pauses explain.
 */
final class ServerTimes {

    /** A request from the access log: its server time, and when it ended (0 when the log line has no time). */
    record Served(long micros, long endMillis) {
    }

    private final Map<String, List<Served>> byKind;

    private ServerTimes(Map<String, List<Served>> byKind) {
        this.byKind = byKind;
    }

    /**
     * The requests logged after {@code from} (a byte offset) whose path starts with {@code pathPrefix}, by kind:
     * "all", and what {@code kind} makes of the method and the path.
     */
    static ServerTimes read(Path log, long from, String pathPrefix, BiFunction<String, String, String> kind)
            throws java.io.IOException {
        Pattern access = Pattern.compile("(?:timeMillis: (\\d+)\\].*)?event=http .*method=\"?(\\w+)\"? path=\"?("
                + Pattern.quote(pathPrefix) + "[^\"\\s]*)\"? status=(\\d+) micros=(\\d+)"); // the log quotes what
        // the request controls
        String text = Files.readString(log).substring((int) from);
        Map<String, List<Served>> byKind = new TreeMap<>();
        Matcher m = access.matcher(text);
        while (m.find()) {
            Served served = new Served(Long.parseLong(m.group(5)), m.group(1) == null ? 0 : Long.parseLong(m.group(1)));
            byKind.computeIfAbsent("all", k -> new ArrayList<>()).add(served);
            byKind.computeIfAbsent(kind.apply(m.group(2), m.group(3)), k -> new ArrayList<>()).add(served);
        }
        return new ServerTimes(byKind);
    }

    /** The sorted server times (microseconds) of one kind; empty when there was none. */
    long[] sorted(String kind) {
        return byKind.getOrDefault(kind, List.of()).stream().mapToLong(Served::micros).sorted().toArray();
    }

    /** Prints each kind's percentiles, then the share of each tail that overlapped a GC pause. */
    void print(GcPauses gc) {
        byKind.forEach((kind, requests) -> {
            long[] sorted = sorted(kind);
            System.out.printf("server time, %-14s (%6d requests): p50 %6.2f ms, p95 %6.2f ms, p99 %6.2f ms, "
                    + "max %6.2f ms%n", kind, sorted.length, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99),
                    sorted[sorted.length - 1] / 1e3);
        });
        pauseShares(gc);
    }

    /**
     * How much of each kind's tail the garbage collector explains: of the requests slower than the p99, how many
     * overlapped a stop-the-world pause, and the p99 of the requests that overlapped none.
     */
    private void pauseShares(GcPauses gc) {
        if (gc.count() == 0 || byKind.values().stream().flatMap(List::stream).anyMatch(r -> r.endMillis() == 0)) {
            return;
        }
        byKind.forEach((kind, requests) -> {
            long p99 = Math.round(pct(sorted(kind), 99) * 1e3);
            List<Served> tail = requests.stream().filter(r -> r.micros() > p99).toList();
            long tailInPauses = tail.stream().filter(r -> gc.overlaps(r.endMillis(), r.micros())).count();
            long[] outsidePauses = requests.stream().filter(r -> !gc.overlaps(r.endMillis(), r.micros()))
                    .mapToLong(Served::micros).sorted().toArray();
            System.out.printf("gc pauses, %-14s: %d of the %d slower than p99 overlapped one; p99 of the %d that "
                    + "overlapped none %6.2f ms%n", kind, tailInPauses, tail.size(), outsidePauses.length,
                    pct(outsidePauses, 99));
        });
    }

    /** The percentile of sorted microseconds, in milliseconds (0 for none). */
    static double pct(long[] sortedMicros, int percentile) {
        if (sortedMicros.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sortedMicros.length) - 1;
        return sortedMicros[Math.max(0, index)] / 1e3;
    }

    /** The page a path of an activity belongs to: its last segment, or the one before a number ("area/3"). */
    static String page(String path) {
        String withoutQuery = path.replaceFirst("\\?.*", "");
        String[] parts = withoutQuery.split("/");
        if (parts.length <= 2) {
            return "overview";
        }
        return parts[parts.length - 1].matches("\\d+") ? parts[parts.length - 2] : parts[parts.length - 1];
    }
}
