package id.anycheck.auth.bootstrap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Helpers of the tests that run the packaged jar as a separate process. */
final class JarProcesses {

    /** How long a started process may take to print a line, generous because other builds may share the machine. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private JarProcesses() {
    }

    /** Reads lines until one matches, within the start timeout. */
    static Matcher awaitLine(BufferedReader reader, Pattern pattern) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String line = reader.readLine();
            if (line == null) {
                throw new AssertionError("process ended before printing a line matching " + pattern);
            }
            Matcher matcher = pattern.matcher(line);
            if (matcher.find()) {
                return matcher;
            }
        }
        throw new AssertionError("no line matching " + pattern + " within " + START_TIMEOUT);
    }

    /** Returns a port on 127.0.0.1 that was free a moment ago. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
