package com.essentialslti.lti.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

/** A random secret the tool generates once and keeps in its database (never in the repository). */
@Entity
@Table(name = "app_secret")
public class AppSecret {

    @Id
    private String name;
    private String secret;
    @Column(name = "created_at")
    private long createdAt;

    protected AppSecret() {
    }

    static AppSecret generate(String name, Instant now) {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        AppSecret s = new AppSecret();
        s.name = name;
        s.secret = Base64.getEncoder().encodeToString(bytes);
        s.createdAt = now.toEpochMilli();
        return s;
    }

    byte[] bytes() {
        return Base64.getDecoder().decode(secret);
    }
}
