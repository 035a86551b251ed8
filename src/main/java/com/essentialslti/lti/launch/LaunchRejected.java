package com.essentialslti.lti.launch;

import com.essentialslti.web.Pages;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/**
 * A launch the tool refuses. Carries what the error page says (in words an LMS administrator can act on) and what
 * only the server log may carry ({@code logDetail}): never token contents on the page.
 */
public final class LaunchRejected extends Exception {

    private final String code;
    private final int status;
    private final String title;
    private final String explanation;
    private final String remedy;
    private final String logDetail;

    public LaunchRejected(String code, int status, String title, String explanation, String remedy, String logDetail) {
        super(code + ": " + title, null, false, false);
        this.code = code;
        this.status = status;
        this.title = title;
        this.explanation = explanation;
        this.remedy = remedy;
        this.logDetail = logDetail;
    }

    /** A malformed or incomplete message: the platform sent something LTI 1.3 does not allow. */
    public static LaunchRejected invalid(String code, String explanation, String logDetail) {
        return new LaunchRejected(code, 400, "This launch message is not valid", explanation,
                "If this keeps happening, give the LMS administrator the reference below; the platform's LTI 1.3 "
                        + "configuration or its LTI implementation needs attention.", logDetail);
    }

    /** A message whose authenticity the tool cannot establish. */
    public static LaunchRejected untrusted(String code, String explanation, String remedy, String logDetail) {
        return new LaunchRejected(code, 401, "This launch could not be verified", explanation, remedy, logDetail);
    }

    /** The error page for this refusal, inside the LMS iframe. */
    Response page() {
        return Pages.page(status, "web/error", Map.of("title", title, "explanation", explanation, "remedy", remedy,
                "code", code));
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String explanation() {
        return explanation;
    }

    public String remedy() {
        return remedy;
    }

    public String logDetail() {
        return logDetail;
    }
}
