package id.anycheck.auth.bootstrap;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;

/** What a command reads and writes: the environment and the standard streams. */
record Cli(Map<String, String> environment, InputStream in, PrintStream out, PrintStream err) {

    PrintWriter outWriter() {
        return new PrintWriter(out, true);
    }

    PrintWriter errWriter() {
        return new PrintWriter(err, true);
    }
}
