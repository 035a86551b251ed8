package com.essentialslti.quiz.bank;

import com.essentialslti.course.ResourceLink;
import com.essentialslti.imports.ImportConfirmation;
import com.essentialslti.imports.ImportReceipt;
import com.essentialslti.infra.Database;
import jakarta.persistence.EntityManager;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The trainers' side of a course's question bank: list, write, edit, retire and restore questions. A trainer
 * reaches only the bank of the course their link belongs to. Edits write new versions (see {@link Question}),
 * so a past attempt keeps the wording and answers it was given.
 */
public final class QuestionBank {

    /** No question with this id in this course's bank. */
    public static final class NoSuchQuestion extends RuntimeException {
        NoSuchQuestion() {
            super("no such question in this course's bank");
        }
    }

    /** A question to add to the bank under the topic of this name (made if the bank has none). */
    public record NewQuestion(String topicName, QuestionContent content) {
    }

    /** One question as the bank's list shows it. */
    public record Entry(String id, String topic, QuestionVersion current, boolean retired) {
    }

    private final Database database;
    private final Clock clock;

    public QuestionBank(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public List<Entry> list(ResourceLink link) {
        String scope = link.courseScope();
        QuizBank.ensureSeeded(database, scope, clock.instant());
        return database.read(em -> {
            return em.createQuery("SELECT q FROM Question q JOIN FETCH q.current JOIN FETCH q.topic "
                            + "WHERE q.bankScope = :s", Question.class)
                    .setParameter("s", scope)
                    .getResultList().stream()
                    .map(q -> new Entry(q.id(), q.topic().name(), q.current(), q.retired()))
                    .sorted(Comparator.comparing(Entry::retired).thenComparing(Entry::topic)
                            .thenComparing(e -> e.current().text()))
                    .toList();
        });
    }

    public List<String> topicNames(ResourceLink link) {
        return database.read(em -> em.createQuery("SELECT t.name FROM Topic t WHERE t.bankScope = :s "
                        + "ORDER BY t.name", String.class)
                .setParameter("s", link.courseScope())
                .getResultList());
    }

    public Entry find(ResourceLink link, String questionId) {
        return database.read(em -> {
            Question q = own(em, link, questionId);
            return new Entry(q.id(), q.topic().name(), q.current(), q.retired());
        });
    }

    public String create(ResourceLink link, String topicName, QuestionContent content) {
        QuizBank.ensureSeeded(database, link.courseScope(), clock.instant());
        return database.transactionRetryingOnce(em -> {
            Instant now = clock.instant();
            String scope = link.courseScope();
            Question question = new Question(scope, topic(em, scope, topicName), null, content, now);
            em.persist(question.current());
            em.persist(question);
            return question.id();
        });
    }

    /** The kind of the quiz's import receipts ({@link ImportReceipt}). */
    static final String IMPORT_KIND = "quiz-questions";

    /**
     * Several questions in one transaction: all are saved, or none (an import). An import id already used saves
     * nothing: the trainer confirmed the same preview twice (see {@link ImportConfirmation#once}).
     */
    public void createAll(ResourceLink link, String importId, List<NewQuestion> questions) {
        String scope = link.courseScope();
        QuizBank.ensureSeeded(database, scope, clock.instant());
        Instant now = clock.instant();
        ImportConfirmation.once(database, importId, IMPORT_KIND, scope, questions.size(), now, em -> {
            for (NewQuestion imported : questions) {
                Question question = new Question(scope, topic(em, scope, imported.topicName()), null,
                        imported.content(), now);
                em.persist(question.current());
                em.persist(question);
                em.flush(); // a new topic is found by the next question's query
            }
        });
    }

    /**
     * Writes the question's next version. Two trainers saving the same question at once both write the same version
     * number; the one refused by the unique key runs again on the other's version, so both edits stay as versions.
     */
    public void edit(ResourceLink link, String questionId, String topicName, QuestionContent content) {
        database.transactionRetryingOnce(em -> {
            Question question = own(em, link, questionId);
            em.persist(question.edit(topic(em, link.courseScope(), topicName), content, clock.instant()));
            return null;
        });
    }

    public void retire(ResourceLink link, String questionId) {
        database.transact(em -> own(em, link, questionId).retire());
    }

    public void restore(ResourceLink link, String questionId) {
        database.transact(em -> own(em, link, questionId).restore());
    }

    private static Question own(EntityManager em, ResourceLink link, String questionId) {
        Question question = questionId == null ? null : em.find(Question.class, questionId);
        if (question == null || !question.bankScope().equals(link.courseScope())) {
            throw new NoSuchQuestion();
        }
        return question;
    }

    /** The topic with this name in the bank, made on first use (an imported category, a trainer's new theme). */
    private static Topic topic(EntityManager em, String scope, String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new IllegalArgumentException("A question needs a topic.");
        }
        if (clean.length() > 255) {
            throw new IllegalArgumentException("A topic's name is at most 255 characters.");
        }
        Optional<Topic> known = em.createQuery("SELECT t FROM Topic t WHERE t.bankScope = :s AND LOWER(t.name) = :n",
                        Topic.class)
                .setParameter("s", scope)
                .setParameter("n", clean.toLowerCase(Locale.ROOT))
                .getResultList().stream().findFirst();
        return known.orElseGet(() -> {
            Topic created = new Topic(scope, key(clean), clean, "Revisit " + clean + " in the course material.");
            em.persist(created);
            em.flush(); // before the version that names it: the version keeps only its id, no mapping orders them
            return created;
        });
    }

    private static String key(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("[^\\p{ASCII}]", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return (slug.isEmpty() ? "topic" : slug.substring(0, Math.min(slug.length(), 40))) + "-"
                + Long.toString(System.nanoTime() % 1_000_000, 36);
    }
}
