package com.essentialslti.lti.launch;

import com.essentialslti.infra.LogValues;
import com.essentialslti.infra.Settings;
import com.essentialslti.lti.registration.Deployment;
import com.essentialslti.lti.registration.Registration;
import com.essentialslti.lti.registration.Registrations;
import com.essentialslti.lti.session.LoginRequest;
import com.essentialslti.lti.session.LoginState;
import com.essentialslti.lti.session.LoginStates;
import com.essentialslti.web.Correlation;
import com.essentialslti.web.Pages;
import com.essentialslti.web.RateLimited;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Third-party initiated login (1EdTech Security Framework 1.0 §5.1.1.1; LTI 1.3 Core §4.1): the platform sends
 * iss, login_hint and target_link_uri (by GET or POST; Moodle POSTs), the tool answers with the OIDC authentication
 * request to the platform's authorization endpoint, carrying a fresh state and nonce.
 */
@ApplicationScoped // stateless: one instance serves every request
@RateLimited
@Path("/lti/login")
@Produces(MediaType.TEXT_HTML)
public class LoginResource {

    private static final Logger LOG = Logger.getLogger(LoginResource.class.getName());
    static final int MAX_PARAM_LENGTH = 4096;

    @Inject
    Settings settings;
    @Inject
    Registrations registrations;
    @Inject
    LoginStates states;

    @GET
    public Response loginByGet(@QueryParam("iss") String iss, @QueryParam("login_hint") String loginHint,
                               @QueryParam("target_link_uri") String targetLinkUri,
                               @QueryParam("lti_message_hint") String messageHint,
                               @QueryParam("client_id") String clientId,
                               @QueryParam("lti_deployment_id") String deploymentId,
                               @QueryParam("lti_storage_target") String storageTarget) {
        return login(iss, loginHint, targetLinkUri, messageHint, clientId, deploymentId, storageTarget);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response loginByPost(@FormParam("iss") String iss, @FormParam("login_hint") String loginHint,
                                @FormParam("target_link_uri") String targetLinkUri,
                                @FormParam("lti_message_hint") String messageHint,
                                @FormParam("client_id") String clientId,
                                @FormParam("lti_deployment_id") String deploymentId,
                                @FormParam("lti_storage_target") String storageTarget) {
        return login(iss, loginHint, targetLinkUri, messageHint, clientId, deploymentId, storageTarget);
    }

    private Response login(String iss, String loginHint, String targetLinkUri, String messageHint, String clientId,
                           String deploymentId, String storageTarget) {
        for (String value : new String[]{iss, loginHint, targetLinkUri, messageHint, clientId, deploymentId, storageTarget}) {
            if (value != null && value.length() > MAX_PARAM_LENGTH) {
                return refuse("login.param_too_long", "A login parameter is longer than the tool accepts.",
                        "Ask the LMS administrator to check the platform's LTI settings.");
            }
        }
        if (deploymentId != null && deploymentId.length() > Deployment.MAX_ID_LENGTH) {
            return refuse("login.deployment_too_long", "The deployment id the LMS sent is longer than "
                    + Deployment.MAX_ID_LENGTH + " characters.", "Ask the LMS administrator to check the tool's deployment.");
        }
        if (blank(iss) || blank(loginHint) || blank(targetLinkUri)) {
            return refuse("login.incomplete", "The LMS started the login without "
                            + (blank(iss) ? "its issuer (iss)" : blank(loginHint) ? "a login_hint" : "a target_link_uri")
                            + ", which LTI 1.3 requires.",
                    "Check that the LMS uses this tool's login URL (" + settings.url("/lti/login")
                            + ") as the 'Initiate login URL' of an LTI 1.3 tool.");
        }
        List<Registration> candidates = blank(clientId) ? registrations.forIssuer(iss)
                : registrations.find(iss, clientId).map(List::of).orElse(List.of());
        if (candidates.isEmpty()) {
            return refuse("login.unregistered", "This tool is not registered with the platform " + iss
                            + (blank(clientId) ? "" : " under client ID '" + clientId + "'") + ".",
                    "Ask the tool's operator to add a registration file for this platform to lti-config/platforms "
                            + "(see the README), with the issuer and client ID the LMS shows.");
        }
        if (candidates.size() > 1) {
            return refuse("login.ambiguous", "The tool has several registrations for " + iss
                            + " and the LMS did not say which one (no client_id).",
                    "Ask the LMS administrator to send client_id in the login request.");
        }
        Registration registration = candidates.get(0);
        if (registration.retired()) {
            LOG.info("event=login.refused correlation=" + Correlation.current() + " code=registration.retired");
            return RegistrationInService.page(registration);
        }
        // An unknown lti_deployment_id is not refused here: the launch refuses it once the platform signed it, and
        // records it for the operator then (Canvas mints deployment ids in normal operation). Recording it here
        // would let anyone write to the database.
        LoginState state = states.issue(new LoginRequest(registration.id(), loginHint, messageHint, targetLinkUri,
                blank(deploymentId) ? null : deploymentId, blank(storageTarget) ? null : storageTarget));
        URI authorization = authenticationRequest(registration, state);
        LOG.info("event=login correlation=" + Correlation.current() + " issuer=" + LogValues.quote(iss)
                + " client_id=" + LogValues.quote(registration.clientId()) + " storage=" + !blank(storageTarget));
        StateCookie cookie = new StateCookie(settings);
        if (!blank(storageTarget)) {
            // LTI Client Side postMessages: keep the state in the platform's storage as well as in a cookie.
            return Response.ok(Pages.render("lti/login-storage", Map.of(
                            "authorizationUrl", authorization.toString(),
                            "storageTarget", storageTarget,
                            "platformOrigin", PlatformStorage.origin(registration),
                            "stateKey", PlatformStorage.key(state),
                            "state", state.id())))
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .header("Set-Cookie", cookie.set(state.id()))
                    .build();
        }
        return Response.status(Response.Status.FOUND).location(authorization)
                .header("Set-Cookie", cookie.set(state.id()))
                .build();
    }

    /** The OIDC authentication request (1EdTech Security Framework 1.0 §5.1.1.2). */
    private URI authenticationRequest(Registration registration, LoginState state) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("scope", "openid");
        params.put("response_type", "id_token");
        params.put("response_mode", "form_post");
        params.put("prompt", "none");
        params.put("client_id", registration.clientId());
        params.put("redirect_uri", settings.url("/lti/launch").toString());
        params.put("login_hint", state.login().loginHint());
        params.put("lti_message_hint", state.login().messageHint()); // echoed unchanged; omitted when absent
        params.put("state", state.state());
        params.put("nonce", state.nonce());
        return Urls.withQuery(registration.authLoginUrl(), params);
    }

    private Response refuse(String code, String explanation, String remedy) {
        LOG.info("event=login.refused correlation=" + Correlation.current() + " code=" + code);
        return Pages.error(400, "The tool could not start this launch", explanation, remedy);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
