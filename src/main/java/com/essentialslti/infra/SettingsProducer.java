package com.essentialslti.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** Reads {@link Settings} from MicroProfile Config: environment variables, system properties, defaults. */
@ApplicationScoped
public class SettingsProducer {

    @Produces
    @Singleton
    Settings settings() {
        return fromConfig(ConfigProvider.getConfig());
    }

    public static Settings fromConfig(Config config) {
        Path dataDir = Path.of(value(config, "DATA_DIR", "./data"));
        return new Settings(
                URI.create(value(config, "LTI_BASE_URL", "http://localhost:8080")),
                dataDir,
                Path.of(value(config, "LTI_CONFIG_DIR", "./lti-config")),
                value(config, "DB_URL", Settings.embeddedDbUrl(dataDir)),
                value(config, "DB_USER", "essentials"),
                value(config, "DB_PASSWORD", ""),
                Settings.SandboxMode.valueOf(value(config, "SANDBOX", "auto").toUpperCase(Locale.ROOT)),
                Duration.ofDays(Long.parseLong(value(config, "KEY_GRACE_DAYS", "7"))),
                Duration.ofMinutes(Long.parseLong(value(config, "LAUNCH_SESSION_MINUTES", "120"))),
                Long.parseLong(value(config, "KEYSET_REFETCH_SECONDS", "10")),
                Duration.ofSeconds(Long.parseLong(value(config, "AGS_TIMEOUT_SECONDS", "10"))),
                config.getOptionalValue("OPERATOR_TOKEN", String.class).filter(s -> !s.isBlank()),
                config.getOptionalValue("LTI_BASE_URL", String.class).filter(s -> !s.isBlank()).isPresent(),
                java.util.Arrays.stream(value(config, "TRUSTED_PROXIES", "").split(","))
                        .map(String::strip).filter(s -> !s.isEmpty()).toList(),
                Integer.parseInt(value(config, "RATE_LIMIT_PER_SECOND", "100")));
    }

    private static String value(Config config, String name, String fallback) {
        return config.getOptionalValue(name, String.class).filter(s -> !s.isBlank()).orElse(fallback);
    }

    @Produces
    @Singleton
    java.time.Clock clock() {
        return java.time.Clock.systemUTC();
    }
}
