package dev.cicallback.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;

/** A subcommand of {@code ci-callback}: its options, and what it does with them. */
interface Command {

  CommandSpec spec();

  /** Runs with parsed arguments and returns the exit status. */
  int run(CommandSpec.Parsed args, PrintWriter out, PrintWriter err, InputStream stdin)
      throws IOException, CommandSpec.UsageError, InterruptedException;
}
