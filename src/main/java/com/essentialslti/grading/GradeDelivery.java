package com.essentialslti.grading;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a learner's grade is on its way to the LMS, in the trainer's words, for any activity's results list: what
 * became of it, the LMS's answer when it did not take it, and the score to send again when it is parked (the form
 * goes to {@link GradesResource}).
 *
 * @param text     what became of the grade
 * @param answer   the LMS's answer in words, when it refused or has not yet taken the grade
 * @param resendId the outbox id to send again, when the grade is parked
 */
public record GradeDelivery(String text, Optional<String> answer, Optional<String> resendId) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.UK)
            .withZone(ZoneOffset.UTC);

    /** The learner's latest score at the link ({@link GradeOutbox#latestAt}); empty when none was ever queued. */
    public static GradeDelivery describe(Optional<OutboxScore> latest) {
        return latest.map(GradeDelivery::describe)
                .orElseGet(() -> new GradeDelivery("Not sent (no grade service)", Optional.empty(), Optional.empty()));
    }

    public static GradeDelivery describe(OutboxScore score) {
        String text = switch (score.state()) {
            case DELIVERED -> "Delivered " + score.deliveredAt().map(TIME::format).orElse("");
            case WAITING -> score.tries() == 0 ? "Waiting to be sent"
                    : score.waitsForThePlatformToTakeTheTool() ? "Waiting: the LMS refused the tool itself (HTTP "
                    + score.lastStatus().orElseThrow() + "); ask the LMS administrator to check the tool's "
                    + "registration. It is sent again by itself (" + score.tries() + " tries)"
                    : "Waiting: the LMS did not take it yet (" + score.tries() + " tries)";
            case PARKED -> score.parkedByTheTool() ? "Not sent: " + score.lastAnswer().orElse("")
                    : "Refused by the LMS (HTTP " + score.lastStatus().orElseThrow() + ")";
            case SUPERSEDED -> "Replaced by a newer grade";
        };
        Optional<String> answer = score.state() != OutboxScore.State.DELIVERED && !score.parkedByTheTool()
                ? score.lastAnswerText() : Optional.empty();
        Optional<String> resend = score.state() == OutboxScore.State.PARKED ? Optional.of(score.id())
                : Optional.empty();
        return new GradeDelivery(text, answer, resend);
    }
}
