package com.essentialslti.selfassessment.framework;

/**
 * One step of the framework's proficiency scale. Levels are numbered from 1 (the lowest) upwards; a rating is
 * that number. A retired level is kept, so that past ratings still read, but no longer offered.
 */
public record ProficiencyLevel(int level, String name, String summary, boolean retired) {

    public ProficiencyLevel {
        if (level < 1) {
            throw new IllegalArgumentException("levels are numbered from 1");
        }
        FrameworkContent.requireText(name, "a level needs a name", FrameworkContent.MAX_NAME);
        summary = FrameworkContent.optionalText(summary, FrameworkContent.MAX_TEXT);
    }

    public ProficiencyLevel withRetired(boolean isRetired) {
        return new ProficiencyLevel(level, name, summary, isRetired);
    }
}
