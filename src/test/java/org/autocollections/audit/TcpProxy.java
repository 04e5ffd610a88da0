package org.autocollections.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay between the service and its database that a test can cut and restore, as a network fault would:
 * cutting drops every open connection and refuses new ones until restored.
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    public TcpProxy(String targetHost, int targetPort) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        Thread acceptor = new Thread(this::accept, "tcp-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public void cut() {
        cut = true;
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    public void restore() {
        cut = false;
    }

    /**
     * The reply to the next COMMIT of the connection that sends {@code marker} (a case id, say) is not passed on
     * (PostgreSQL's CommandComplete message, tag {@code COMMIT}): that connection is dropped instead. The database
     * has committed; the client cannot know it. Other connections, and their commits, go through untouched.
     */
    public void dropCommitReplyOf(String marker) {
        dropMarker = marker.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The markers whose connection's COMMIT reply was dropped, in order. */
    public java.util.List<String> commitRepliesDropped() {
        return java.util.List.copyOf(dropped);
    }

    private volatile byte[] dropMarker;
    private final java.util.List<String> dropped = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final byte[] COMMIT_TAG = "COMMIT\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** One relayed connection: whether it sent the marker, so that its next COMMIT reply is the one dropped. */
    private static final class Relay {
        volatile byte[] armedBy;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (cut) {
                    closeQuietly(client);
                    continue;
                }
                Socket upstream = new Socket(targetHost, targetPort);
                open.add(client);
                open.add(upstream);
                Relay relay = new Relay();
                pump(client, upstream, relay, false);
                pump(upstream, client, relay, true);
            } catch (IOException e) {
                // a refused or dropped connection is what this class exists to produce
            }
        }
    }

    private void pump(Socket from, Socket to, Relay relay, boolean fromDatabase) {
        Thread t = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) >= 0;) {
                    byte[] marker = dropMarker;
                    if (!fromDatabase && marker != null && contains(buffer, n, marker)) {
                        dropMarker = null;
                        relay.armedBy = marker;
                    }
                    if (fromDatabase && relay.armedBy != null && contains(buffer, n, COMMIT_TAG)) {
                        dropped.add(new String(relay.armedBy, java.nio.charset.StandardCharsets.UTF_8));
                        return; // finally: both ends closed, the reply never delivered
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // the other side went away
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tcp-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static boolean contains(byte[] buffer, int length, byte[] tag) {
        outer:
        for (int i = 0; i + tag.length <= length; i++) {
            for (int j = 0; j < tag.length; j++) {
                if (buffer[i + j] != tag[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        cut();
        server.close();
    }
}
