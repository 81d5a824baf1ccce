package org.sanshe.bot.storage.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The real MariaDB/MySQL and Redis the integration tests run against (ARCHITECTURE.md: real servers, never stand-ins).
 * Where they do not answer, a test is skipped with one clear line — except with {@code CI=true}, where it fails.
 * Overridable with SANSHE_IT_MYSQL_HOST/PORT/USER/PASSWORD and SANSHE_IT_REDIS_HOST/PORT.
 */
public final class RealServices {
    public static final String MYSQL_HOST = env("SANSHE_IT_MYSQL_HOST", "127.0.0.1");
    public static final int MYSQL_PORT = Integer.parseInt(env("SANSHE_IT_MYSQL_PORT", "3306"));
    public static final String MYSQL_USER = env("SANSHE_IT_MYSQL_USER", "root");
    public static final String MYSQL_PASSWORD = env("SANSHE_IT_MYSQL_PASSWORD", "");
    public static final String REDIS_HOST = env("SANSHE_IT_REDIS_HOST", "127.0.0.1");
    public static final int REDIS_PORT = Integer.parseInt(env("SANSHE_IT_REDIS_PORT", "6379"));

    private RealServices() {}

    public static void requireMySql() {
        require("MariaDB/MySQL", MYSQL_HOST, MYSQL_PORT);
    }

    public static void requireRedis() {
        require("Redis", REDIS_HOST, REDIS_PORT);
    }

    /** Creates a fresh, uniquely named database for one test class and answers its JDBC URL. */
    public static String freshDatabase(String prefix) {
        requireMySql();
        String name = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(serverUrl(), MYSQL_USER, MYSQL_PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return "jdbc:mysql://" + MYSQL_HOST + ":" + MYSQL_PORT + "/" + name
                + "?useSSL=false&allowPublicKeyRetrieval=true&characterEncoding=utf8";
    }

    /** A fresh database (see {@link #freshDatabase}) set as the test context's data source; answers its URL. */
    public static String useFreshDatabase(
            org.springframework.test.context.DynamicPropertyRegistry registry, String prefix) {
        String url = freshDatabase(prefix);
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> MYSQL_USER);
        registry.add("spring.datasource.password", () -> MYSQL_PASSWORD);
        return url;
    }

    public static void dropDatabase(String jdbcUrl) {
        String name = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1, jdbcUrl.indexOf('?'));
        try (Connection c = DriverManager.getConnection(serverUrl(), MYSQL_USER, MYSQL_PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
        } catch (SQLException e) {
            // a leftover test database is harmless; the next run uses a new name
        }
    }

    public static String redisAddress() {
        return "redis://" + REDIS_HOST + ":" + REDIS_PORT;
    }

    private static String serverUrl() {
        return "jdbc:mysql://" + MYSQL_HOST + ":" + MYSQL_PORT + "/?useSSL=false&allowPublicKeyRetrieval=true";
    }

    private static void require(String what, String host, int port) {
        if (answers(host, port)) {
            return;
        }
        String message = what + " does not answer on " + host + ":" + port;
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail(message + " and CI=true: integration tests must not be skipped (run scripts/test.sh)");
        }
        System.out.println("SKIPPED: " + message + " — start it or run scripts/test.sh, which does");
        Assumptions.abort(message);
    }

    private static boolean answers(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
