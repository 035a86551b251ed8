package com.essentialslti.quiz.bank;

import com.nimbusds.jose.util.JSONObjectUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The question bank that ships with the tool ({@code quiz/default-bank.json}): the themes of the "Essentials for
 * PMO Managers" course. Each course's bank starts as a copy of it, which its trainers may then change.
 */
public record DefaultBank(List<TopicSeed> topics, List<QuestionSeed> questions) {

    public record TopicSeed(String key, String name, String advice) {
    }

    public record QuestionSeed(String key, String topicKey, QuestionContent content) {
    }

    static final String RESOURCE = "/quiz/default-bank.json";

    public static DefaultBank load() {
        try (InputStream in = DefaultBank.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static DefaultBank parse(String json) {
        try {
            Map<String, Object> root = JSONObjectUtils.parse(json);
            List<TopicSeed> topics = ((List<Map<String, Object>>) root.get("topics")).stream()
                    .map(t -> new TopicSeed((String) t.get("id"), (String) t.get("name"), (String) t.get("advice")))
                    .toList();
            List<QuestionSeed> questions = ((List<Map<String, Object>>) root.get("questions")).stream()
                    .map(q -> new QuestionSeed((String) q.get("id"), (String) q.get("topic"), new QuestionContent(
                            type((String) q.get("type")),
                            Difficulty.valueOf(((String) q.get("difficulty")).toUpperCase(Locale.ROOT)),
                            (String) q.get("text"),
                            ((List<Map<String, Object>>) q.get("options")).stream()
                                    .map(o -> new AnswerOption((String) o.get("text"),
                                            Boolean.TRUE.equals(o.get("correct")), (String) o.get("feedback")))
                                    .toList())))
                    .toList();
            return new DefaultBank(topics, questions);
        } catch (ParseException | ClassCastException | NullPointerException e) {
            throw new IllegalStateException("the default question bank is not valid: " + e.getMessage(), e);
        }
    }

    private static QuestionType type(String value) {
        return switch (value) {
            case "single" -> QuestionType.SINGLE;
            case "multiple" -> QuestionType.MULTIPLE;
            case "truefalse" -> QuestionType.TRUE_FALSE;
            default -> throw new IllegalStateException("unknown question type " + value);
        };
    }
}
