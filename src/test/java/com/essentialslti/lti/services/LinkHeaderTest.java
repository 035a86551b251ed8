package com.essentialslti.lti.services;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 8288 Link headers as paging services really send them. */
class LinkHeaderTest {

    @Test
    void findsTheNextLinkWithAQuotedRel() {
        assertThat(LinkHeader.next(List.of("<https://lms/lineitems?page=2>; rel=\"next\"")))
                .contains("https://lms/lineitems?page=2");
    }

    @Test
    void findsTheNextLinkWithTypographicQuotes() {
        assertThat(LinkHeader.next(List.of("<https://lms/lineitems?from=10>; rel=“next”")))
                .contains("https://lms/lineitems?from=10");
    }

    @Test
    void findsTheNextLinkWithTypographicQuotesAsTheHttpClientDecodesThem() {
        String onTheWire = "<https://lms/lineitems?from=10>; rel=“next”";
        String asReceived = new String(onTheWire.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);

        assertThat(LinkHeader.next(List.of(asReceived))).contains("https://lms/lineitems?from=10");
    }

    @Test
    void keepsLatin1TextThatIsNotUtf8() {
        assertThat(LinkHeader.parse(List.of("<https://lms/caf\u00e9>; rel=next")))
                .extracting(LinkHeader.Link::target).containsExactly("https://lms/caf\u00e9");
    }

    @Test
    void findsTheNextLinkWithAnUnquotedRel() {
        assertThat(LinkHeader.next(List.of("<https://lms/p2>; rel=next"))).contains("https://lms/p2");
    }

    @Test
    void findsTheNextLinkAmongSeveralLinksInOneHeader() {
        String header = "<https://lms/p1>; rel=\"first\", <https://lms/p3>; rel=\"next\", <https://lms/p9>; rel=\"last\"";

        assertThat(LinkHeader.next(List.of(header))).contains("https://lms/p3");
    }

    @Test
    void findsTheNextLinkAmongSeveralHeaders() {
        assertThat(LinkHeader.next(List.of("<https://lms/p1>; rel=\"prev\"", "<https://lms/p3>; rel=\"next\"")))
                .contains("https://lms/p3");
    }

    @Test
    void readsParametersInAnyOrder() {
        assertThat(LinkHeader.next(List.of("<https://lms/p2>; title=\"Page 2\"; type=\"application/json\"; rel=\"next\"")))
                .contains("https://lms/p2");
    }

    @Test
    void readsSeveralRelationTypesInOneRel() {
        assertThat(LinkHeader.next(List.of("<https://lms/p2>; rel=\"next last\""))).contains("https://lms/p2");
    }

    @Test
    void comparesRelationTypesWithoutRegardToCase() {
        assertThat(LinkHeader.next(List.of("<https://lms/p2>; REL=\"Next\""))).contains("https://lms/p2");
    }

    @Test
    void toleratesSpacesAroundTheEqualsSign() {
        assertThat(LinkHeader.next(List.of("<https://lms/p2> ; rel = \"next\""))).contains("https://lms/p2");
    }

    @Test
    void keepsCommasInsideTheTargetAndInsideQuotedParameters() {
        String header = "<https://lms/p1?ids=1,2>; rel=\"prev\"; title=\"a, b\", <https://lms/p2?ids=3,4>; rel=\"next\"";

        assertThat(LinkHeader.parse(List.of(header))).extracting(LinkHeader.Link::target)
                .containsExactly("https://lms/p1?ids=1,2", "https://lms/p2?ids=3,4");
        assertThat(LinkHeader.next(List.of(header))).contains("https://lms/p2?ids=3,4");
    }

    @Test
    void anApostropheInATitleDoesNotSwallowTheNextLink() {
        String quoted = "<https://lms/p1>; rel=\"prev\"; title=\"Tool's list\", <https://lms/p2>; rel=\"next\"";
        String unquoted = "<https://lms/p1>; rel=prev; title=Tool's, <https://lms/p2>; rel=next";

        assertThat(LinkHeader.next(List.of(quoted))).contains("https://lms/p2");
        assertThat(LinkHeader.next(List.of(unquoted))).contains("https://lms/p2");
    }

    @Test
    void aStraightQuoteClosedByATypographicOneEndsTheValue() {
        assertThat(LinkHeader.next(List.of("<https://lms/p1>; rel=\"prev”, <https://lms/p2>; rel=“next\"")))
                .contains("https://lms/p2");
    }

    @Test
    void keepsARelativeTargetAsWritten() {
        assertThat(LinkHeader.next(List.of("</lineitems?page=2>; rel=\"next\""))).contains("/lineitems?page=2");
    }

    @Test
    void hasNoNextLinkOnTheLastPage() {
        assertThat(LinkHeader.next(List.of("<https://lms/p1>; rel=\"first\", <https://lms/p1>; rel=\"prev\"")))
                .isEmpty();
    }

    @Test
    void doesNotTakeANextInsideAnotherParameterForTheRel() {
        assertThat(LinkHeader.next(List.of("<https://lms/p2>; title=\"next\"; rel=\"prev\""))).isEmpty();
    }

    @Test
    void skipsPiecesThatAreNotLinks() {
        assertThat(LinkHeader.parse(List.of("garbage; rel=next", "", "<https://lms/p2"))).isEmpty();
    }
}
