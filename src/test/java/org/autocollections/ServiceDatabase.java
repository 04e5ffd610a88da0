package org.autocollections;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database an integration test starts the packaged jar on, of the test pass's kind: with TEST_DB_KIND=postgresql,
 * a database of the test's own on the pass's server (TEST_DB_URL, TEST_DB_USER, TEST_DB_PASSWORD), created for it
 * and dropped after it, so that each test starts on an empty schema and leaves the server as it found it; otherwise
 * an H2 file in the test's folder. The jar is given it as an operator gives it: QUARKUS_DATASOURCE_* variables.
 */
public final class ServiceDatabase implements AutoCloseable {

    private static final Pattern DATABASE_IN_URL = Pattern.compile("(jdbc:postgresql://[^/]*/)([^?]*)(.*)");

    private final String url;
    private final String user;
    private final String password;
    /** The server's own database, from which this one is dropped; null for H2. */
    private final String serverUrl;

    private ServiceDatabase(String url, String user, String password, String serverUrl) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.serverUrl = serverUrl;
    }

    public static ServiceDatabase create(Path workDir) throws SQLException {
        String kind = System.getenv().getOrDefault("TEST_DB_KIND", "h2");
        if (kind.isBlank() || kind.equals("h2")) {
            // WRITE_DELAY=0 as the embedded default: a commit is in the file before the process can be killed.
            // AUTO_SERVER: a command beside the service, and the test itself, open the same file.
            return new ServiceDatabase("jdbc:h2:file:" + workDir.resolve("db").toAbsolutePath()
                    + ";AUTO_SERVER=TRUE;WRITE_DELAY=0", "sa", "", null);
        }
        if (!kind.equals("postgresql")) {
            throw new IllegalStateException("TEST_DB_KIND=" + kind + ": the packaged jar is tested on h2 or postgresql");
        }
        String serverUrl = System.getenv("TEST_DB_URL");
        Matcher m = serverUrl == null ? null : DATABASE_IN_URL.matcher(serverUrl);
        if (m == null || !m.matches()) {
            throw new IllegalStateException("TEST_DB_URL must be jdbc:postgresql://host:port/database, not " + serverUrl);
        }
        String name = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String user = System.getenv().getOrDefault("TEST_DB_USER", "postgres");
        String password = System.getenv().getOrDefault("TEST_DB_PASSWORD", "");
        try (Connection c = DriverManager.getConnection(serverUrl, user, password); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        }
        return new ServiceDatabase(m.group(1) + name + m.group(3), user, password, serverUrl);
    }

    /** The process started by the builder runs on this database. */
    public ProcessBuilder configure(ProcessBuilder process) {
        process.environment().put("QUARKUS_DATASOURCE_JDBC_URL", url);
        process.environment().put("QUARKUS_DATASOURCE_USERNAME", user);
        process.environment().put("QUARKUS_DATASOURCE_PASSWORD", password);
        return process;
    }

    /** The one number a query answers. */
    public long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        if (serverUrl != null) {
            String name = DATABASE_IN_URL.matcher(url).replaceFirst("$2");
            try (Connection c = DriverManager.getConnection(serverUrl, user, password); Statement s = c.createStatement()) {
                s.execute("drop database if exists " + name + " with (force)");
            }
        }
    }
}
