package com.essentialslti.sandbox;

import com.essentialslti.web.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sandbox platform's endpoints: the start buttons post here, and the sandbox starts a real LTI 1.3 login with
 * the tool; its authorization endpoint checks the tool's OIDC request as a platform must, and answers with a signed
 * id_token form. 404 when the sandbox is off.
 */
@ApplicationScoped // stateless: one instance serves every request
@Path("/sandbox")
public class SandboxResource {

    @Inject
    SandboxPlatform sandbox;

    /** Starts a launch as the chosen person: an auto-submitted login initiation POST, as Moodle sends it. */
    @GET
    @Path("/launch")
    @Produces(MediaType.TEXT_HTML)
    public Response launch(@QueryParam("role") String role) {
        if (sandbox == null) {
            return off();
        }
        SandboxPlatform.Person person = SandboxPlatform.person(role).orElse(null);
        if (person == null) {
            return Pages.error(400, "Unknown sandbox role", "Choose learner, trainer or admin.",
                    "Go back to the start page and pick one of the buttons.");
        }
        return Pages.ok("web/autopost", Map.of(
                "title", "Starting the sandbox launch as " + person.role(),
                "action", "/lti/login",
                "fields", fields(sandbox.loginInitiation(person))));
    }

    @GET
    @Path("/auth")
    @Produces(MediaType.TEXT_HTML)
    public Response authorizeByGet(@QueryParam("scope") String scope, @QueryParam("response_type") String responseType,
                                   @QueryParam("response_mode") String responseMode, @QueryParam("prompt") String prompt,
                                   @QueryParam("client_id") String clientId, @QueryParam("redirect_uri") String redirectUri,
                                   @QueryParam("login_hint") String loginHint, @QueryParam("state") String state,
                                   @QueryParam("nonce") String nonce, @QueryParam("lti_message_hint") String messageHint) {
        return authorize(scope, responseType, responseMode, prompt, clientId, redirectUri, loginHint, state, nonce,
                messageHint);
    }

    @POST
    @Path("/auth")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response authorizeByPost(@FormParam("scope") String scope, @FormParam("response_type") String responseType,
                                    @FormParam("response_mode") String responseMode, @FormParam("prompt") String prompt,
                                    @FormParam("client_id") String clientId, @FormParam("redirect_uri") String redirectUri,
                                    @FormParam("login_hint") String loginHint, @FormParam("state") String state,
                                    @FormParam("nonce") String nonce, @FormParam("lti_message_hint") String messageHint) {
        return authorize(scope, responseType, responseMode, prompt, clientId, redirectUri, loginHint, state, nonce,
                messageHint);
    }

    private Response authorize(String scope, String responseType, String responseMode, String prompt,
                               String clientId, String redirectUri, String loginHint, String state, String nonce,
                               String messageHint) {
        if (sandbox == null) {
            return off();
        }
        List<String> problems = new ArrayList<>();
        expect(problems, "scope", scope, "openid");
        expect(problems, "response_type", responseType, "id_token");
        expect(problems, "response_mode", responseMode, "form_post");
        expect(problems, "prompt", prompt, "none");
        expect(problems, "client_id", clientId, SandboxPlatform.CLIENT_ID);
        expect(problems, "redirect_uri", redirectUri, sandbox.redirectUri().toString());
        expect(problems, "lti_message_hint", messageHint, SandboxPlatform.LINK_ID);
        if (state == null || state.isBlank()) {
            problems.add("state is missing");
        }
        if (nonce == null || nonce.isBlank()) {
            problems.add("nonce is missing");
        }
        SandboxPlatform.Person person = SandboxPlatform.bySubject(loginHint).orElse(null);
        if (person == null) {
            problems.add("login_hint does not name a sandbox user");
        }
        if (!problems.isEmpty()) {
            return Pages.error(400, "The sandbox platform refused the tool's login request",
                    String.join("; ", problems) + ".", "This is a defect of the tool: please report it.");
        }
        return Pages.ok("web/autopost", Map.of(
                "title", "Signing in to the tool as " + person.name(),
                "action", redirectUri,
                "fields", fields(Map.of("id_token", sandbox.idToken(person, nonce), "state", state))));
    }

    @GET
    @Path("/jwks.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response keySet() {
        if (sandbox == null) {
            return Response.status(404).type(MediaType.APPLICATION_JSON).entity("{\"error\":\"sandbox_off\"}").build();
        }
        return Response.ok(sandbox.keySet()).build();
    }

    private static void expect(List<String> problems, String name, String actual, String expected) {
        if (!expected.equals(actual)) {
            problems.add(name + " must be '" + expected + "' but was '" + actual + "'");
        }
    }

    private static List<Map<String, String>> fields(Map<String, String> values) {
        return values.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> Map.of("name", e.getKey(), "value", e.getValue())).toList();
    }

    private static Response off() {
        return Pages.error(404, "The sandbox is off",
                "The built-in sandbox platform is only on when the tool runs on localhost.",
                "Launch the tool from your LMS, or set SANDBOX=on to force the sandbox (never with real learners).");
    }
}
