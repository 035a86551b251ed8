package com.essentialslti.quiz;

import java.util.ArrayList;
import java.util.List;

/**
 * A question as a file describes it, before it becomes {@link QuestionContent}. It checks the rules of content one
 * by one, so that an admin learns every broken rule with its line, instead of an exception about the first one.
 */
final class QuestionDraft {

    private record OptionDraft(String text, boolean correct, String feedback, int line) {
    }

    private final String kind;
    private final QuestionType type;
    private final String name;
    private final String text;
    private final int line;
    private final List<OptionDraft> options = new ArrayList<>();

    /**
     * @param kind what the file calls this type of question (multichoice, truefalse), for messages
     * @param name the question's name in the file, or null
     * @param text the question's plain text
     * @param line where the question starts
     */
    QuestionDraft(String kind, QuestionType type, String name, String text, int line) {
        this.kind = kind;
        this.type = type;
        this.name = name == null || name.isBlank() ? null : name;
        this.text = text;
        this.line = line;
    }

    void option(String optionText, boolean correct, String feedback, int optionLine) {
        options.add(new OptionDraft(optionText, correct, feedback, optionLine));
    }

    /**
     * Adds the question to {@code questions} when it keeps every rule, otherwise each broken rule to
     * {@code problems}.
     */
    void check(String topicName, List<ImportedQuestion> questions, List<ImportProblem> problems) {
        int before = problems.size();
        String label = label();
        if (text.isBlank()) {
            problems.add(new ImportProblem(line, label + " has no text once markup is removed"));
        } else if (text.length() > QuestionContent.MAX_TEXT) {
            problems.add(new ImportProblem(line, label + " has a text of " + text.length()
                    + " characters; at most " + QuestionContent.MAX_TEXT + " are allowed"));
        }
        checkOptions(label, problems);
        if (problems.size() > before) {
            return;
        }
        try {
            QuestionContent content = new QuestionContent(type, Difficulty.MEDIUM, text, options.stream()
                    .map(o -> new AnswerOption(o.text(), o.correct(), o.feedback())).toList());
            questions.add(new ImportedQuestion(topicName, name, content, line));
        } catch (IllegalArgumentException e) {
            // The checks above mirror the rules of content; this catches a rule added there later.
            problems.add(new ImportProblem(line, label + ": " + e.getMessage()));
        }
    }

    private void checkOptions(String label, List<ImportProblem> problems) {
        if (options.size() < 2) {
            problems.add(new ImportProblem(line, label + " has " + options.size()
                    + (options.size() == 1 ? " answer" : " answers") + "; it needs at least two"));
        } else if (options.size() > QuestionContent.MAX_OPTIONS) {
            problems.add(new ImportProblem(line, label + " has " + options.size() + " answers; at most "
                    + QuestionContent.MAX_OPTIONS + " are allowed"));
        }
        for (int i = 0; i < options.size(); i++) {
            OptionDraft option = options.get(i);
            if (option.text().isBlank()) {
                problems.add(new ImportProblem(option.line(), label + ": answer " + (i + 1)
                        + " has no text once markup is removed"));
            } else if (option.text().length() > AnswerOption.MAX_TEXT) {
                problems.add(new ImportProblem(option.line(), label + ": answer " + (i + 1) + " has "
                        + option.text().length() + " characters; at most " + AnswerOption.MAX_TEXT + " are allowed"));
            }
        }
        long correct = options.stream().filter(OptionDraft::correct).count();
        if (correct == 0) {
            problems.add(new ImportProblem(line, label + " has no correct answer"));
        } else if (correct > 1 && type != QuestionType.MULTIPLE) {
            problems.add(new ImportProblem(line, label + " has " + correct
                    + " correct answers; it needs exactly one"));
        }
    }

    String label() {
        String shown = name != null ? name : text;
        if (shown.isBlank()) {
            return kind + " question";
        }
        return kind + " question '" + PlainText.abbreviated(shown) + "'";
    }
}
