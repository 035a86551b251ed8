package com.essentialslti.lti.launch;

import com.essentialslti.infra.LogValues;
import com.essentialslti.infra.Settings;
import com.essentialslti.lti.claims.LaunchClaims;
import com.essentialslti.lti.registration.Registrations;
import com.essentialslti.lti.session.LaunchTokens;
import com.essentialslti.lti.session.LoginState;
import com.essentialslti.lti.session.LoginStates;
import com.essentialslti.web.Correlation;
import com.essentialslti.web.Pages;
import com.essentialslti.web.RateLimited;
import com.essentialslti.web.Urls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The redirect URI: receives the id_token and state as a form POST from the platform (response_mode=form_post),
 * runs the validation chain, lets the features record the launch, and answers with the page the launch lands on.
 * That page and every link from it carry a signed launch token, so that no cookie is needed after this point.
 */
@ApplicationScoped // stateless: one instance serves every request
@RateLimited
@Path("/lti/launch")
@Produces(MediaType.TEXT_HTML)
public class LaunchResource {

    private static final Logger LOG = Logger.getLogger(LaunchResource.class.getName());
    /** Where a launch lands; the course feature serves it. */
    public static final String LANDING_PATH = "/home";

    @Inject
    Settings settings;
    @Inject
    LoginStates states;
    @Inject
    LaunchValidator validator;
    @Inject
    LaunchTokens tokens;
    @Inject
    Registrations registrations;
    @Inject
    Event<LaunchLanding> launched;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response launch(@FormParam("id_token") String idToken, @FormParam("state") String state,
                           @FormParam(PlatformStorage.STORED_STATE) String storedState,
                           @FormParam(PlatformStorage.CHECK) String storageCheck, @Context HttpHeaders headers) {
        Optional<LoginState> login = states.find(state);
        boolean cookieReturned = login.map(l -> StateCookie.returned(headers.getCookies(), l.id())).orElse(false);
        boolean storageRepost = storedState != null || storageCheck != null;
        boolean fromOwnPage = storageRepost && login.map(l -> repostFromOwnPage(l, storageCheck, headers)).orElse(false);
        boolean bound = cookieReturned || (fromOwnPage && storageReturned(login.get(), storedState));
        boolean cookiesBlocked = !StateCookie.anyReturned(headers.getCookies());
        if (!bound && cookiesBlocked && login.isPresent() && idToken != null
                && idToken.length() <= IdTokenPresent.MAX_LENGTH && !states.used(login.get())) {
            if (!storageRepost) {
                return unboundBrowser(login.get(), idToken);
            }
            if (fromOwnPage) {
                // The tool's own page asked the platform, which did not have the state: storage is not working here.
                return newWindow(login.get());
            }
            // Otherwise a page elsewhere posted it: refused by StateBoundToBrowser below.
        }
        ValidatedLaunch launch;
        try {
            launch = validator.validate(idToken, state, login.orElse(null), bound);
        } catch (LaunchRejected rejected) {
            LOG.warning("event=launch.rejected correlation=" + Correlation.current() + " code=" + rejected.code()
                    + " detail=" + LogValues.quote(rejected.logDetail()) + (storageRepost ? " storage_repost=true" : ""));
            return rejected.page();
        }
        LaunchClaims claims = launch.claims();
        LOG.info("event=launch.accepted correlation=" + Correlation.current() + " issuer="
                + LogValues.quote(launch.registration().issuer()) + " deployment="
                + LogValues.quote(claims.deploymentId()) + " message_type=" + LogValues.quote(claims.messageType()));
        String clearCookie = new StateCookie(settings).clear(login.orElseThrow().id());
        if (claims.isDeepLinking()) {
            return Response.ok(Pages.render("lti/deep-linking-unavailable", Map.of()))
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .header("Set-Cookie", clearCookie).build();
        }
        String token = tokens.issue(launch.registration().id(), claims.deploymentId(), claims.subject().orElseThrow(),
                claims.resourceLink().orElseThrow().id());
        LaunchLanding landing = new LaunchLanding(launch, token,
                Urls.withQuery(settings.url(LANDING_PATH), Map.of("s", token)));
        launched.fire(landing);
        return landing.page()
                .map(page -> Response.ok(page).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")))
                .orElseGet(() -> Response.seeOther(landing.address()))
                .header("Set-Cookie", clearCookie)
                .build();
    }

    /** The platform's storage gave back this login's id: only for a login that asked for platform storage. */
    private static boolean storageReturned(LoginState login, String storedState) {
        return login.storageTarget().isPresent() && login.id().equals(storedState);
    }

    /**
     * The re-post comes from the launch page the tool served for this state: same origin (checked by the browser's
     * own headers) and carrying the value only that page knows. Without this a page on any site could post an
     * attacker's id_token, state and stored state into a victim's browser and sign the victim in as the attacker.
     */
    private boolean repostFromOwnPage(LoginState login, String storageCheck, HttpHeaders headers) {
        return PlatformStorage.postedByTheToolsOwnPage(headers, settings)
                && states.storageCheckMatches(login, storageCheck);
    }

    /**
     * The browser did not return the state cookie. With platform storage, a page asks the platform for the state
     * and posts the launch again; without it, the tool offers to start over in a new window, where its cookie works.
     */
    private Response unboundBrowser(LoginState login, String idToken) {
        if (login.storageTarget().isEmpty()) {
            return newWindow(login);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("idToken", idToken);
        model.put("state", login.state());
        model.put("stateKey", PlatformStorage.key(login));
        model.put("storageTarget", login.storageTarget().get());
        model.put("platformOrigin", registrations.byId(login.registrationId()).map(PlatformStorage::origin).orElse(""));
        model.put("storageCheck", states.storageCheck(login));
        return Pages.ok("lti/launch-storage", model);
    }

    private Response newWindow(LoginState login) {
        LOG.info("event=launch.cookie_blocked correlation=" + Correlation.current());
        return Pages.ok("lti/new-window", Map.of("loginUrl", newWindowLogin(login).toString()));
    }

    private URI newWindowLogin(LoginState login) {
        Map<String, String> params = new LinkedHashMap<>();
        registrations.byId(login.registrationId()).ifPresent(r -> {
            params.put("iss", r.issuer());
            params.put("client_id", r.clientId());
        });
        params.put("login_hint", login.login().loginHint());
        params.put("target_link_uri", login.login().targetLinkUri());
        params.put("lti_message_hint", login.login().messageHint());
        params.put("lti_deployment_id", login.login().deploymentHint());
        return Urls.withQuery(settings.url("/lti/login"), params);
    }
}
