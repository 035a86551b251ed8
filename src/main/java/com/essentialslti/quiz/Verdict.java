package com.essentialslti.quiz;

/**
 * What a score says about the course, in three bands set by the trainer's pass mark and "ready" mark (both
 * percentages): the quiz exists to tell a learner how the Essentials course would help them.
 */
public enum Verdict {
    READY("Ready for the course",
            "You already know much of what the course covers. The course will deepen it, fill the last gaps and "
                    + "certify what you know."),
    GAPS("The course will fill these gaps",
            "You know part of the ground. The course covers the topics below, where your answers show gaps."),
    FOUNDATIONS("Start with the course",
            "The course is made for you: it builds the foundations of the PMO manager's role step by step.");

    private final String title;
    private final String explanation;

    Verdict(String title, String explanation) {
        this.title = title;
        this.explanation = explanation;
    }

    static Verdict of(double score, int passMark, int readyMark) {
        // Rounded as the result page shows it: 29 of 50 is 0.58 * 100 = 57.99999999999999 in doubles, and a
        // learner shown 58% must not be told they missed a pass mark of 58.
        double percent = Math.round(score * 1000) / 10.0;
        if (percent >= readyMark) {
            return READY;
        }
        return percent >= passMark ? GAPS : FOUNDATIONS;
    }

    public String title() {
        return title;
    }

    public String explanation() {
        return explanation;
    }
}
