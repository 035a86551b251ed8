package com.essentialslti.selfassessment.framework;

import java.util.List;
import java.util.Map;

/**
 * The 70-20-10 actions the course suggests for any development area, used for an area whose framework says
 * nothing of its own (an imported framework, an area a trainer added).
 */
public final class DevelopmentSuggestions {

    private static final Map<Share, List<String>> GENERAL = Map.of(
            Share.EXPERIENCE, List.of(
                    "Ask for a stretch assignment that needs this competency: leading a service catalogue refresh, "
                            + "a governance framework, a dashboard redesign, a maturity assessment or a PPM tool "
                            + "roll-out.",
                    "Take ownership of a long-standing delivery problem and keep a record of what you tried."),
            Share.OTHERS, List.of(
                    "Find a mentor or coach who is strong in this area and agree what you will practise together.",
                    "Join a community of practice or an online professional group of PMO managers, and bring one "
                            + "question from your own work.",
                    "Ask a senior stakeholder for feedback on this area after your next piece of work."),
            Share.FORMAL, List.of(
                    "Work through the matching part of the Essentials for PMO Managers course.",
                    "Choose a specialist course, webinar or conference session on this topic."));

    private DevelopmentSuggestions() {
    }

    /** The area's own suggestions for a share, or the course's general ones when it has none. */
    public static List<String> forArea(CompetencyArea area, Share share) {
        List<String> own = area.suggestions().getOrDefault(share, List.of());
        return own.isEmpty() ? GENERAL.get(share) : own;
    }
}
