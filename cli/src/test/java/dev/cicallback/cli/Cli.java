package dev.cicallback.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs the command in-process and keeps what it printed. */
record Cli(int status, String out, String err) {

  static final Path EXAMPLES = Path.of(System.getProperty("schema.dir", "../schema")).resolve("examples");

  static Cli run(String... args) {
    return run(new ByteArrayInputStream(new byte[0]), args);
  }

  static Cli run(InputStream stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(args, new PrintWriter(out), new PrintWriter(err), stdin);
    return new Cli(status, out.toString(), err.toString());
  }
}
