package com.essentialslti.bench;

import com.essentialslti.testing.Browser;
import com.essentialslti.testing.SelfAssessor;

import java.nio.file.Files;
import java.time.Duration;

/**
 * Learners taking the competency self-assessment against the uber jar (started with the README's options), 8 at a
 * time, each reading every area's page for 0.3 s before saving it: launch, start, every area shown and rated,
 * review, submit, result. Prints the server time (p50/p95/p99, read from the tool's access log) of the pages (GET)
 * and of the saves (POST), against the targets: pages p99 at most 20 ms, saves p99 at most 50 ms.
 *
 * <pre>mvn -q -DskipTests package && mvn -q exec:java@self-assessment-benchmark -Dbench.assessments=160</pre>
 */
public final class SelfAssessmentBenchmark {

    public static void main(String[] args) throws Exception {
        int assessments = Integer.getInteger("bench.assessments", 160);
        // Without reading time, to let the JIT compile the self-assessment's code before the measured learners.
        int warmup = Integer.getInteger("bench.warmup", 400);
        int concurrency = Integer.getInteger("bench.concurrency", 8);
        Duration reading = Duration.ofMillis(Long.getLong("bench.readingMillis", 300));
        try (SelfAssessmentTool tool = SelfAssessmentTool.start("self-assessment-benchmark")) {
            SelfAssessmentTool.concurrently("warm-up", warmup, concurrency,
                    i -> takeIt(tool, "bench-warm-" + i, Duration.ZERO));
            long logFrom = Files.size(tool.log);
            SelfAssessmentTool.concurrently("measured (" + concurrency + " learners, " + reading.toMillis()
                    + " ms a page)", assessments, concurrency, i -> takeIt(tool, "bench-learner-" + i, reading));
            GcPauses gc = GcPauses.read(tool.gcLog);
            ServerTimes.read(tool.log, logFrom, "/self-assessment", (method, path) -> method + " "
                    + ServerTimes.page(path)).print(gc);
            ServerTimes both = ServerTimes.read(tool.log, logFrom, "/self-assessment",
                    (method, path) -> "GET".equals(method) ? "pages" : "saves");
            both.print(gc);
            System.out.printf("pages p99 %.2f ms (target at most 20 ms); saves p99 %.2f ms (target at most 50 ms)%n",
                    ServerTimes.pct(both.sorted("pages"), 99), ServerTimes.pct(both.sorted("saves"), 99));
        }
    }

    /** One learner from launch to result; ratings vary with the competency, as a person's would. */
    private static boolean takeIt(SelfAssessmentTool tool, String user, Duration reading) {
        SelfAssessmentTool.Member learner = tool.learner(user);
        SelfAssessor assessor = new SelfAssessor(learner.browser(), tool.tool.baseUrl, learner.session())
                .reading(reading);
        Browser.Page result = assessor.takeIt(key -> 1 + Math.floorMod(
                (user + key).hashCode(), 4));
        return result.status() == 200;
    }

    private SelfAssessmentBenchmark() {
    }
}
