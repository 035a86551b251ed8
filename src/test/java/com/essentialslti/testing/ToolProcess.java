package com.essentialslti.testing;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The tool's uber jar started as its own process, as an operator starts it, on a chosen port, data directory and
 * configuration directory. Reads its CPU time from /proc so a benchmark can charge the tool alone.
 */
public final class ToolProcess implements AutoCloseable {

    private final Process process;
    public final String baseUrl;
    public final long readyMillis;

    private ToolProcess(Process process, String baseUrl, long readyMillis) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.readyMillis = readyMillis;
    }

    public static ToolProcess start(Path jar, int port, Path dataDir, Path configDir, Path log, Map<String, String> env)
            throws IOException, InterruptedException {
        return start(jar, List.of(), List.of(), port, dataDir, configDir, log, env);
    }

    /**
     * Starts the jar as the README's start command does: a 2 GiB heap, the class data archive beside the jar and
     * its runtime unpacked beside it too, plus any extra JVM options (a JFR recording, say).
     */
    public static ToolProcess startAsReadme(Path jar, List<String> extraJvmOptions, int port, Path dataDir,
                                            Path configDir, Path log) throws IOException, InterruptedException {
        List<String> jvm = new java.util.ArrayList<>(List.of("-Xms2g", "-Xmx2g"));
        jvm.add("-XX:SharedArchiveFile=" + jar.resolveSibling("essentials-lti.jsa"));
        jvm.addAll(extraJvmOptions);
        // A benchmark measures the tool, not its per-address limit: every request comes from this one address.
        return start(jar, jvm, List.of("--unpackdir", jar.resolveSibling("payara-runtime").toString()), port,
                dataDir, configDir, log, Map.of("RATE_LIMIT_PER_SECOND", "1000000"));
    }

    /** Starts the jar with extra JVM options (before -jar) and Payara Micro options (after it). */
    public static ToolProcess start(Path jar, List<String> jvmOptions, List<String> microOptions, int port,
                                    Path dataDir, Path configDir, Path log, Map<String, String> env)
            throws IOException, InterruptedException {
        String baseUrl = "http://localhost:" + port;
        List<String> command = new java.util.ArrayList<>(List.of(javaBin(), "-Xmx1g"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--port", Integer.toString(port)));
        command.addAll(microOptions);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("LTI_BASE_URL", baseUrl);
        builder.environment().put("DATA_DIR", dataDir.toString());
        builder.environment().put("LTI_CONFIG_DIR", configDir.toString());
        builder.environment().putAll(env);
        long started = System.nanoTime();
        Process process = builder.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = started + Duration.ofMinutes(2).toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the tool exited; see " + log);
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("the tool was not ready within 2 minutes; see " + log);
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    break;
                }
            } catch (IOException notYet) {
                // still starting
            }
            if (System.nanoTime() - started > Duration.ofSeconds(120).toNanos()) {
                process.destroyForcibly();
                throw new IllegalStateException("the tool was not ready within 120 s; see " + log);
            }
            Thread.sleep(50);
        }
        return new ToolProcess(process, baseUrl, (System.nanoTime() - started) / 1_000_000);
    }

    /** User plus system CPU time of the tool's JVM so far, in nanoseconds (Linux /proc). */
    /** The tool's process id (for jcmd). */
    public long pid() {
        return process.pid();
    }

    public long cpuNanos() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
        return ticks * (1_000_000_000L / clockTicksPerSecond());
    }

    /** CPU ticks per thread name (names as /proc shows them, digits folded), for finding where the CPU goes. */
    public java.util.Map<String, Long> cpuTicksByThread() throws IOException {
        java.util.Map<String, Long> ticks = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/" + process.pid() + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("\\d+", "N");
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
                } catch (IOException threadEnded) {
                    // the thread ended while listing
                }
            }
        }
        return ticks;
    }

    private static long clockTicksPerSecond() {
        return 100; // USER_HZ on Linux
    }

    private static String javaBin() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    /** Kills the tool at once (SIGKILL), as a crash or an OOM killer would: no shutdown hook runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(Duration.ofSeconds(20).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
        }
    }
}
