package com.essentialslti.selfassessment;

import com.essentialslti.course.LtiUser;
import com.essentialslti.selfassessment.framework.CourseFrameworks;
import com.essentialslti.selfassessment.framework.FrameworkContent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Snapshots as CSV, one line per competency rated: the learner's own download and the trainer's class export
 * write the same columns. A cell that a spreadsheet would read as a formula is written with a leading quote.
 */
final class SnapshotCsv {

    static final List<String> HEADER = List.of("Learner", "Snapshot", "Submitted (UTC)", "Framework version",
            "Area", "Competency key", "Competency", "Level", "Level name", "Target level", "Gap", "Evidence");

    private SnapshotCsv() {
    }

    static String of(LtiUser learner, List<Assessment> snapshots, CourseFrameworks frameworks,
                     SelfAssessmentSettings settings) {
        StringBuilder out = new StringBuilder();
        header(out);
        for (Assessment snapshot : snapshots) {
            FrameworkContent framework = frameworks.version(snapshot.frameworkVersionId());
            rows(out, learner, snapshot, framework, settings.targetIn(framework));
        }
        return out.toString();
    }

    static void header(Appendable out) {
        line(out, HEADER);
    }

    /** A snapshot as the CSV writes it, whether read as an {@link Assessment} or as the class export's rows. */
    record Snapshot(String learner, int number, Optional<Instant> submittedAt, String frameworkVersionId,
                    Map<String, Integer> levels, Map<String, String> evidence) {

        static Snapshot of(LtiUser learner, Assessment assessment) {
            return new Snapshot(learnerName(learner.name(), learner.subject()), assessment.number(),
                    assessment.submittedAt(), assessment.frameworkVersionId(), assessment.levels(),
                    assessment.evidence());
        }
    }

    /** How the trainer's pages and the CSV name a learner: by the name the platform shared, else by its id. */
    static String learnerName(Optional<String> name, String subject) {
        return name.orElse("Learner " + subject);
    }

    /** The snapshot's lines. */
    static void rows(Appendable out, LtiUser learner, Assessment snapshot, FrameworkContent framework,
                     Map<String, Integer> target) {
        rows(out, Snapshot.of(learner, snapshot), framework, target);
    }

    /** The snapshot's lines: one per competency rated, in the framework's order. */
    static void rows(Appendable out, Snapshot snapshot, FrameworkContent framework, Map<String, Integer> target) {
        Map<String, String> notes = snapshot.evidence();
        String submitted = snapshot.submittedAt().map(Object::toString).orElse("");
        String number = String.valueOf(snapshot.number());
        for (Profile.CompetencyResult r : new Profile(framework, snapshot.levels(), target).competencies()) {
            line(out, List.of(snapshot.learner(), number, submitted, snapshot.frameworkVersionId(),
                    r.area().name(), r.competency().key(), r.competency().name(), String.valueOf(r.level()),
                    framework.level(r.level()).name(), r.target() > 0 ? String.valueOf(r.target()) : "",
                    r.target() > 0 ? String.valueOf(r.gap()) : "", notes.getOrDefault(r.competency().key(), "")));
        }
    }

    private static void line(Appendable out, List<String> cells) {
        try {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(cell(cells.get(i)));
            }
            out.append("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RFC 4180 quoting; a leading =, +, -, @, tab or carriage return is neutralised (CSV injection). */
    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.indexOf(',') < 0 && safe.indexOf('"') < 0 && safe.indexOf('\n') < 0 && safe.indexOf('\r') < 0) {
            return safe;
        }
        return '"' + safe.replace("\"", "\"\"") + '"';
    }
}
