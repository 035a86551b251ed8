package com.essentialslti.quiz.bank;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Draws the questions of a new attempt, balanced across topics: topics in random order, one question from each
 * in turn, so that five questions from eleven topics come from five topics, and no topic gives a second question
 * before every topic has given one.
 */
public final class QuestionDraw {

    /**
     * What the draw needs to know of a question: its topic, whether it is retired, and the version an attempt
     * would get. Only the drawn versions are then read in full, not the whole bank with every option.
     */
    record Candidate(String versionId, String topicKey, boolean retired) {
    }

    private QuestionDraw() {
    }

    /** The drawn questions' version ids, in the order the attempt shows them. */
    public static List<String> draw(List<Candidate> bank, int count, Random random) {
        Map<String, Deque<Candidate>> byTopic = new LinkedHashMap<>();
        List<Candidate> active = new ArrayList<>(bank.stream().filter(q -> !q.retired()).toList());
        Collections.shuffle(active, random);
        active.forEach(q -> byTopic.computeIfAbsent(q.topicKey(), k -> new ArrayDeque<>()).add(q));
        List<Deque<Candidate>> topics = new ArrayList<>(byTopic.values());
        Collections.shuffle(topics, random);
        List<String> drawn = new ArrayList<>(count);
        while (drawn.size() < count && topics.stream().anyMatch(t -> !t.isEmpty())) {
            for (Deque<Candidate> topic : topics) {
                if (drawn.size() < count && !topic.isEmpty()) {
                    drawn.add(topic.poll().versionId());
                }
            }
        }
        return drawn;
    }
}
