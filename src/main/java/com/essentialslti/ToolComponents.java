package com.essentialslti;

import com.essentialslti.infra.Database;
import com.essentialslti.infra.Settings;
import com.essentialslti.lti.keys.KeyRing;
import com.essentialslti.lti.launch.LaunchValidator;
import com.essentialslti.lti.registration.Registrations;
import com.essentialslti.lti.session.LaunchTokens;
import com.essentialslti.lti.session.LoginStates;
import com.essentialslti.sandbox.SandboxPlatform;
import com.essentialslti.web.ClientAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** Hands the parts that {@link ToolStartup} built to the resources, and closes them when the tool stops. */
@ApplicationScoped
public class ToolComponents {

    @Inject
    ToolStartup startup;
    @Inject
    Settings settings;

    /** Ready: migrations ran and the tool's keys are loaded. Never waits. */
    public boolean ready() {
        return startup.ready();
    }

    /** The registered platforms' origins (none while the tool starts): who may frame the tool. Never waits. */
    public java.util.List<String> platformOrigins() {
        return startup.platformOrigins();
    }

    public String startupFailure() {
        return startup.startupFailure();
    }

    /** What reading the registration files at start did; empty until the start has read them. Never waits. */
    public java.util.Optional<Registrations.LoadReport> registrationReport() {
        return startup.registrationReport();
    }

    @PreDestroy
    void close() {
        startup.close();
    }

    /**
     * Who the operator's trusted proxies are, for every filter and page that reads forwarded headers: one, made
     * from the settings alone, so a page never waits for the start (which has already refused a wrong value).
     */
    @Produces
    @Singleton
    ClientAddress clientAddress() {
        return new ClientAddress(settings.trustedProxies());
    }

    @Produces
    Database database() {
        return startup.database();
    }

    @Produces
    @ToolKeys
    KeyRing toolKeys() {
        return startup.toolKeys();
    }

    @Produces
    Registrations registrations() {
        return startup.registrations();
    }

    @Produces
    LoginStates loginStates() {
        return startup.loginStates();
    }

    @Produces
    LaunchTokens launchTokens() {
        return startup.launchTokens();
    }

    @Produces
    LaunchValidator validator() {
        return startup.validator();
    }

    @Produces
    SandboxPlatform sandbox() {
        return startup.sandbox(); // null when the sandbox is off; its resource answers 404 then
    }
}
