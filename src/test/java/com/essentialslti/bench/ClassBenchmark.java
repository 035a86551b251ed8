package com.essentialslti.bench;

import com.essentialslti.selfassessment.framework.Competency;
import com.essentialslti.selfassessment.framework.DefaultFramework;
import com.essentialslti.testing.Browser;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The trainer's class view of a large class against the uber jar (started with the README's options): seeds the
 * class through real launches and POSTs (500 learners with 3 snapshots of the shipped framework's 43
 * competencies), then prints the class view's server time (p50/p95/p99 of 200 requests, from the tool's access
 * log) against the target of 150 ms at p99, and how the CSV export streams: when its first bytes arrive
 * against its last, and the tool's live heap (after a full GC, by jcmd) before the export and in its middle,
 * while the client holds the rest back.
 *
 * <pre>mvn -q -DskipTests package && mvn -q exec:java@class-benchmark -Dbench.learners=500 -Dbench.snapshots=3</pre>
 */
public final class ClassBenchmark {

    static final String FORM = "application/x-www-form-urlencoded";
    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");

    public static void main(String[] args) throws Exception {
        int learners = Integer.getInteger("bench.learners", 500);
        int snapshots = Integer.getInteger("bench.snapshots", 3);
        int requests = Integer.getInteger("bench.requests", 200);
        int warmup = Integer.getInteger("bench.warmup", 100);
        List<String> keys = DefaultFramework.content().inUse().stream().map(Competency::key).toList();
        try (SelfAssessmentTool tool = SelfAssessmentTool.start("class-benchmark")) {
            String base = tool.tool.baseUrl;
            SelfAssessmentTool.concurrently("seeding " + learners + " learners x " + snapshots + " snapshots",
                    learners, 8, i -> seed(tool, "bench-class-" + i, snapshots, keys, new Random(i)));
            SelfAssessmentTool.Member trainer = tool.trainer("bench-trainer");
            String classView = base + "/self-assessment/class?s=" + trainer.session();
            Browser.Page first = trainer.browser().get(classView);
            System.out.printf("class view: status %d, %d KB, %d learners' rows%n", first.status(),
                    first.body().length() / 1024, first.document().select("table.class-table tbody tr").size());
            for (int i = 0; i < warmup; i++) {
                trainer.browser().get(classView);
            }
            long logFrom = Files.size(tool.log);
            long started = System.nanoTime();
            for (int i = 0; i < requests; i++) {
                trainer.browser().get(classView);
            }
            System.out.printf("class view: %d requests in %.1f s (one at a time)%n", requests,
                    (System.nanoTime() - started) / 1e9);
            ServerTimes times = ServerTimes.read(tool.log, logFrom, "/self-assessment/class",
                    (method, path) -> method + " " + path.replaceFirst("\\?.*", ""));
            times.print(GcPauses.read(tool.gcLog));
            System.out.printf("class view p99 %.2f ms (target at most 150 ms)%n",
                    ServerTimes.pct(times.sorted("GET /self-assessment/class"), 99));
            csv(tool, base + "/self-assessment/class.csv?s=" + trainer.session());
        }
    }

    /** A learner's launch and snapshots, each rated in one save (the page's autosave) and submitted. */
    private static boolean seed(SelfAssessmentTool tool, String user, int snapshots, List<String> keys,
                                Random random) {
        SelfAssessmentTool.Member learner = tool.learner(user);
        String base = tool.tool.baseUrl;
        for (int n = 0; n < snapshots; n++) {
            Browser.Page started = learner.browser().postRaw(base + "/self-assessment/start", FORM,
                    "s=" + learner.session());
            String area = URI.create(started.location().orElseThrow(() -> new IllegalStateException(
                    "start answered " + started.status()))).getPath();
            StringBuilder ratings = new StringBuilder("s=" + learner.session() + "&go=autosave");
            for (String key : keys) {
                ratings.append("&level.").append(key).append('=').append(1 + random.nextInt(4));
            }
            if (learner.browser().postRaw(base + area, FORM, ratings.toString()).status() != 204) {
                return false;
            }
            String submit = area.replaceFirst("/area/\\d+$", "/submit");
            if (learner.browser().postRaw(base + submit, FORM, "s=" + learner.session()).status() != 303) {
                return false;
            }
        }
        return true;
    }

    /** The export read whole, then read slowly with the tool's live heap measured in its middle. */
    private static void csv(SelfAssessmentTool tool, String url) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2)).build();
        for (int round = 0; round < 3; round++) { // the first rounds warm the export's code up
            long started = System.nanoTime();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            long bytes = 0;
            long firstByte = 0;
            long lines = 0;
            byte[] buffer = new byte[64 * 1024];
            try (InputStream body = response.body()) {
                int read;
                while ((read = body.read(buffer)) > 0) {
                    if (bytes == 0) {
                        firstByte = System.nanoTime();
                    }
                    for (int i = 0; i < read; i++) {
                        if (buffer[i] == '\n') {
                            lines++;
                        }
                    }
                    bytes += read;
                }
            }
            long ended = System.nanoTime();
            System.out.printf("csv export %d: status %d, %.1f MB, %d lines; first bytes after %.0f ms, last after "
                    + "%.0f ms%n", round + 1, response.statusCode(), bytes / 1e6, lines,
                    (firstByte - started) / 1e6, (ended - started) / 1e6);
        }
        long before = liveHeapKb(tool);
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            byte[] start = body.readNBytes(256 * 1024);
            Thread.sleep(1000); // the tool writes until the connection's buffers are full, then waits
            long during = liveHeapKb(tool);
            long rest = body.transferTo(java.io.OutputStream.nullOutputStream());
            System.out.printf("csv export's live heap: %.1f MB before, %.1f MB with %.1f MB of %.1f MB read "
                    + "(growth %.1f MB)%n", before / 1024.0, during / 1024.0, start.length / 1e6,
                    (start.length + rest) / 1e6, (during - before) / 1024.0);
        }
    }

    /** The tool's heap in use after a full collection, in KB. */
    private static long liveHeapKb(SelfAssessmentTool tool) throws Exception {
        jcmd(tool, "GC.run");
        String info = jcmd(tool, "GC.heap_info");
        Matcher used = HEAP_USED.matcher(info);
        if (!used.find()) {
            throw new IllegalStateException("jcmd GC.heap_info said: " + info);
        }
        return Long.parseLong(used.group(1));
    }

    private static String jcmd(SelfAssessmentTool tool, String command) throws Exception {
        Process jcmd = new ProcessBuilder(System.getProperty("java.home") + "/bin/jcmd",
                String.valueOf(tool.tool.pid()), command).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        jcmd.waitFor();
        return out;
    }

    private ClassBenchmark() {
    }
}
