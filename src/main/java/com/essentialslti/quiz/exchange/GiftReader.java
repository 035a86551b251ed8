package com.essentialslti.quiz.exchange;

import com.essentialslti.imports.ImportProblem;
import com.essentialslti.imports.Utf8File;
import com.essentialslti.quiz.bank.PlainText;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a GIFT file: questions separated by blank lines, {@code //} comment lines, and {@code $CATEGORY:} lines
 * that set the topic of the questions after them. Each question is read by a {@link GiftBlock}.
 */
final class GiftReader {

    private static final String SUPPORTED = "multichoice (= and ~ answers) and true/false ({T} or {F}) questions";
    private static final String CATEGORY = "$CATEGORY:";

    private final List<ImportedQuestion> questions = new ArrayList<>();
    private final List<ImportProblem> problems = new ArrayList<>();
    private final List<ImportProblem> skipped = new ArrayList<>();
    private String topic;
    private int questionCount;

    private GiftReader() {
    }

    static ImportResult read(byte[] file) {
        GiftReader reader = new GiftReader();
        if (file.length > ImportLimits.MAX_FILE_BYTES) {
            reader.problems.add(ImportLimits.fileTooLarge());
        } else {
            reader.readText(file);
        }
        return new ImportResult(reader.questions, reader.problems, reader.skipped);
    }

    private void readText(byte[] file) {
        String text = Utf8File.decode(file);
        if (text == null) {
            problems.add(Utf8File.NOT_UTF8);
            return;
        }
        readLines(text.split("\r\n|\r|\n", -1));
        if (questions.isEmpty() && problems.isEmpty()) {
            problems.add(ImportLimits.noQuestion(SUPPORTED));
        }
    }

    private void readLines(String[] lines) {
        StringBuilder block = new StringBuilder();
        List<Integer> blockLines = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String stripped = lines[i].strip();
            if (stripped.startsWith("//")) {
                continue;
            }
            if (stripped.isEmpty() || stripped.startsWith(CATEGORY)) {
                if (!endBlock(block, blockLines)) {
                    return;
                }
                if (stripped.startsWith(CATEGORY)) {
                    category(stripped.substring(CATEGORY.length()), i + 1);
                }
                continue;
            }
            if (!blockLines.isEmpty()) {
                block.append('\n');
            }
            block.append(lines[i]);
            blockLines.add(i + 1);
        }
        endBlock(block, blockLines);
    }

    /** Reads the block collected so far, if any; false when the file has too many questions to go on. */
    private boolean endBlock(StringBuilder block, List<Integer> blockLines) {
        if (blockLines.isEmpty()) {
            return true;
        }
        if (++questionCount > ImportLimits.MAX_QUESTIONS) {
            problems.add(ImportLimits.tooManyQuestions(blockLines.get(0)));
            return false;
        }
        new GiftBlock(block.toString(), List.copyOf(blockLines), questions, problems, skipped).read(topic);
        block.setLength(0);
        blockLines.clear();
        return true;
    }

    private void category(String path, int line) {
        topic = CategoryPath.topicOf(PlainText.asWritten(path));
        if (topic != null && topic.length() > CategoryPath.MAX_TOPIC_NAME) {
            problems.add(new ImportProblem(line, "the category '" + PlainText.abbreviated(topic)
                    + "' has a name longer than " + CategoryPath.MAX_TOPIC_NAME + " characters"));
        }
    }
}
