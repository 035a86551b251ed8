package com.essentialslti.selfassessment.framework;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The PMO competency framework that ships with the tool ({@code selfassessment/default-framework.json}). Each
 * course's framework starts as a copy of it, which its trainers may then change.
 */
public final class DefaultFramework {

    static final String RESOURCE = "/selfassessment/default-framework.json";
    private static volatile FrameworkContent shipped;

    private DefaultFramework() {
    }

    public static FrameworkContent content() {
        FrameworkContent loaded = shipped;
        if (loaded == null) {
            try (InputStream in = DefaultFramework.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the build");
                }
                loaded = FrameworkJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                shipped = loaded;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return loaded;
    }
}
