package com.essentialslti.selfassessment;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The class export: written page by page as it is read, in the learner's CSV's columns. */
class ClassCsvTest {

    /** Five snapshots by id, read as the database would: after an id, at most a page; records every read. */
    static final class FiveSnapshots implements ClassCsv.Snapshots {
        final List<String> readAfter = new ArrayList<>();
        final List<Integer> writtenBeforeRead = new ArrayList<>();
        ByteArrayOutputStream out;

        @Override
        public List<ClassQueries.ExportRow> after(String assessmentId, int size) {
            readAfter.add(assessmentId);
            writtenBeforeRead.add(out.size());
            List<ClassQueries.ExportRow> page = new ArrayList<>();
            for (int i = 1; i <= 5 && page.size() < size; i++) {
                String id = "a" + i;
                if (id.compareTo(assessmentId) > 0) {
                    page.add(new ClassQueries.ExportRow(id, new SnapshotCsv.Snapshot("Learner " + i, 1,
                            Optional.of(Instant.parse("2026-12-01T10:00:00Z")), "v1",
                            Map.of("plan.a", 2, "plan.b", 3, "lead.a", 4), Map.of("lead.a", "=led, \"twice\""))));
                }
            }
            return page;
        }
    }

    private String export(FiveSnapshots source, int pageSize) throws Exception {
        source.out = new ByteArrayOutputStream();
        new ClassCsv(source, pageSize, id -> ClassFixtures.FRAMEWORK, ClassFixtures::target).write(source.out);
        return source.out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theSnapshotsAreReadAPageAtATimeAfterTheLastIdWritten() throws Exception {
        FiveSnapshots source = new FiveSnapshots();

        export(source, 2);

        assertThat(source.readAfter).containsExactly("", "a2", "a4");
    }

    @Test
    void eachPageIsWrittenOutBeforeTheNextIsRead() throws Exception {
        FiveSnapshots source = new FiveSnapshots();

        export(source, 2);

        assertThat(source.writtenBeforeRead).hasSize(3);
        assertThat(source.writtenBeforeRead.get(1)).isGreaterThan(source.writtenBeforeRead.get(0));
        assertThat(source.writtenBeforeRead.get(2)).isGreaterThan(source.writtenBeforeRead.get(1));
    }

    @Test
    void aFullLastPageIsFollowedByOneEmptyRead() throws Exception {
        FiveSnapshots source = new FiveSnapshots();

        export(source, 5);

        assertThat(source.readAfter).containsExactly("", "a5");
    }

    @Test
    void everySnapshotHasALinePerCompetencyInTheLearnersCsvColumns() throws Exception {
        String csv = export(new FiveSnapshots(), 2);

        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo(String.join(",", SnapshotCsv.HEADER));
        assertThat(lines).hasSize(1 + 5 * 3);
        assertThat(lines.get(1)).isEqualTo("Learner 1,1,2026-12-01T10:00:00Z,v1,Area plan,plan.a,plan a,2,"
                + "Practitioner,3,1,");
        assertThat(lines.get(3)).isEqualTo("Learner 1,1,2026-12-01T10:00:00Z,v1,Area lead,lead.a,lead a,4,Expert,3,0,"
                + "\"'=led, \"\"twice\"\"\"");
        assertThat(csv).endsWith("\r\n");
    }
}
