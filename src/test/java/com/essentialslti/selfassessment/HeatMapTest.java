package com.essentialslti.selfassessment;

import com.essentialslti.web.Pages;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import static com.essentialslti.selfassessment.ClassFixtures.learner;
import static com.essentialslti.selfassessment.ClassFixtures.levels;
import static com.essentialslti.selfassessment.ClassFixtures.snapshot;
import static com.essentialslti.selfassessment.ClassFixtures.view;
import static org.assertj.core.api.Assertions.assertThat;

/** The heat map's drawing: what it says without colour, and to those who do not see it. */
class HeatMapTest {

    final ClassView view = view(List.of(learner("u1"), learner("u2")),
            List.of(snapshot("s1", "u1", 1), snapshot("s2", "u2", 1)),
            Map.of("s1", levels(1, 2, 3), "s2", levels(2, 3, 4)));

    @Test
    void aCellShowsItsFigureAndItsBandsSymbol() {
        assertThat(HeatMap.label(new ClassView.Cell("plan", OptionalDouble.of(1.5), 3, ClassView.Band.MORE_THAN_ONE_BELOW)))
                .isEqualTo("1.5 ↓↓");
        assertThat(HeatMap.label(new ClassView.Cell("plan", OptionalDouble.of(2.5), 3, ClassView.Band.UP_TO_ONE_BELOW)))
                .isEqualTo("2.5 ↓");
        assertThat(HeatMap.label(new ClassView.Cell("plan", OptionalDouble.of(3), 3, ClassView.Band.AT_TARGET)))
                .isEqualTo("3.0 ✓");
    }

    @Test
    void anAreaNotRatedShowsADash() {
        assertThat(HeatMap.label(new ClassView.Cell("plan", OptionalDouble.empty(), 0, ClassView.Band.NOT_RATED)))
                .isEqualTo("–");
    }

    @Test
    void theLegendGivesEachBandASymbolAndWordsBesideItsColour() {
        assertThat(HeatMap.legend()).allSatisfy(entry -> {
            assertThat((String) entry.get("symbol")).isNotBlank();
            assertThat((String) entry.get("words")).isNotBlank();
        });
        assertThat(HeatMap.legend()).extracting(e -> e.get("symbol")).doesNotHaveDuplicates();
    }

    @Test
    void theSvgIsAnImageWithATitleAndADescriptionOfEveryArea() {
        Element svg = drawn().selectFirst("svg");

        assertThat(svg.attr("role")).isEqualTo("img");
        assertThat(svg.attr("aria-labelledby")).isEqualTo("heatmap-title heatmap-desc");
        assertThat(svg.selectFirst("title").text()).contains("Target T");
        assertThat(svg.selectFirst("desc").text()).contains("2 learners")
                .contains("Area plan: class average 2.0, target 3.0, 2 below the target")
                .contains("Area lead: class average 3.5, target 3.0, 0 below the target");
    }

    @Test
    void theSvgHasACellPerLearnerAndAreaWithItsLabel() {
        Document svg = drawn();

        assertThat(svg.select("rect")).hasSize(4);
        assertThat(svg.select("text").eachText()).contains("1.5 ↓↓", "3.0 ✓", "2.5 ↓", "4.0 ✓", "Name u1", "Name u2",
                "Area plan", "Area lead");
    }

    private Document drawn() {
        return Jsoup.parse(Pages.render("selfassessment/heatmap", HeatMap.model(view, "Target T")));
    }
}
