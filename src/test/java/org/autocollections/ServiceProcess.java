package org.autocollections;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged service started as a process by an integration test. */
public final class ServiceProcess {

    private static final Pattern LISTENING = Pattern.compile("Listening on: (http://\\S+)");

    private ServiceProcess() {
    }

    /**
     * Reads the service's output until it says where it listens, then keeps draining it so the service never blocks
     * on a full pipe. Returns the base URL on 127.0.0.1, where the service listens.
     */
    public static String awaitListening(Process process) throws IOException {
        StringBuilder seen = new StringBuilder();
        var reader = process.inputReader(StandardCharsets.UTF_8);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        String line;
        while (System.nanoTime() < deadline && (line = reader.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> reader.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return m.group(1).replace("0.0.0.0", "127.0.0.1");
            }
        }
        throw new AssertionError("the service did not start:\n" + seen);
    }
}
