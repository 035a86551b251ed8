package com.essentialslti.quiz.exchange;

import com.essentialslti.imports.ImportProblem;
import com.essentialslti.quiz.bank.AnswerOption;
import com.essentialslti.quiz.bank.Difficulty;
import com.essentialslti.quiz.bank.PlainText;
import com.essentialslti.quiz.bank.QuestionContent;
import com.essentialslti.quiz.bank.QuestionType;

import java.util.ArrayList;
import java.util.List;

/**
 * A question as a file describes it, before it becomes {@link QuestionContent}. It checks the rules of content one
 * by one, so that an admin learns every broken rule with its line, instead of an exception about the first one.
 *
 * <p>Both formats give each answer a weight, Moodle's percentage of the mark; what it means here is decided once,
 * in {@link #option}: partial credit is kept where the bank can score it and otherwise the question is skipped with
 * the reason, never flattened to right or wrong without a word.
 */
final class QuestionDraft {

    private record OptionDraft(String text, double weight, String feedback, int line) {
    }

    private final String kind;
    private final QuestionType type;
    private final String name;
    private final String text;
    private final int line;
    private final List<OptionDraft> options = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private String generalFeedback = "";

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

    /**
     * @param weight Moodle's share of the mark for the answer, in percent: 100 for a right answer, 0 for a wrong
     *               one, 50 for a half-right one of a single-answer question, a negative penalty
     */
    void option(String optionText, double weight, String feedback, int optionLine) {
        options.add(new OptionDraft(optionText, weight, feedback, optionLine));
    }

    /** What every learner sees after submitting (Moodle's general feedback). */
    void generalFeedback(String text) {
        generalFeedback = text == null ? "" : text;
    }

    /** Something the file says about the question that the bank does not keep, for the preview. */
    void note(String words) {
        notes.add(words);
    }

    private boolean correct(OptionDraft option) {
        // A single answer or true/false is right only with the full mark; of several answers, any positive share.
        return type == QuestionType.MULTIPLE ? option.weight() > 0 : option.weight() >= 100;
    }

    private double partialCredit(OptionDraft option) {
        return type == QuestionType.SINGLE && option.weight() > 0 && option.weight() < 100
                ? option.weight() / 100 : 0;
    }

    /**
     * Adds the question to {@code questions} when it keeps every rule, otherwise each broken rule to
     * {@code problems}.
     */
    void check(String topicName, List<ImportedQuestion> questions, List<ImportProblem> problems,
               List<ImportProblem> skipped) {
        int before = problems.size();
        String label = label();
        String unequalShares = unequalShares();
        if (unequalShares != null) {
            skipped.add(new ImportProblem(line, label + " gives its correct answers different shares of the mark ("
                    + unequalShares + "); this tool gives each correct answer of a multiple-answer question an"
                    + " equal share"));
            return;
        }
        if (generalFeedback.length() > QuestionContent.MAX_TEXT) {
            problems.add(new ImportProblem(line, label + " has a general feedback of " + generalFeedback.length()
                    + " characters; at most " + QuestionContent.MAX_TEXT + " are allowed"));
        }
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
                    .map(o -> new AnswerOption(o.text(), correct(o), partialCredit(o), o.feedback())).toList(),
                    generalFeedback);
            questions.add(new ImportedQuestion(topicName, name, content, line, notesOnWeights()));
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
        long correct = options.stream().filter(this::correct).count();
        if (correct == 0) {
            problems.add(new ImportProblem(line, label + " has no correct answer"));
        } else if (correct > 1 && type != QuestionType.MULTIPLE) {
            problems.add(new ImportProblem(line, label + " has " + correct
                    + " correct answers; it needs exactly one"));
        }
    }

    /** The differing shares of a multiple-answer question's correct answers ("70%, 30%"), or null. */
    private String unequalShares() {
        if (type != QuestionType.MULTIPLE) {
            return null;
        }
        List<Double> shares = options.stream().map(OptionDraft::weight).filter(w -> w > 0).distinct().toList();
        // Moodle writes a third as 33.33333: shares that close are the same.
        boolean equal = shares.stream().allMatch(w -> Math.abs(w - shares.get(0)) < 0.001);
        return equal ? null : String.join(", ", shares.stream().map(w -> ExportText.percent(w / 100) + "%").toList());
    }

    private List<String> notesOnWeights() {
        List<String> all = new ArrayList<>(notes);
        for (int i = 0; i < options.size(); i++) {
            OptionDraft option = options.get(i);
            double credit = partialCredit(option);
            if (credit > 0) {
                all.add("answer " + (i + 1) + " earns " + ExportText.percent(credit)
                        + "% of the mark when the quiz gives partial credit");
            } else if (option.weight() < 0 && type != QuestionType.MULTIPLE) {
                all.add("answer " + (i + 1) + " takes " + ExportText.percent(-option.weight() / 100)
                        + "% of the mark away in Moodle; here a wrong answer earns nothing and takes nothing away");
            }
        }
        return all;
    }

    String label() {
        String shown = name != null ? name : text;
        if (shown.isBlank()) {
            return kind + " question";
        }
        return kind + " question '" + PlainText.abbreviated(shown) + "'";
    }
}
