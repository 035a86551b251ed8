package com.essentialslti.course;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Asks the readiness quiz which of its topics a learner missed in a course, so that another activity (the
 * self-assessment) can show them beside the learner's own view without reading the quiz's tables: fired by the
 * asking activity, answered by the quiz if the course has one. Topics are named by their key in the shipped
 * question bank (for example {@code benefits}).
 */
public final class MissedTopics {

    private final String courseId;
    private final String userId;
    private final Map<String, String> missed = new LinkedHashMap<>();

    public MissedTopics(String courseId, String userId) {
        this.courseId = courseId;
        this.userId = userId;
    }

    public String courseId() {
        return courseId;
    }

    public String userId() {
        return userId;
    }

    /** The quiz's answer: a topic (by key) that the learner's latest submitted attempt got wrong, with its name. */
    public void missed(String topicKey, String topicName) {
        missed.putIfAbsent(topicKey, topicName);
    }

    /** Topic names by key, in the order the quiz gave them; empty when the learner took no quiz in the course. */
    public Map<String, String> topics() {
        return Map.copyOf(missed);
    }
}
