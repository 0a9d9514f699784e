package vn.motcua.platform.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A throwaway database on the local MySQL-compatible server (MariaDB on these machines) for one test class.
 * Host from system property {@code motcua.it.jdbc.host} (default 127.0.0.1:3306), user root, password from
 * environment variable MOTCUA_IT_DB_PASSWORD (default empty).
 */
public final class TestDatabase implements AutoCloseable {

    public static final String MYSQL_OPTIONS = "characterEncoding=UTF-8&connectionCollation=utf8mb4_unicode_ci"
            + "&useSSL=false&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true"
            + "&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true";

    private final String host;
    private final String name;

    private TestDatabase(String host, String name) {
        this.host = host;
        this.name = name;
    }

    public static TestDatabase create(String purpose) {
        String host = System.getProperty("motcua.it.jdbc.host", "127.0.0.1:3306");
        String name = ("it_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]", "_");
        TestDatabase db = new TestDatabase(host, name);
        db.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return db;
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return "jdbc:mysql://" + host + "/" + name + "?" + MYSQL_OPTIONS;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "root", password());
    }

    /**
     * Micronaut properties pointing the default datasource (and Flyway) at this database. They also give the gRPC
     * server a free port: the services' defaults (50051...) would collide with a running {@code ./motcua up}.
     */
    public Map<String, String> micronautProperties(String... flywayLocations) {
        Map<String, String> props = new HashMap<>();
        props.put("grpc.server.port", Integer.toString(TestPorts.free()));
        props.put("datasources.default.url", jdbcUrl());
        props.put("datasources.default.driver-class-name", "com.mysql.cj.jdbc.Driver");
        props.put("datasources.default.username", "root");
        props.put("datasources.default.password", password());
        props.put("datasources.default.dialect", "MYSQL");
        props.put("datasources.default.maximum-pool-size", "12");
        props.put("flyway.datasources.default.enabled", "true");
        if (flywayLocations.length > 0) {
            props.put("flyway.datasources.default.locations", String.join(",", flywayLocations));
        }
        return props;
    }

    private void execute(String sql) {
        try (Connection c =
                        DriverManager.getConnection("jdbc:mysql://" + host + "/?" + MYSQL_OPTIONS, "root", password());
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB/MySQL at " + host + " is needed for integration tests: " + sql, e);
        }
    }

    private static String password() {
        String value = System.getenv("MOTCUA_IT_DB_PASSWORD");
        return value == null ? "" : value;
    }

    @Override
    public void close() {
        execute("DROP DATABASE IF EXISTS " + name);
    }
}
