package com.essentialslti.lti.services;

import com.essentialslti.testing.Examples;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

/**
 * Whatever a platform sends as {@code Link} headers, reading them gives links (each with a target that was inside
 * angle brackets) or none, never an exception, and in time proportional to the header (issue 13 §3).
 */
class LinkHeaderProperties {

    /** The pieces Link headers are made of, and the ways platforms get them wrong. */
    static final List<String> PIECES = List.of("<", ">", ";", ",", " ", "=", "\"", "'", "“", "”", "„", "‘", "’",
            "rel", "REL", "next", "prev", "last", "title", "https://lms.example.org/lineitems?page=2", "/relative",
            "â\u0080\u009c", "\u00e2", "\u0080", "\t", "\r\n", "é", "\u0000", "<>", "rel=next", "next last");

    private static void readsTotally(List<String> values) {
        List<LinkHeader.Link> links = LinkHeader.parse(values);
        assertThat(links).allSatisfy(link -> {
            assertThat(link.target()).isNotEmpty().doesNotContain(">");
            assertThat(link.rels()).allSatisfy(rel -> assertThat(rel).isNotEmpty());
        });
        assertThat(LinkHeader.next(values)).isEqualTo(links.stream().filter(l -> l.rels().contains("next"))
                .map(LinkHeader.Link::target).findFirst());
    }

    @Test
    void anyTextReadsAsLinksOrNone() {
        assertThat(Examples.tried("Link header, any text", 10_000,
                lists().of(strings().allPossible().ofLengthBetween(0, 120)).ofSizeBetween(0, 3),
                LinkHeaderProperties::readsTotally)).isGreaterThan(5000);
    }

    @Test
    void anyArrangementOfLinkSyntaxReadsAsLinksOrNone() {
        assertThat(Examples.tried("Link header, pieces of link syntax", 20_000,
                lists().of(integers().between(0, PIECES.size() - 1)).ofSizeBetween(0, 60), indexes -> {
                    StringBuilder header = new StringBuilder();
                    indexes.forEach(i -> header.append(PIECES.get(i)));
                    readsTotally(List.of(header.toString()));
                    // as the JDK's client hands it over: the UTF-8 bytes as ISO-8859-1 chars
                    readsTotally(List.of(new String(header.toString().getBytes(StandardCharsets.UTF_8),
                            StandardCharsets.ISO_8859_1)));
                })).isGreaterThan(10_000);
    }

    @Test
    void aHugeHeaderIsReadWithoutHanging() {
        String links = "<https://lms.example.org/p>; rel=\"next\"; title=\"Tool's list\", ".repeat(20_000);
        String unclosed = "<".repeat(200_000) + "\"".repeat(200_000);

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertThat(LinkHeader.parse(List.of(links))).hasSize(20_000);
            readsTotally(List.of(unclosed));
        });
    }
}
