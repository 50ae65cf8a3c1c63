package id.anycheck.auth.bootstrap;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;

/** Environment variables and standard streams of one command-line run. */
record Cli(Map<String, String> environment, InputStream in, PrintStream out, PrintStream err) {

    PrintWriter outWriter() {
        return new PrintWriter(out, true);
    }

    PrintWriter errWriter() {
        return new PrintWriter(err, true);
    }
}
