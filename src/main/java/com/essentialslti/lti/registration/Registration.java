package com.essentialslti.lti.registration;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The tool as registered on one platform: the platform's issuer and the client_id it gave the tool, the platform's
 * OIDC endpoints and key set, and the deployments of the tool on that platform.
 */
@Entity
@Table(name = "registration")
public class Registration {

    @Id
    private String id;
    private String name;
    private String issuer;
    @Column(name = "client_id")
    private String clientId;
    @Column(name = "auth_login_url")
    private String authLoginUrl;
    @Column(name = "auth_token_url")
    private String authTokenUrl;
    @Column(name = "key_set_url")
    private String keySetUrl;
    @Column(name = "auth_audience")
    private String authAudience;
    /** The operator's service_hosts, space-separated; null when none. */
    @Column(name = "service_hosts")
    private String serviceHosts;
    private String source;
    @Column(name = "updated_at")
    private long updatedAt;
    @Column(name = "retired_at")
    private Long retiredAt;
    @OneToMany(mappedBy = "registration", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    private List<Deployment> deployments = new ArrayList<>();

    protected Registration() {
    }

    Registration(RegistrationFile file, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.issuer = file.issuer();
        this.clientId = file.clientId();
        update(file, now);
    }

    /** Takes the endpoints and deployments of the file; deployments it no longer lists are removed. */
    final void update(RegistrationFile file, Instant now) {
        if (!file.issuer().equals(issuer) || !file.clientId().equals(clientId)) {
            throw new IllegalArgumentException("a registration's issuer and client_id never change");
        }
        this.name = file.name();
        this.authLoginUrl = file.authLoginUrl().toString();
        this.authTokenUrl = file.authTokenUrl().toString();
        this.keySetUrl = file.keySetUrl().toString();
        this.authAudience = file.authAudience().orElse(null);
        this.serviceHosts = file.serviceHosts().isEmpty() ? null : String.join(" ", file.serviceHosts());
        this.source = file.source();
        this.updatedAt = now.toEpochMilli();
        backInService();
        deployments.removeIf(d -> !file.deploymentIds().contains(d.deploymentId()));
        Set<String> present = deploymentIds();
        file.deploymentIds().stream().filter(d -> !present.contains(d))
                .forEach(d -> deployments.add(new Deployment(this, d)));
    }

    /** The directory, under the operator's lti-config, whose files register platforms: each file's source starts so. */
    public static final String FILE_SOURCES = "platforms/";

    /** Registered by a file in lti-config/platforms; not by the sandbox, nor (later) by dynamic registration. */
    public boolean fromFile() {
        return source != null && source.startsWith(FILE_SOURCES);
    }

    /**
     * Its file is gone: the operator ended the registration. Kept rather than deleted, because learners, courses
     * and scores refer to it and a file put back must find them again. Only a registration that came from a file
     * ends with its file.
     */
    void retire(Instant now) {
        if (!fromFile()) {
            throw new IllegalStateException("a registration from " + source + " has no file whose removal retires it");
        }
        if (retiredAt == null) {
            retiredAt = now.toEpochMilli();
        }
    }

    /** Its file is read again (or was never gone): launches are taken again. */
    private void backInService() {
        retiredAt = null;
    }

    /** Whether the operator removed its file: launches are refused and its scores are not sent. */
    public boolean retired() {
        return retiredAt != null;
    }

    public Optional<Instant> retiredAt() {
        return Optional.ofNullable(retiredAt).map(Instant::ofEpochMilli);
    }

    void addDeployment(String deploymentId) {
        if (!deploymentIds().contains(deploymentId)) {
            deployments.add(new Deployment(this, deploymentId));
        }
    }

    /** The client assertion's aud: the platform's declared authorization server, or else its token URL. */
    public String tokenAudience() {
        return authAudience != null ? authAudience : authTokenUrl;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String issuer() {
        return issuer;
    }

    public String clientId() {
        return clientId;
    }

    public URI authLoginUrl() {
        return URI.create(authLoginUrl);
    }

    public URI authTokenUrl() {
        return URI.create(authTokenUrl);
    }

    public URI keySetUrl() {
        return URI.create(keySetUrl);
    }

    /** Hosts besides the platform's own where its services may be (Canvas: the school's host). */
    public Set<String> serviceHosts() {
        return serviceHosts == null ? Set.of() : new TreeSet<>(List.of(serviceHosts.split(" ")));
    }

    /**
     * Why the tool will not send this platform's access token to {@code url} (a service URL from a launch or a
     * page link); empty when it may. See {@link ServiceUrlPolicy} for the rule.
     */
    public java.util.Optional<String> serviceUrlRefusal(URI url) {
        return ServiceUrlPolicy.refusal(url, ownUrls(), serviceHosts());
    }

    private List<URI> ownUrls() {
        return List.of(URI.create(issuer), authLoginUrl(), authTokenUrl(), keySetUrl());
    }

    public String source() {
        return source;
    }

    public Set<String> deploymentIds() {
        Set<String> ids = new TreeSet<>();
        deployments.forEach(d -> ids.add(d.deploymentId()));
        return ids;
    }

    public boolean hasDeployment(String deploymentId) {
        return deployments.stream().anyMatch(d -> d.deploymentId().equals(deploymentId));
    }

    Collection<Deployment> deployments() {
        return deployments;
    }
}
