package org.sanshe.bot.app.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * Runs before the application context. In {@code prod} it does nothing ({@link ProductionSecretsCheck} refuses to
 * start while a secret is missing). Otherwise (the embedded default) it makes the service runnable with no
 * set-up: it generates the callback credentials and the data key once into {@code <data-dir>/local-secrets.properties}
 * (file mode 600; anything set in the environment wins), and when no WeCom API is configured it points the client at
 * the built-in fake WeCom on this service's own port.
 */
public final class StartupEnvironment implements EnvironmentPostProcessor, Ordered {
    /** Property name → what must be set in production. */
    static final Map<String, String> PRODUCTION_SECRETS = secrets();

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private static Map<String, String> secrets() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("bot.wecom.corp-id", "BOT_WECOM_CORP_ID");
        m.put("bot.wecom.agent-id", "BOT_WECOM_AGENT_ID");
        m.put("bot.wecom.secret", "BOT_WECOM_SECRET");
        m.put("bot.wecom.token", "BOT_WECOM_TOKEN");
        m.put("bot.wecom.aes-key", "BOT_WECOM_AES_KEY");
        m.put("bot.wecom.aibot.token", "BOT_WECOM_AIBOT_TOKEN");
        m.put("bot.wecom.aibot.aes-key", "BOT_WECOM_AIBOT_AES_KEY");
        m.put("bot.storage.data-key", "BOT_STORAGE_DATA_KEY");
        m.put("spring.datasource.url", "SPRING_DATASOURCE_URL");
        return m;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after the config files and profiles are resolved
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (env.acceptsProfiles(Profiles.of("prod"))) {
            return; // checked by ProductionSecretsCheck once every property source is in place
        }
        Path dataDir = Path.of(env.getProperty("bot.local.data-dir", "./data"))
                .toAbsolutePath()
                .normalize();
        Map<String, Object> derived = new LinkedHashMap<>();

        Map<String, Object> defaults = new LinkedHashMap<>(localSecrets(env, dataDir));
        if (!env.containsProperty("bot.wecom.api-base-url")) {
            int port = env.getProperty("server.port", Integer.class, 8080);
            if (port == 0) {
                // the fake's address must be known before start: pick the port now instead of letting the server
                port = freePort();
                derived.put("server.port", port);
            }
            defaults.put("bot.local.fake-wecom", "true");
            defaults.put("bot.wecom.api-base-url", "http://127.0.0.1:" + port + "/fake-wecom");
        }
        env.getPropertySources().addFirst(new MapPropertySource("sanshe-local-derived", derived));
        env.getPropertySources().addLast(new LocalPaths(env));
        env.getPropertySources().addLast(new MapPropertySource("sanshe-local-defaults", defaults));
    }

    /**
     * {@code bot.local.h2-path}: the data directory made absolute, plus "/sanshe" (H2 refuses implicitly relative file
     * paths). Computed when asked, so that a data directory set late (a test's dynamic property) is still the one used.
     */
    static final class LocalPaths extends org.springframework.core.env.PropertySource<Object> {
        // Not the environment as this source's "source": Spring Boot walks into sources that are environments, and
        // would walk into this one forever.
        private final ConfigurableEnvironment env;

        LocalPaths(ConfigurableEnvironment env) {
            super("sanshe-local-paths", new Object());
            this.env = env;
        }

        @Override
        public Object getProperty(String name) {
            if (!"bot.local.h2-path".equals(name)) {
                return null;
            }
            return Path.of(env.getProperty("bot.local.data-dir", "./data"))
                    .toAbsolutePath()
                    .normalize()
                    .resolve("sanshe")
                    .toString();
        }
    }

    static void requireProductionSecrets(ConfigurableEnvironment env) {
        List<String> missing = new ArrayList<>();
        PRODUCTION_SECRETS.forEach((property, variable) -> {
            String value = env.getProperty(property);
            if (value == null || value.isBlank()) {
                missing.add(variable + " (" + property + ")");
            }
        });
        if (!missing.isEmpty()) {
            throw new IllegalStateException(
                    "生产环境缺少必需的配置，服务拒绝启动 / production refuses to start, missing: " + String.join(", ", missing));
        }
    }

    private static Map<String, String> localSecrets(ConfigurableEnvironment env, Path dataDir) {
        Path file = dataDir.resolve("local-secrets.properties");
        Properties stored = new Properties();
        try {
            Files.createDirectories(dataDir);
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    stored.load(in);
                }
            }
            Map<String, String> wanted = new LinkedHashMap<>();
            wanted.put("bot.wecom.corp-id", "ww" + hex(8));
            wanted.put("bot.wecom.agent-id", "1000002");
            wanted.put("bot.wecom.secret", random(43));
            wanted.put("bot.wecom.token", random(32));
            wanted.put("bot.wecom.aes-key", random(43));
            wanted.put("bot.wecom.aibot.token", random(32));
            wanted.put("bot.wecom.aibot.aes-key", random(43));
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            wanted.put("bot.storage.data-key", Base64.getEncoder().encodeToString(key));
            boolean changed = false;
            for (var e : wanted.entrySet()) {
                if (!stored.containsKey(e.getKey())) {
                    stored.setProperty(e.getKey(), e.getValue());
                    changed = true;
                }
            }
            if (changed) {
                try (OutputStream out = Files.newOutputStream(file)) {
                    stored.store(
                            out, "sanshe-bot local (embedded) credentials, generated once; never use in production");
                }
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the local data directory " + dataDir, e);
        }
        Map<String, String> result = new LinkedHashMap<>();
        stored.stringPropertyNames().forEach(n -> result.put(n, stored.getProperty(n)));
        return result;
    }

    private static String random(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALNUM.charAt(RANDOM.nextInt(ALNUM.length())));
        }
        return sb.toString();
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return java.util.HexFormat.of().formatHex(b).toLowerCase(Locale.ROOT);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
