package com.essentialslti.quiz.exchange;

import com.essentialslti.course.Membership;
import com.essentialslti.course.Visitors;
import com.essentialslti.imports.ProblemList;
import com.essentialslti.imports.Upload;
import com.essentialslti.infra.Settings;
import com.essentialslti.quiz.QuizResource;
import com.essentialslti.quiz.bank.QuestionBank;
import com.essentialslti.quiz.bank.QuestionBankResource;
import com.essentialslti.quiz.bank.QuestionContent;
import com.essentialslti.web.Downloads;
import com.essentialslti.web.Pages;
import com.essentialslti.web.Urls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Import and export of a course's questions in Moodle XML and GIFT. An upload is read and shown first (or its
 * problems, with line numbers); only the trainer's confirmation saves it, all questions in one transaction or
 * none. The confirmation carries the file itself, so nothing is kept on the server between the two steps.
 *
 * <p>The preview says everything the import will not do as the file says: the questions it skips (types this tool
 * does not have) and why, what it does not keep of a question, and which questions the bank already has, which the
 * trainer may leave out (the default) or import again.
 */
@ApplicationScoped // stateless: one instance serves every request
@Path("/quiz/bank")
public class QuestionImportResource {

    @Inject
    Visitors visitors;
    @Inject
    QuestionBank bank;
    @Inject
    Settings settings;

    enum Format { GIFT, MOODLE_XML }

    @GET
    @Path("import")
    @Produces(MediaType.TEXT_HTML)
    public Response form(@QueryParam("s") String token) {
        trainer(token);
        return page(token, Map.of(), 200);
    }

    @POST
    @Path("import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public Response preview(@FormParam("s") String token, @FormParam("file") EntityPart file) throws IOException {
        Membership trainer = trainer(token);
        Upload upload;
        try {
            upload = Upload.read(file);
        } catch (Upload.Refused refused) {
            return page(token, Map.of("hasProblems", true, "problems", List.of(refused.getMessage())), 400);
        }
        byte[] content = upload.content();
        Format format = formatOf(upload.fileName(), content);
        ImportResult result = read(format, content);
        if (!result.acceptable()) {
            return problems(token, result);
        }
        List<QuestionContent> inBank = questionsInUse(trainer);
        Map<String, Object> model = new HashMap<>();
        model.put("preview", true);
        model.put("count", result.questions().size());
        skipped(model, result);
        long duplicates = result.questions().stream().filter(q -> alreadyIn(inBank, q)).count();
        model.put("duplicates", duplicates);
        model.put("hasDuplicates", duplicates > 0);
        model.put("format", format.name());
        model.put("content", Upload.inForm(content));
        model.put("importId", java.util.UUID.randomUUID().toString());
        model.put("questions", result.questions().stream().map(q -> Map.of(
                "line", q.line(), "topic", topicOf(q), "type", QuestionBankResource.typeLabel(q.content().type()),
                "text", q.content().text(), "generalFeedback", q.content().generalFeedback(),
                "notes", q.notes(), "duplicate", alreadyIn(inBank, q), "options", q.content().options().stream()
                        .map(o -> Map.of("text", o.text(), "correct", o.correct(), "credit",
                                o.partialCredit() > 0 ? ExportText.percent(o.partialCredit()) + "%" : ""))
                        .toList())).toList());
        return page(token, model, 200);
    }

    @POST
    @Path("import/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response confirm(@FormParam("s") String token, @FormParam("format") String format,
                            @FormParam("content") String content, @FormParam("importId") String importId,
                            @FormParam("duplicates") String duplicates) {
        Membership trainer = trainer(token);
        byte[] file;
        Format chosen;
        try {
            file = Upload.fromForm(content);
            chosen = Format.valueOf(format);
            java.util.UUID.fromString(importId);
        } catch (IllegalArgumentException | NullPointerException e) {
            return page(token, Map.of("hasProblems", true, "problems", List.of(Upload.DAMAGED)), 400);
        }
        ImportResult result = read(chosen, file);
        if (!result.acceptable()) {
            return problems(token, result);
        }
        // Left out unless the trainer chose to import them again; the bank may have changed since the preview.
        boolean again = "import".equals(duplicates);
        List<QuestionContent> inBank = again ? List.of() : questionsInUse(trainer);
        List<QuestionBank.NewQuestion> questions = result.questions().stream().filter(q -> !alreadyIn(inBank, q))
                .map(q -> new QuestionBank.NewQuestion(topicOf(q), q.content())).toList();
        // A second confirmation of the same preview saves nothing and lands where the first did.
        bank.createAll(trainer.resourceLink(), importId, questions);
        return Response.seeOther(Urls.withQuery(settings.url("/quiz/bank"), Map.of("s", token, "done", "imported")))
                .build();
    }

    @GET
    @Path("export.gift")
    public Response exportGift(@QueryParam("s") String token) {
        Membership trainer = trainer(token);
        return Downloads.attachment(GiftFormat.write(exported(trainer)), "text/plain; charset=utf-8",
                "questions.gift");
    }

    @GET
    @Path("export.xml")
    public Response exportMoodleXml(@QueryParam("s") String token) {
        Membership trainer = trainer(token);
        return Downloads.attachment(MoodleXmlFormat.write(exported(trainer)), "application/xml; charset=utf-8",
                "questions.xml");
    }

    private List<ExportedQuestion> exported(Membership trainer) {
        return bank.list(trainer.resourceLink()).stream().filter(e -> !e.retired())
                .map(e -> new ExportedQuestion(e.topic(), null, e.current().content())).toList();
    }

    private List<QuestionContent> questionsInUse(Membership trainer) {
        return bank.list(trainer.resourceLink()).stream().filter(e -> !e.retired()).map(e -> e.current().content())
                .toList();
    }

    private static boolean alreadyIn(List<QuestionContent> inBank, ImportedQuestion question) {
        return inBank.stream().anyMatch(c -> c.sameQuestionAs(question.content()));
    }

    static Format formatOf(String fileName, byte[] content) {
        if (fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".xml")) {
            return Format.MOODLE_XML;
        }
        return Upload.beginsWith(content, '<') ? Format.MOODLE_XML : Format.GIFT;
    }

    private static ImportResult read(Format format, byte[] content) {
        return format == Format.MOODLE_XML ? MoodleXmlFormat.read(content) : GiftFormat.read(content);
    }

    private static String topicOf(ImportedQuestion question) {
        return question.topicName() == null || question.topicName().isBlank() ? "Imported" : question.topicName();
    }

    private Response problems(String token, ImportResult result) {
        List<String> problems = result.problems().isEmpty()
                ? List.of("The file holds no question to import.")
                : ProblemList.shown(result.problems(), " more problems: mend these first and import the file again.");
        Map<String, Object> model = new HashMap<>();
        model.put("hasProblems", true);
        model.put("problems", problems);
        // What would be skipped, so that a trainer mending the file knows it is not the cause.
        skipped(model, result);
        return page(token, model, 400);
    }

    private static void skipped(Map<String, Object> model, ImportResult result) {
        model.put("skipped", ProblemList.shown(result.skipped(), " more questions skipped."));
        model.put("hasSkipped", !result.skipped().isEmpty());
    }

    private Response page(String token, Map<String, Object> values, int status) {
        Map<String, Object> model = new HashMap<>(values);
        model.put("session", token);
        return Pages.page(status, "quiz/import", model);
    }

    private Membership trainer(String token) {
        return QuizResource.atQuizLink(visitors.requireStaff(token));
    }
}
