package com.essentialslti.quiz.exchange;

import com.essentialslti.imports.ImportProblem;
import com.essentialslti.imports.Utf8File;
import com.essentialslti.quiz.bank.PlainText;
import com.essentialslti.quiz.bank.QuestionType;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Reads a Moodle XML question file with the JDK's StAX parser, hardened because the file comes from outside: no DTD
 * and no entity is accepted (so nothing is read from disk or network and nothing expands), and the size, the depth
 * of nesting and the number of questions are bounded. Streaming keeps only one question in memory at a time and
 * gives each question the line it starts on.
 */
final class MoodleXmlReader {

    static final int MAX_DEPTH = 32;
    private static final String SUPPORTED = "multichoice and truefalse questions";
    private static final java.util.Set<String> AS_WRITTEN = java.util.Set.of("plain_text", "moodle_auto_format",
            "markdown");
    private static final String NO_DTD = "the file declares a DTD or entities, which are not accepted";

    private final String text;
    private final List<ImportedQuestion> questions = new ArrayList<>();
    private final List<ImportProblem> problems = new ArrayList<>();
    private final List<ImportProblem> skipped = new ArrayList<>();
    private String topic;
    private int questionCount;

    private MoodleXmlReader(String text) {
        this.text = text;
    }

    static ImportResult read(byte[] file) {
        if (file.length > ImportLimits.MAX_FILE_BYTES) {
            return new ImportResult(List.of(), List.of(ImportLimits.fileTooLarge()));
        }
        // Decoded here rather than by the parser, which would print encoding errors to the server's console.
        String text = Utf8File.decode(file);
        if (text == null) {
            return new ImportResult(List.of(), List.of(Utf8File.NOT_UTF8));
        }
        MoodleXmlReader reader = new MoodleXmlReader(text);
        reader.readFile();
        return new ImportResult(reader.questions, reader.problems, reader.skipped);
    }

    private void readFile() {
        XMLStreamReader xml = null;
        try {
            xml = hardenedFactory().createXMLStreamReader(new StringReader(text));
            readQuiz(xml);
        } catch (XMLStreamException e) {
            problems.add(new ImportProblem(lineOf(e), "the file is not well-formed XML: " + messageOf(e)));
        } finally {
            close(xml);
        }
        if (questions.isEmpty() && problems.isEmpty()) {
            problems.add(ImportLimits.noQuestion(SUPPORTED));
        }
    }

    private static XMLInputFactory hardenedFactory() {
        // The JDK's own parser, whatever else the server puts on the class path, so that these settings are known
        // to be honoured.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        // References stay references instead of being expanded; without a DTD any reference other than the five
        // predefined ones (&amp; &lt; ...) is then an error.
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("the file refers to " + systemId + ", which is not read");
        });
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    private void readQuiz(XMLStreamReader xml) throws XMLStreamException {
        Deque<XmlElement> openInQuestion = new ArrayDeque<>();
        int depth = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            int line = xml.getLocation().getLineNumber();
            switch (event) {
                case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_DECLARATION,
                        XMLStreamConstants.ENTITY_REFERENCE -> {
                    problems.add(new ImportProblem(lineOfDoctype(line), NO_DTD));
                    return;
                }
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    if (depth > MAX_DEPTH) {
                        problems.add(new ImportProblem(line, "the file nests elements more than " + MAX_DEPTH
                                + " levels deep, which no question file needs"));
                        return;
                    }
                    String name = xml.getLocalName();
                    if (depth == 1 && !name.equals("quiz")) {
                        problems.add(new ImportProblem(line, "the file is not a Moodle XML question file: its root"
                                + " element is <" + PlainText.abbreviated(name) + ">, not <quiz>"));
                        return;
                    }
                    // Only questions are kept; anything else directly under <quiz> is ignored, as Moodle does.
                    if (depth == 2 && name.equals("question") || !openInQuestion.isEmpty()) {
                        XmlElement element = new XmlElement(name, attributes(xml), line);
                        if (!openInQuestion.isEmpty()) {
                            openInQuestion.peek().children.add(element);
                        }
                        openInQuestion.push(element);
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (!openInQuestion.isEmpty()) {
                        openInQuestion.peek().text.append(xml.getText());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    depth--;
                    if (!openInQuestion.isEmpty()) {
                        XmlElement closed = openInQuestion.pop();
                        if (openInQuestion.isEmpty() && !question(closed)) {
                            return;
                        }
                    }
                }
                default -> {
                    // comments, processing instructions, the end of the document: nothing to read
                }
            }
        }
    }

    /** Reads one question; false when the file has too many and reading should stop. */
    private boolean question(XmlElement question) {
        String type = question.attribute("type");
        if ("category".equals(type)) {
            category(question);
            return true;
        }
        if (++questionCount > ImportLimits.MAX_QUESTIONS) {
            problems.add(ImportLimits.tooManyQuestions(question.line));
            return false;
        }
        switch (type == null ? "" : type) {
            case "multichoice" -> multichoice(question);
            case "truefalse" -> trueFalse(question);
            case "" -> problems.add(new ImportProblem(question.line,
                    "a question has no type; this tool reads " + SUPPORTED));
            // Real banks mix types: one this tool does not have is left out and the rest imported.
            default -> skipped.add(new ImportProblem(question.line, labelOf(question, type)
                    + " is of a type this tool does not have: only multichoice and truefalse"));
        }
        return true;
    }

    private void category(XmlElement question) {
        topic = CategoryPath.topicOf(PlainText.asWritten(question.textOf("category", "text")));
        if (topic != null && topic.length() > CategoryPath.MAX_TOPIC_NAME) {
            problems.add(new ImportProblem(question.line, "the category '" + PlainText.abbreviated(topic)
                    + "' has a name longer than " + CategoryPath.MAX_TOPIC_NAME + " characters"));
        }
    }

    private void multichoice(XmlElement question) {
        // Moodle's rule: a missing <single> means one answer; "false" or "0" means several.
        boolean single = !isFalse(question.textOf("single"));
        QuestionDraft draft = draft(question, "multichoice", single ? QuestionType.SINGLE : QuestionType.MULTIPLE);
        for (XmlElement answer : question.children("answer")) {
            draft.option(answerText(answer), fraction(answer, draft).orElse(0), feedback(answer), answer.line);
        }
        combinedFeedback(question, draft);
        draft.check(topic, questions, problems, skipped);
    }

    private void trueFalse(XmlElement question) {
        QuestionDraft draft = draft(question, "truefalse", QuestionType.TRUE_FALSE);
        List<XmlElement> trueAnswers = new ArrayList<>();
        List<XmlElement> falseAnswers = new ArrayList<>();
        for (XmlElement answer : question.children("answer")) {
            switch (answerText(answer).toLowerCase(Locale.ROOT)) {
                case "true" -> trueAnswers.add(answer);
                case "false" -> falseAnswers.add(answer);
                default -> problems.add(new ImportProblem(answer.line, draft.label()
                        + ": an answer is '" + PlainText.abbreviated(answerText(answer))
                        + "' where only 'true' and 'false' are possible"));
            }
        }
        if (trueAnswers.size() != 1 || falseAnswers.size() != 1) {
            problems.add(new ImportProblem(question.line, draft.label()
                    + " needs one answer 'true' and one answer 'false'"));
            return;
        }
        for (XmlElement answer : List.of(trueAnswers.get(0), falseAnswers.get(0))) {
            boolean isTrue = answer == trueAnswers.get(0);
            draft.option(isTrue ? "True" : "False", fraction(answer, draft).orElse(0), feedback(answer),
                    answer.line);
        }
        draft.check(topic, questions, problems, skipped);
    }

    private static QuestionDraft draft(XmlElement question, String kind, QuestionType type) {
        // A name is plain text in Moodle, never HTML.
        QuestionDraft draft = new QuestionDraft(kind, type, PlainText.asWritten(question.textOf("name", "text")),
                question.richText("questiontext"), question.line);
        draft.generalFeedback(question.richText("generalfeedback"));
        return draft;
    }

    /** "essay question 'Reflect'": how a skipped question is named in the preview. */
    private static String labelOf(XmlElement question, String type) {
        String name = PlainText.asWritten(question.textOf("name", "text"));
        return PlainText.abbreviated(type) + " question" + (name.isBlank() ? "" : " '" + PlainText.abbreviated(name)
                + "'");
    }

    /**
     * Moodle's feedback for a right, a partly right and a wrong answer has no place here, where each option has its
     * own: said in the preview, unless it is the sentence Moodle puts there by itself.
     */
    private static void combinedFeedback(XmlElement question, QuestionDraft draft) {
        List<String[]> kinds = List.of(
                new String[] {"correctfeedback", "for a correct answer", "Your answer is correct."},
                new String[] {"partiallycorrectfeedback", "for a partly correct answer", "Your answer is partially correct."},
                new String[] {"incorrectfeedback", "for an incorrect answer", "Your answer is incorrect."});
        for (String[] kind : kinds) {
            String feedback = question.richText(kind[0]);
            if (!feedback.isBlank() && !feedback.equals(kind[2])) {
                draft.note("its feedback " + kind[1] + " ('" + PlainText.abbreviated(feedback) + "') is not kept:"
                        + " this tool shows each option's feedback and the general feedback");
            }
        }
    }

    private static String answerText(XmlElement answer) {
        // Old Moodle files put the answer's text straight in <answer>.
        String text = answer.textOf("text");
        return answer.read(text != null ? text : answer.text.toString());
    }

    private static String feedback(XmlElement answer) {
        return answer.richText("feedback");
    }

    private OptionalDouble fraction(XmlElement answer, QuestionDraft draft) {
        String value = answer.attribute("fraction");
        if (value == null) {
            return OptionalDouble.of(0);
        }
        try {
            double fraction = Double.parseDouble(value.strip());
            if (Double.isFinite(fraction)) {
                return OptionalDouble.of(fraction);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new ImportProblem(answer.line, draft.label() + ": an answer's fraction '"
                + PlainText.abbreviated(value) + "' is not a number"));
        return OptionalDouble.empty();
    }

    private static boolean isFalse(String value) {
        if (value == null) {
            return false;
        }
        String v = value.strip();
        return v.equals("false") || v.equals("0");
    }

    private static Map<String, String> attributes(XMLStreamReader xml) {
        Map<String, String> attributes = new HashMap<>();
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            attributes.put(xml.getAttributeLocalName(i), xml.getAttributeValue(i));
        }
        return attributes;
    }

    /** The parser reports a DTD where it ends; an admin looks for where it starts. */
    private int lineOfDoctype(int parserLine) {
        int doctype = text.indexOf("<!DOCTYPE");
        return doctype < 0 ? parserLine : (int) text.substring(0, doctype).chars().filter(c -> c == '\n').count() + 1;
    }

    private static int lineOf(XMLStreamException e) {
        return e.getLocation() != null && e.getLocation().getLineNumber() > 0 ? e.getLocation().getLineNumber() : 0;
    }

    /** The JDK's message without its "ParseError at [row,col]" prefix, which the problem's line already says. */
    private static String messageOf(XMLStreamException e) {
        String message = String.valueOf(e.getMessage());
        int start = message.indexOf("Message: ");
        return (start >= 0 ? message.substring(start + "Message: ".length()) : message).strip();
    }

    private static void close(XMLStreamReader xml) {
        if (xml == null) {
            return;
        }
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // nothing was opened that needs closing: the input is an array in memory
        }
    }

    /** An element of the question being read, kept until the question ends. */
    private static final class XmlElement {
        final String name;
        final Map<String, String> attributes;
        final int line;
        final StringBuilder text = new StringBuilder();
        final List<XmlElement> children = new ArrayList<>();

        XmlElement(String name, Map<String, String> attributes, int line) {
            this.name = name;
            this.attributes = attributes;
            this.line = line;
        }

        String attribute(String attributeName) {
            return attributes.get(attributeName);
        }

        List<XmlElement> children(String childName) {
            return children.stream().filter(c -> c.name.equals(childName)).toList();
        }

        /**
         * The plain text of a child holding text in a format ({@code <questiontext format="html"><text>}), or ""
         * when there is none.
         */
        String richText(String childName) {
            XmlElement child = children.stream().filter(c -> c.name.equals(childName)).findFirst().orElse(null);
            return child == null ? "" : child.read(child.textOf("text"));
        }

        /**
         * Text in this element's format: HTML read once; Moodle's other formats (plain_text, moodle_auto_format,
         * markdown) are shown as written, so they are kept so. Without a format, HTML, which is what old files hold.
         */
        String read(String formatted) {
            String format = attribute("format");
            boolean asWritten = format != null && AS_WRITTEN.contains(format.strip().toLowerCase(Locale.ROOT));
            return asWritten ? PlainText.asWritten(formatted) : PlainText.fromHtml(formatted);
        }

        /** The text of the element at the end of a path of child names, or null when there is none. */
        String textOf(String... path) {
            XmlElement element = this;
            for (String step : path) {
                element = element.children.stream().filter(c -> c.name.equals(step)).findFirst().orElse(null);
                if (element == null) {
                    return null;
                }
            }
            return element.text.toString();
        }
    }
}
