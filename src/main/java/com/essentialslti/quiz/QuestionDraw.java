package com.essentialslti.quiz;

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
final class QuestionDraw {

    private QuestionDraw() {
    }

    static List<Question> draw(List<Question> bank, int count, Random random) {
        Map<String, Deque<Question>> byTopic = new LinkedHashMap<>();
        List<Question> active = new ArrayList<>(bank.stream().filter(q -> !q.retired()).toList());
        Collections.shuffle(active, random);
        active.forEach(q -> byTopic.computeIfAbsent(q.topic().key(), k -> new ArrayDeque<>()).add(q));
        List<Deque<Question>> topics = new ArrayList<>(byTopic.values());
        Collections.shuffle(topics, random);
        List<Question> drawn = new ArrayList<>(count);
        while (drawn.size() < count && topics.stream().anyMatch(t -> !t.isEmpty())) {
            for (Deque<Question> topic : topics) {
                if (drawn.size() < count && !topic.isEmpty()) {
                    drawn.add(topic.poll());
                }
            }
        }
        return drawn;
    }
}
