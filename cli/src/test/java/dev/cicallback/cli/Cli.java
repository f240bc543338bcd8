package dev.cicallback.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;

/** Runs the command in-process and keeps what it printed. */
record Cli(int status, String out, String err) {

  static final Path EXAMPLES = Path.of(System.getProperty("schema.dir", "../schema")).resolve("examples");

  /** Whether {@code file} is a payload fixture (*.xml, *.json), not a file beside one (its *.problems). */
  static boolean isPayload(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".xml") || name.endsWith(".json");
  }

  static Cli run(String... args) {
    return run(new ByteArrayInputStream(new byte[0]), args);
  }

  static Cli run(InputStream stdin, String... args) {
    return run(Progress.Policy.NEVER, stdin, args);
  }

  /** Runs as if standard error were a terminal, progress showing once a batch has taken {@code after}. */
  static Cli runOnTerminal(Duration after, String... args) {
    return run(new Progress.Policy(true, after), new ByteArrayInputStream(new byte[0]), args);
  }

  /** Runs as if standard error were piped, progress showing (were it a terminal) from the start. */
  static Cli runPiped(String... args) {
    return run(new Progress.Policy(false, Duration.ZERO), new ByteArrayInputStream(new byte[0]), args);
  }

  private static Cli run(Progress.Policy progress, InputStream stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(args, new PrintWriter(out), new PrintWriter(err), stdin, progress);
    return new Cli(status, out.toString(), err.toString());
  }
}
