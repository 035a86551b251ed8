package com.essentialslti.lti.launch;

import com.essentialslti.lti.claims.LaunchClaims;
import com.essentialslti.lti.registration.Registration;

import java.util.List;

/** A launch that passed every check: the registration it came through, its typed claims, the checks passed. */
public record ValidatedLaunch(Registration registration, LaunchClaims claims, List<String> checksPassed) {
}
