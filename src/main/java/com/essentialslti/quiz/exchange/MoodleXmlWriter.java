package com.essentialslti.quiz.exchange;

import com.essentialslti.quiz.bank.AnswerOption;
import com.essentialslti.quiz.bank.QuestionContent;
import com.essentialslti.quiz.bank.QuestionType;
import java.util.List;

/** Writes questions as a Moodle XML file that Moodle's question bank imports and {@link MoodleXmlReader} reads back. */
final class MoodleXmlWriter {

    private final StringBuilder xml = new StringBuilder();

    private MoodleXmlWriter() {
    }

    static String write(List<ExportedQuestion> questions) {
        MoodleXmlWriter writer = new MoodleXmlWriter();
        writer.xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n");
        ExportText.groupedByTopic(questions).forEach((topic, ofTopic) -> {
            if (topic != null) {
                writer.category(topic);
            }
            ofTopic.forEach(writer::question);
        });
        writer.xml.append("</quiz>\n");
        return writer.xml.toString();
    }

    private void category(String topic) {
        xml.append("  <question type=\"category\">\n")
                .append("    <category><text>").append(escaped(CategoryPath.of(topic))).append("</text></category>\n")
                .append("  </question>\n");
    }

    private void question(ExportedQuestion question) {
        QuestionContent content = question.content();
        boolean trueFalse = content.type() == QuestionType.TRUE_FALSE;
        xml.append("  <question type=\"").append(trueFalse ? "truefalse" : "multichoice").append("\">\n")
                .append("    <name><text>").append(escaped(ExportText.nameOrStartOf(question.name(), content)))
                .append("</text></name>\n")
                .append("    <questiontext format=\"html\"><text>").append(cdata(content.text()))
                .append("</text></questiontext>\n")
                .append("    <generalfeedback format=\"html\"><text>").append(cdata(content.generalFeedback()))
                .append("</text></generalfeedback>\n")
                .append("    <defaultgrade>1</defaultgrade>\n");
        if (trueFalse) {
            trueFalseAnswers(content);
        } else {
            multichoiceAnswers(content);
        }
        xml.append("  </question>\n");
    }

    private void multichoiceAnswers(QuestionContent content) {
        boolean single = content.type() == QuestionType.SINGLE;
        int correctCount = (int) content.options().stream().filter(AnswerOption::correct).count();
        int wrongCount = content.options().size() - correctCount;
        String correctFraction = single ? "100" : ExportText.shareOfMark(correctCount);
        String wrongFraction = single ? "0" : ExportText.penaltyOfWrongOption(wrongCount);
        xml.append("    <penalty>0.3333333</penalty>\n")
                .append("    <hidden>0</hidden>\n")
                .append("    <single>").append(single).append("</single>\n")
                .append("    <shuffleanswers>true</shuffleanswers>\n")
                .append("    <answernumbering>abc</answernumbering>\n");
        for (AnswerOption option : content.options()) {
            String fraction = option.correct() ? correctFraction
                    : option.partialCredit() > 0 ? ExportText.percent(option.partialCredit()) : wrongFraction;
            answer(fraction, cdata(option.text()), option.feedback());
        }
    }

    /** Moodle's true/false answers are the words true and false; ours are the first and the second option. */
    private void trueFalseAnswers(QuestionContent content) {
        AnswerOption isTrue = content.options().get(0);
        AnswerOption isFalse = content.options().get(1);
        xml.append("    <penalty>1</penalty>\n")
                .append("    <hidden>0</hidden>\n");
        answer(isTrue.correct() ? "100" : "0", "true", isTrue.feedback());
        answer(isFalse.correct() ? "100" : "0", "false", isFalse.feedback());
    }

    private void answer(String fraction, String text, String feedback) {
        xml.append("    <answer fraction=\"").append(fraction).append("\" format=\"html\">\n")
                .append("      <text>").append(text).append("</text>\n")
                .append("      <feedback format=\"html\"><text>").append(cdata(feedback)).append("</text></feedback>\n")
                .append("    </answer>\n");
    }

    /** Text as HTML in a CDATA section, as Moodle writes it; HTML-escaped text cannot contain "]]>". */
    private static String cdata(String text) {
        return text.isEmpty() ? "" : "<![CDATA[" + ExportText.html(text) + "]]>";
    }

    /** Plain text (names, category paths) as XML character data. */
    private static String escaped(String text) {
        return ExportText.withoutXmlForbiddenCharacters(text).replace("&", "&amp;").replace("<", "&lt;")
                .replace(">", "&gt;");
    }
}
