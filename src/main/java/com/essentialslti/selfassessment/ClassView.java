package com.essentialslti.selfassessment;

import com.essentialslti.selfassessment.framework.CompetencyArea;
import com.essentialslti.selfassessment.framework.FrameworkContent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * The class at one link as its trainer sees it: each learner's latest snapshot area by area against the target
 * (the heat map's rows), the class average per area, the areas where most learners are below the target, and who
 * has not started or not finished. Built from what {@link ClassQueries} reads; each snapshot is read against the
 * framework version it was made with, the columns are the areas of the course's current framework.
 *
 * @param columns    the current framework's areas in use, in its order
 * @param learners   learners with at least one snapshot, by name
 * @param inProgress learners whose first self-assessment is started but not submitted, by name
 * @param notStarted learners who launched the link and have not started, by name
 */
record ClassView(List<Column> columns, List<LearnerRow> learners, List<Member> inProgress, List<Member> notStarted) {

    ClassView {
        columns = List.copyOf(columns);
        learners = List.copyOf(learners);
        inProgress = List.copyOf(inProgress);
        notStarted = List.copyOf(notStarted);
    }

    /** A member of the link as the class view names them; {@code learner} is false for trainers and admins. */
    record Member(String userId, String name, boolean learner) {
    }

    /** One assessment of the link, without its ratings. */
    record Summary(String id, String userId, int number, boolean submitted, Optional<Instant> submittedAt,
                   String frameworkVersionId) {
    }

    /** Where a learner's area level stands against the area's target; the symbol says it without colour. */
    enum Band {
        AT_TARGET("at or above the target", "✓"),
        UP_TO_ONE_BELOW("below the target by up to 1 level", "↓"),
        MORE_THAN_ONE_BELOW("below the target by more than 1 level", "↓↓"),
        NO_TARGET("no target set", ""),
        NOT_RATED("not rated in this snapshot", "");

        private final String words;
        private final String symbol;

        Band(String words, String symbol) {
            this.words = words;
            this.symbol = symbol;
        }

        String words() {
            return words;
        }

        String symbol() {
            return symbol;
        }

        /** The band of an area's level against its target (0 when the target sets none). */
        static Band of(double level, double target) {
            if (target <= 0) {
                return NO_TARGET;
            }
            double gap = target - level;
            return gap <= 0 ? AT_TARGET : gap <= 1 ? UP_TO_ONE_BELOW : MORE_THAN_ONE_BELOW;
        }
    }

    /** A learner's level in one area of their latest snapshot; empty when the snapshot has none there. */
    record Cell(String areaKey, OptionalDouble level, double target, Band band) {
    }

    /** An area of the class: its target, the class average and how many learners are below the target. */
    record Column(String key, String name, double target, OptionalDouble average, int learnersBelow) {

        boolean hasTarget() {
            return target > 0;
        }
    }

    /**
     * A learner with snapshots: each of them (oldest first), the latest read as a profile, its cells in the
     * columns' order, and whether a retake is in progress.
     */
    record LearnerRow(Member member, List<Summary> snapshots, Profile latest, List<Cell> cells,
                      boolean retakeInProgress) {

        Summary latestSnapshot() {
            return snapshots.get(snapshots.size() - 1);
        }
    }

    /**
     * The class from the link's members, its assessments (any state) and the levels of each learner's latest
     * snapshot by assessment id.
     *
     * @param current  the course's framework now: its areas are the columns
     * @param versions a framework version by id (the one a snapshot was made with)
     * @param targetOf the link's target in a framework version
     */
    static ClassView of(FrameworkContent current, Function<String, FrameworkContent> versions,
                        Function<FrameworkContent, Map<String, Integer>> targetOf, List<Member> members,
                        List<Summary> assessments, Map<String, Map<String, Integer>> latestLevels) {
        Map<String, List<Summary>> byLearner = new LinkedHashMap<>();
        assessments.stream().sorted(Comparator.comparingInt(Summary::number))
                .forEach(a -> byLearner.computeIfAbsent(a.userId(), k -> new ArrayList<>()).add(a));
        Map<String, Map<String, Integer>> targets = new HashMap<>(); // by framework version id
        List<CompetencyArea> areas = current.areasInUse();

        List<LearnerRow> rows = new ArrayList<>();
        List<Member> inProgress = new ArrayList<>();
        List<Member> notStarted = new ArrayList<>();
        for (Member member : learnersOf(members, byLearner.keySet())) {
            List<Summary> own = byLearner.getOrDefault(member.userId(), List.of());
            List<Summary> snapshots = own.stream().filter(Summary::submitted).toList();
            boolean started = own.stream().anyMatch(a -> !a.submitted());
            if (snapshots.isEmpty()) {
                (started ? inProgress : notStarted).add(member);
                continue;
            }
            Summary latest = snapshots.get(snapshots.size() - 1);
            FrameworkContent framework = versions.apply(latest.frameworkVersionId());
            Profile profile = new Profile(framework, latestLevels.getOrDefault(latest.id(), Map.of()),
                    targets.computeIfAbsent(latest.frameworkVersionId(), id -> targetOf.apply(framework)));
            rows.add(new LearnerRow(member, snapshots, profile, cells(areas, profile), started));
        }
        Map<String, Integer> currentTarget = targetOf.apply(current);
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < areas.size(); i++) {
            int index = i;
            List<Cell> rated = rows.stream().map(r -> r.cells().get(index)).filter(c -> c.level().isPresent())
                    .toList();
            OptionalDouble average = rated.stream().mapToDouble(c -> c.level().getAsDouble()).average();
            int below = (int) rated.stream().filter(c -> c.band() == Band.UP_TO_ONE_BELOW
                    || c.band() == Band.MORE_THAN_ONE_BELOW).count();
            columns.add(new Column(areas.get(i).key(), areas.get(i).name(), areaTarget(areas.get(i), currentTarget),
                    average, below));
        }
        return new ClassView(columns, rows, inProgress, notStarted);
    }

    /** The learners of the link, and anyone with an assessment here (a learner who became a trainer), by name. */
    private static List<Member> learnersOf(List<Member> members, java.util.Set<String> withAssessments) {
        Map<String, Member> learners = new LinkedHashMap<>();
        members.stream().filter(m -> m.learner() || withAssessments.contains(m.userId()))
                .forEach(m -> learners.put(m.userId(), m));
        withAssessments.stream().filter(id -> !learners.containsKey(id))
                .forEach(id -> learners.put(id, new Member(id, "Learner " + id, true)));
        return learners.values().stream().sorted(Comparator.comparing(Member::name, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(Member::userId)).toList();
    }

    private static List<Cell> cells(List<CompetencyArea> areas, Profile profile) {
        Map<String, Profile.AreaResult> byKey = new HashMap<>();
        profile.areas().forEach(a -> byKey.put(a.area().key(), a));
        List<Cell> cells = new ArrayList<>(areas.size());
        for (CompetencyArea area : areas) {
            Profile.AreaResult result = byKey.get(area.key());
            cells.add(result == null ? new Cell(area.key(), OptionalDouble.empty(), 0, Band.NOT_RATED)
                    : new Cell(area.key(), OptionalDouble.of(result.level()), result.target(),
                    Band.of(result.level(), result.target())));
        }
        return cells;
    }

    /** The area's target as {@link Profile.AreaResult} reads it: the average over its competencies with one. */
    static double areaTarget(CompetencyArea area, Map<String, Integer> target) {
        OptionalDouble average = area.inUse().stream().mapToInt(c -> target.getOrDefault(c.key(), 0))
                .filter(level -> level > 0).average();
        return average.isPresent() ? Math.round(average.getAsDouble() * 100) / 100.0 : 0;
    }

    /** The areas where learners are below the target, the most learners first (then the lower class average). */
    List<Column> mostGaps() {
        return columns.stream().filter(c -> c.learnersBelow() > 0)
                .sorted(Comparator.comparingInt(Column::learnersBelow).reversed()
                        .thenComparingDouble(c -> c.average().orElse(0) - c.target()))
                .toList();
    }
}
