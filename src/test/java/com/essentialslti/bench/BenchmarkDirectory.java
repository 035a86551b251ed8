package com.essentialslti.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A benchmark's working directory (database, configuration, tool log), deleted when the benchmark ends: a quiz run
 * without pause leaves a 2 GB H2 file, and a hundred and twenty-five forgotten runs had filled this machine's disk.
 * {@code -Dbench.keep=true} keeps it, to read the tool log afterwards.
 */
final class BenchmarkDirectory implements AutoCloseable {

    final Path path;

    private BenchmarkDirectory(Path path) {
        this.path = path;
    }

    static BenchmarkDirectory create(String prefix) throws IOException {
        return new BenchmarkDirectory(Files.createTempDirectory(prefix));
    }

    Path resolve(String other) {
        return path.resolve(other);
    }

    @Override
    public void close() {
        if (Boolean.getBoolean("bench.keep")) {
            System.out.println("kept: " + path);
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the benchmark's directory " + path, e);
        }
    }
}
