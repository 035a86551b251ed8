package com.essentialslti.selfassessment;

import com.essentialslti.selfassessment.framework.FrameworkContent;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The class's snapshots as CSV ({@link SnapshotCsv}'s columns), written while they are read: a page of snapshots
 * at a time (keyset by assessment id), each page flushed to the response before the next is read, so that the
 * memory an export holds is one page whatever the size of the class.
 */
final class ClassCsv implements StreamingOutput {

    static final int PAGE_SIZE = 200;

    /** The snapshots after an assessment id ("" before the first), at most {@code size}, by id. */
    interface Snapshots {
        List<ClassQueries.ExportRow> after(String assessmentId, int size);
    }

    private final Snapshots snapshots;
    private final int pageSize;
    private final Function<String, FrameworkContent> versions;
    private final Function<FrameworkContent, Map<String, Integer>> targetOf;

    ClassCsv(Snapshots snapshots, int pageSize, Function<String, FrameworkContent> versions,
             Function<FrameworkContent, Map<String, Integer>> targetOf) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("a page holds at least one snapshot");
        }
        this.snapshots = snapshots;
        this.pageSize = pageSize;
        this.versions = versions;
        this.targetOf = targetOf;
    }

    @Override
    public void write(OutputStream output) throws java.io.IOException {
        Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 16 * 1024);
        SnapshotCsv.header(out);
        Map<String, Map<String, Integer>> targets = new HashMap<>(); // by framework version id
        String after = "";
        List<ClassQueries.ExportRow> page;
        do {
            page = snapshots.after(after, pageSize);
            for (ClassQueries.ExportRow row : page) {
                String versionId = row.snapshot().frameworkVersionId();
                FrameworkContent framework = versions.apply(versionId);
                SnapshotCsv.rows(out, row.snapshot(), framework,
                        targets.computeIfAbsent(versionId, id -> targetOf.apply(framework)));
                after = row.assessmentId();
            }
            out.flush();
        } while (page.size() == pageSize);
    }
}
