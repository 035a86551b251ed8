package com.essentialslti.web;

import com.essentialslti.infra.Settings;

import java.util.ArrayList;
import java.util.List;

/**
 * What the start page tells the operator besides "running": each notice says what is wrong, where the details are
 * and what to set. Found against a real Moodle, where a tool that said "ready for launches" had refused a
 * registration file, and a wrong LTI_BASE_URL showed only Moodle's bare "Invalid request". The page is public:
 * counts and addresses only, never a secret or a file's contents.
 */
final class StartNotices {

    /** The registrations' state: files refused at start, registrations retired, deployments not configured. */
    record Registrations(int refusedFiles, int retired, int unknownDeployments) {
        static final Registrations NONE = new Registrations(0, 0, 0);
    }

    private StartNotices() {
    }

    static List<String> of(Settings settings, RequestAddress requested, Registrations registrations) {
        List<String> notices = new ArrayList<>();
        if (requested.authority() != null && !settings.isBaseAddress(requested.scheme(), requested.authority())) {
            notices.add("This page was requested at " + requested + ", but LTI_BASE_URL is " + settings.baseUrl()
                    + ". Every address given to the LMS below comes from LTI_BASE_URL, and an LMS given a wrong one "
                    + "answers launches with a bare \"Invalid request\". "
                    + "Set LTI_BASE_URL to the address the LMS reaches the tool at, restart the tool and give the LMS "
                    + "the values below again.");
        }
        counted(notices, registrations.refusedFiles(), "registration file was", "registration files were",
                " refused at start, so their platforms cannot launch the tool. The tool's log says why, in its lines "
                        + "with event=registration.file.refused; mend the files and restart the tool.");
        counted(notices, registrations.retired(), "registration is", "registrations are",
                " retired because its file is gone from lti-config/platforms (event=registration.retired in the "
                        + "log): its launches are refused and its grades are not sent until the file is back.");
        counted(notices, registrations.unknownDeployments(), "unknown deployment has", "unknown deployments have",
                " tried to launch the tool. The operator API lists them (GET /admin/deployments/unknown); add each "
                        + "legitimate one to deployment_ids in its platform's registration file.");
        return notices;
    }

    /** A notice that starts with a count, when there is anything to count. */
    private static void counted(List<String> notices, int n, String one, String several, String rest) {
        if (n > 0) {
            notices.add(n + " " + (n == 1 ? one : several) + rest);
        }
    }
}
