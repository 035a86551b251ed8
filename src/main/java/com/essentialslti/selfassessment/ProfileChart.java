package com.essentialslti.selfassessment;

import com.essentialslti.selfassessment.framework.FrameworkContent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The profile as a bar chart drawn on the server: one bar per area for the learner's level, a mark at the
 * target, and the previous snapshot as a faint thin bar. The template ({@code selfassessment/chart}) draws it as
 * SVG with a title and a description; the page puts a table with the same figures beside it.
 */
final class ProfileChart {

    static final int LABEL_WIDTH = 340;
    static final int BAR_WIDTH = 360;
    static final int ROW_HEIGHT = 34;
    static final int TOP = 28;

    private ProfileChart() {
    }

    /** The chart's model: its size, the scale's ticks and one row per area. */
    static Map<String, Object> model(Profile profile, Optional<Profile> previous) {
        int levels = profile.framework().scale().size();
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Profile.AreaResult> areas = profile.areas();
        for (int i = 0; i < areas.size(); i++) {
            Profile.AreaResult area = areas.get(i);
            int y = TOP + i * ROW_HEIGHT;
            Map<String, Object> row = new HashMap<>();
            row.put("name", area.area().name());
            row.put("labelY", y + 17);
            row.put("barY", y + 6);
            row.put("width", x(area.level(), levels));
            row.put("valueX", LABEL_WIDTH + x(area.level(), levels) + 6);
            row.put("value", one(area.level()));
            if (area.hasTarget()) {
                int tx = LABEL_WIDTH + x(area.target(), levels);
                row.put("target", Map.of("x", tx, "y1", y + 2, "y2", y + 28));
            }
            previous.flatMap(p -> p.area(area.area().key())).ifPresent(before ->
                    row.put("previous", Map.of("y", y + 26, "width", x(before.level(), levels))));
            rows.add(row);
        }
        List<Map<String, Object>> ticks = new ArrayList<>();
        for (int level = 1; level <= levels; level++) {
            ticks.add(Map.of("x", LABEL_WIDTH + x(level, levels), "label", profile.framework().level(level).name()));
        }
        Map<String, Object> chart = new HashMap<>();
        chart.put("width", LABEL_WIDTH + BAR_WIDTH + 40);
        chart.put("height", TOP + areas.size() * ROW_HEIGHT + 8);
        chart.put("barX", LABEL_WIDTH);
        chart.put("bottom", TOP + areas.size() * ROW_HEIGHT);
        chart.put("rows", rows);
        chart.put("ticks", ticks);
        chart.put("hasPrevious", previous.isPresent());
        chart.put("whose", "your"); // the learner's own page; a trainer's names the learner
        return chart;
    }

    /** The chart's model with its title and its description: each area's level and target in words. */
    static Map<String, Object> model(Profile profile, Optional<Profile> previous, String title) {
        Map<String, Object> chart = model(profile, previous);
        chart.put("chartTitle", title);
        chart.put("chartDescription", profile.areas().stream().map(a -> a.area().name() + ": " + one(a.level())
                        + (a.hasTarget() ? " (target " + one(a.target()) + ")" : ""))
                .reduce((x, y) -> x + "; " + y).orElse("No ratings."));
        return chart;
    }

    /** Each area's row of the table beside the chart: level, target and the previous snapshot's level. */
    static List<Map<String, Object>> table(Profile profile, Optional<Profile> previous) {
        return profile.areas().stream().map(a -> {
            Map<String, Object> row = new HashMap<>();
            row.put("name", a.area().name());
            row.put("level", one(a.level()));
            row.put("target", a.hasTarget() ? one(a.target()) : "none");
            row.put("previous", previous.flatMap(p -> p.area(a.area().key())).map(p -> one(p.level())).orElse("-"));
            return row;
        }).toList();
    }

    /** The strengths, for a list: competency, area, level and target by name. */
    static List<Map<String, Object>> strengths(Profile profile) {
        FrameworkContent framework = profile.framework();
        return profile.strengths().stream().map(r -> Map.<String, Object>of("name", r.competency().name(),
                "area", r.area().name(), "level", framework.level(r.level()).name(),
                "target", framework.level(r.target()).name())).toList();
    }

    /** The development areas, largest gap first, for a list: as {@link #strengths} with the gap in words. */
    static List<Map<String, Object>> developmentAreas(Profile profile) {
        FrameworkContent framework = profile.framework();
        return profile.developmentAreas().stream().map(r -> Map.<String, Object>of("name", r.competency().name(),
                "area", r.area().name(), "level", framework.level(r.level()).name(),
                "target", framework.level(r.target()).name(), "gap", r.gap(),
                "gapWords", r.gap() == 1 ? "1 level below" : r.gap() + " levels below")).toList();
    }

    private static int x(double level, int levels) {
        return (int) Math.round(BAR_WIDTH * level / levels);
    }

    static String one(double value) {
        return String.valueOf(Math.round(value * 10) / 10.0);
    }

    /** Each snapshot's level per area (the latest snapshot's areas), oldest first: how a profile moved. */
    static Map<String, Object> history(Profile latest, List<Assessment> snapshots, List<Profile> profiles) {
        List<Profile.AreaResult> areas = latest.areas();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < snapshots.size(); i++) {
            Profile profile = profiles.get(i);
            rows.add(Map.of("number", snapshots.get(i).number(),
                    "submittedAt", snapshots.get(i).submittedAt().map(Dates.TIME::format).orElse(""),
                    "levels", areas.stream().map(a -> profile.area(a.area().key())
                            .map(r -> one(r.level())).orElse("-")).toList()));
        }
        return Map.of("areas", areas.stream().map(a -> a.area().name()).toList(), "rows", rows);
    }
}
