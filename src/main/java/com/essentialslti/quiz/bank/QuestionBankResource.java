package com.essentialslti.quiz.bank;

import com.essentialslti.course.Membership;
import com.essentialslti.course.Visitors;
import com.essentialslti.infra.Settings;
import com.essentialslti.quiz.QuizResource;
import com.essentialslti.web.Pages;
import com.essentialslti.web.Urls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The question bank's pages, for the trainers and course admins of a course whose link is used for the quiz.
 * Every change is a POST that carries the launch token and answers with a redirect.
 */
@ApplicationScoped // stateless: one instance serves every request
@Path("/quiz/bank")
@Produces(MediaType.TEXT_HTML)
public class QuestionBankResource {

    static final int OPTION_ROWS = 6;

    @Inject
    Visitors visitors;
    @Inject
    QuestionBank bank;
    @Inject
    Settings settings;

    @GET
    public Response list(@QueryParam("s") String token, @QueryParam("done") String done) {
        Membership trainer = trainer(token);
        List<QuestionBank.Entry> entries = bank.list(trainer.resourceLink());
        Map<String, Object> model = new HashMap<>();
        model.put("session", token);
        model.put("message", switch (done == null ? "" : done) {
            case "saved" -> "The question is saved.";
            case "retired" -> "The question is retired: new attempts no longer draw it.";
            case "restored" -> "The question is back in use.";
            case "imported" -> "The questions are imported.";
            default -> null;
        });
        model.put("count", entries.size());
        model.put("active", entries.stream().filter(e -> !e.retired()).count());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            QuestionBank.Entry e = entries.get(i);
            rows.add(Map.of("id", e.id(), "number", i + 1, "text", excerpt(e.current().text()), "topic", e.topic(),
                    "type", typeLabel(e.current().type()), "difficulty", label(e.current().difficulty().name()),
                    "retired", e.retired(), "version", e.current().version(), "session", token));
        }
        model.put("entries", rows);
        return Pages.ok("quiz/bank", model);
    }

    @GET
    @Path("new")
    public Response newQuestion(@QueryParam("s") String token) {
        Membership trainer = trainer(token);
        return form(trainer, token, "Write a question", "/quiz/bank", "", QuestionType.SINGLE, Difficulty.MEDIUM,
                "", List.of(), "", null, 200);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("s") String token, @FormParam("topic") String topic,
                           @FormParam("type") String type, @FormParam("difficulty") String difficulty,
                           @FormParam("text") String text, @FormParam("option") List<String> options,
                           @FormParam("correct") List<String> correct, @FormParam("feedback") List<String> feedback,
                           @FormParam("credit") List<String> credit,
                           @FormParam("generalFeedback") String generalFeedback) {
        Membership trainer = trainer(token);
        try {
            bank.create(trainer.resourceLink(), topic,
                    content(type, difficulty, text, rows(options, correct, feedback, credit), generalFeedback));
        } catch (IllegalArgumentException | NullPointerException problem) {
            return form(trainer, token, "Write a question", "/quiz/bank", topic, parseType(type),
                    parseDifficulty(difficulty), text, rows(options, correct, feedback, credit), generalFeedback,
                    message(problem), 400);
        }
        return redirect("/quiz/bank", token, "saved");
    }

    @GET
    @Path("{question}/edit")
    public Response editForm(@QueryParam("s") String token, @PathParam("question") String questionId) {
        Membership trainer = trainer(token);
        QuestionBank.Entry entry = find(trainer, questionId);
        QuestionVersion v = entry.current();
        List<Row> rows = new ArrayList<>();
        v.options().forEach(o -> rows.add(new Row(o.text(), o.correct(), o.feedback(),
                o.partialCredit() > 0 ? AnswerOption.percent(o.partialCredit()) : "")));
        return form(trainer, token, "Edit a question", "/quiz/bank/" + entry.id(), entry.topic(), v.type(),
                v.difficulty(), v.text(), rows, v.generalFeedback(), null, 200);
    }

    @POST
    @Path("{question}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@FormParam("s") String token, @PathParam("question") String questionId,
                           @FormParam("topic") String topic, @FormParam("type") String type,
                           @FormParam("difficulty") String difficulty, @FormParam("text") String text,
                           @FormParam("option") List<String> options, @FormParam("correct") List<String> correct,
                           @FormParam("feedback") List<String> feedback, @FormParam("credit") List<String> credit,
                           @FormParam("generalFeedback") String generalFeedback) {
        Membership trainer = trainer(token);
        try {
            bank.edit(trainer.resourceLink(), questionId, topic,
                    content(type, difficulty, text, rows(options, correct, feedback, credit), generalFeedback));
        } catch (QuestionBank.NoSuchQuestion missing) {
            return noSuchQuestion();
        } catch (IllegalArgumentException | IllegalStateException | NullPointerException problem) {
            return form(trainer, token, "Edit a question", "/quiz/bank/" + questionId, topic, parseType(type),
                    parseDifficulty(difficulty), text, rows(options, correct, feedback, credit), generalFeedback,
                    message(problem), 400);
        }
        return redirect("/quiz/bank", token, "saved");
    }

    @POST
    @Path("{question}/retire")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retire(@FormParam("s") String token, @PathParam("question") String questionId) {
        return change(token, questionId, bank::retire, "retired");
    }

    @POST
    @Path("{question}/restore")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response restore(@FormParam("s") String token, @PathParam("question") String questionId) {
        return change(token, questionId, bank::restore, "restored");
    }

    private Response change(String token, String questionId,
                            java.util.function.BiConsumer<com.essentialslti.course.ResourceLink, String> action,
                            String done) {
        Membership trainer = trainer(token);
        try {
            action.accept(trainer.resourceLink(), questionId);
        } catch (QuestionBank.NoSuchQuestion missing) {
            return noSuchQuestion();
        }
        return redirect("/quiz/bank", token, done);
    }

    @GET
    @Path("{question}/preview")
    public Response preview(@QueryParam("s") String token, @PathParam("question") String questionId) {
        Membership trainer = trainer(token);
        QuestionBank.Entry entry = find(trainer, questionId);
        QuestionVersion v = entry.current();
        Map<String, Object> model = new HashMap<>();
        model.put("session", token);
        model.put("topic", entry.topic());
        model.put("type", typeLabel(v.type()));
        model.put("difficulty", label(v.difficulty().name()).toLowerCase(Locale.ROOT));
        model.put("version", v.version());
        model.put("retired", entry.retired());
        model.put("text", v.text());
        List<Map<String, Object>> options = new ArrayList<>();
        for (int i = 0; i < v.options().size(); i++) {
            AnswerOption o = v.options().get(i);
            options.add(Map.of("n", i + 1, "text", o.text(), "correct", o.correct(), "feedback", o.feedback(),
                    "credit", o.partialCredit() > 0 ? AnswerOption.percent(o.partialCredit()) + "%" : "",
                    "inputType", v.type() == QuestionType.MULTIPLE ? "checkbox" : "radio"));
        }
        model.put("options", options);
        model.put("generalFeedback", v.generalFeedback());
        return Pages.ok("quiz/preview", model);
    }

    /**
     * One row of the form's options, as sent.
     *
     * @param credit the share of the mark in percent a wrong option of a single-answer question earns, or blank
     */
    record Row(String text, boolean correct, String feedback, String credit) {

        AnswerOption option(int number) {
            return new AnswerOption(text, correct, partialCredit(number), feedback);
        }

        private double partialCredit(int number) {
            if (credit.isBlank()) {
                return 0;
            }
            try {
                double percent = Double.parseDouble(credit.strip().replace(',', '.').replace("%", ""));
                if (percent >= 0 && percent < 100) {
                    return percent / 100;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw new IllegalArgumentException("the partial credit of option " + number
                    + " is a share of the mark from 0 to 99 (in percent), or empty");
        }
    }

    /** The question the form describes; an {@link IllegalArgumentException} says in words what is wrong. */
    public static QuestionContent content(String type, String difficulty, String text, List<Row> rows,
                                   String generalFeedback) {
        QuestionType questionType = QuestionType.valueOf(type);
        List<AnswerOption> chosen = new ArrayList<>();
        if (questionType == QuestionType.TRUE_FALSE) {
            chosen.add(new AnswerOption("True", rows.size() > 0 && rows.get(0).correct(),
                    rows.size() > 0 ? rows.get(0).feedback() : ""));
            chosen.add(new AnswerOption("False", rows.size() > 1 && rows.get(1).correct(),
                    rows.size() > 1 ? rows.get(1).feedback() : ""));
        } else {
            for (int i = 0; i < rows.size(); i++) {
                if (!rows.get(i).text().isBlank()) {
                    chosen.add(rows.get(i).option(i + 1));
                }
            }
        }
        return new QuestionContent(questionType, Difficulty.valueOf(difficulty), text, chosen, generalFeedback);
    }

    public static List<Row> rows(List<String> options, List<String> correct, List<String> feedback, List<String> credit) {
        Set<Integer> right = correct == null ? Set.of() : correct.stream().filter(c -> c != null && c.matches("\\d{1,2}"))
                .map(Integer::valueOf).collect(Collectors.toSet());
        List<Row> rows = new ArrayList<>();
        int count = options == null ? 0 : Math.min(options.size(), 20);
        for (int i = 0; i < count; i++) {
            rows.add(new Row(options.get(i) == null ? "" : options.get(i), right.contains(i), nth(feedback, i),
                    nth(credit, i)));
        }
        return rows;
    }

    private static String nth(List<String> values, int i) {
        String value = values != null && i < values.size() ? values.get(i) : "";
        return value == null ? "" : value;
    }

    private Response form(Membership trainer, String token, String heading, String action, String topic,
                          QuestionType type, Difficulty difficulty, String text, List<Row> rows,
                          String generalFeedback, String problem, int status) {
        Map<String, Object> model = new HashMap<>();
        model.put("session", token);
        model.put("heading", heading);
        model.put("action", action);
        model.put("problem", problem);
        model.put("topic", topic);
        model.put("topics", bank.topicNames(trainer.resourceLink()));
        model.put("types", Arrays.stream(QuestionType.values()).map(t -> Map.of("value", t.name(),
                "label", typeLabel(t), "selected", t == type)).toList());
        model.put("difficulties", Arrays.stream(Difficulty.values()).map(d -> Map.of("value", d.name(),
                "label", label(d.name()), "selected", d == difficulty)).toList());
        model.put("text", text);
        model.put("generalFeedback", generalFeedback == null ? "" : generalFeedback);
        List<Map<String, Object>> options = new ArrayList<>();
        for (int i = 0; i < Math.max(OPTION_ROWS, rows.size()); i++) {
            Row row = i < rows.size() ? rows.get(i) : new Row("", false, "", "");
            options.add(Map.of("n", i + 1, "index", i, "text", row.text(), "correct", row.correct(),
                    "feedback", row.feedback(), "credit", row.credit()));
        }
        model.put("options", options);
        return Pages.page(status, "quiz/question-form", model);
    }

    private Membership trainer(String token) {
        return QuizResource.atQuizLink(visitors.requireStaff(token));
    }

    private QuestionBank.Entry find(Membership trainer, String questionId) {
        try {
            return bank.find(trainer.resourceLink(), questionId);
        } catch (QuestionBank.NoSuchQuestion missing) {
            throw new WebApplicationException(noSuchQuestion());
        }
    }

    private static Response noSuchQuestion() {
        return Pages.error(404, "No such question", "This question is not in your course's bank.",
                "Go back to the question bank.");
    }

    private static QuestionType parseType(String type) {
        try {
            return QuestionType.valueOf(type);
        } catch (RuntimeException e) {
            return QuestionType.SINGLE;
        }
    }

    private static Difficulty parseDifficulty(String difficulty) {
        try {
            return Difficulty.valueOf(difficulty);
        } catch (RuntimeException e) {
            return Difficulty.MEDIUM;
        }
    }

    private static String message(RuntimeException problem) {
        String text = problem.getMessage();
        if (problem instanceof NullPointerException || text == null) {
            return "Every field of the question needs a value.";
        }
        return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1) + (text.endsWith(".") ? "" : ".");
    }

    public static String typeLabel(QuestionType type) {
        return switch (type) {
            case SINGLE -> "Single answer";
            case MULTIPLE -> "Multiple answers";
            case TRUE_FALSE -> "True or false";
        };
    }

    private static String label(String name) {
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }

    private static String excerpt(String text) {
        return text.length() <= 140 ? text : text.substring(0, 137) + "...";
    }

    private Response redirect(String path, String token, String done) {
        return Response.seeOther(Urls.withQuery(settings.url(path), Map.of("s", token, "done", done))).build();
    }
}
