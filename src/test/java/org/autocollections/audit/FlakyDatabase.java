package org.autocollections.audit;

import java.util.Map;

import org.h2.tools.Server;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Puts a {@link TcpProxy} between the service and a real database: PostgreSQL when the suite runs against it
 * (TEST_DB_KIND=postgresql), otherwise an H2 server over TCP started for the test.
 */
public class FlakyDatabase implements QuarkusTestResourceLifecycleManager {

    static TcpProxy proxy;
    private Server h2;

    /** The relay of the running test, to cut and restore the database. */
    public static TcpProxy proxy() {
        return proxy;
    }

    @Override
    public Map<String, String> start() {
        try {
            if ("postgresql".equals(System.getenv("TEST_DB_KIND"))) {
                // TEST_DB_URL's server, database and parameters (a schema of its own, say), reached through the proxy
                String url = System.getenv().getOrDefault("TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");
                java.util.regex.Matcher m = java.util.regex.Pattern
                        .compile("jdbc:postgresql://([^:/?]+)(?::(\\d+))?/([^?]*)(?:\\?(.*))?").matcher(url);
                if (!m.matches()) {
                    throw new IllegalArgumentException("TEST_DB_URL is not a jdbc:postgresql://host[:port]/database URL");
                }
                proxy = new TcpProxy(m.group(1), m.group(2) == null ? 5432 : Integer.parseInt(m.group(2)));
                return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/"
                        + m.group(3) + "?connectTimeout=2&socketTimeout=5" + (m.group(4) == null ? "" : "&" + m.group(4)));
            }
            h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
            proxy = new TcpProxy("127.0.0.1", h2.getPort());
            return Map.of("quarkus.datasource.jdbc.url",
                    "jdbc:h2:tcp://127.0.0.1:" + proxy.port() + "/mem:flaky;DB_CLOSE_DELAY=-1");
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the database proxy", e);
        }
    }

    /** The database of TEST_DB_URL (default "test"), so that suites on separate databases stay apart. */
    private static String database() {
        String url = System.getenv().getOrDefault("TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        String path = url.substring(url.lastIndexOf('/') + 1);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    @Override
    public void stop() {
        try {
            if (proxy != null) {
                proxy.close();
            }
        } catch (Exception e) {
            // the test is over
        }
        if (h2 != null) {
            h2.stop();
        }
    }
}
