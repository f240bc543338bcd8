package dev.cicallback.cli;

import dev.cicallback.contract.Contract;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/** {@code ci-callback}: checks CI callback payloads against the contract, for other projects' CI. */
public final class Main {

  private static final List<CommandSpec> COMMANDS = List.of(
      ValidateCommand.SPEC, ConvertCommand.SPEC, DiffCommand.SPEC, TriggerCommand.SPEC, ListenCommand.SPEC);

  /** Where the model jar carries the entry XSD of every callback, whose version is the contract's. */

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, StandardCharsets.UTF_8), System.in, Progress.Policy.detect()));
  }

  /** Runs the command line and returns its exit status; for tests and embedding (no progress on {@code err}). */
  public static int run(String[] args, PrintWriter out, PrintWriter err, InputStream stdin) {
    return run(args, out, err, stdin, Progress.Policy.NEVER);
  }

  /** {@link #run(String[], PrintWriter, PrintWriter, InputStream)}, showing progress as {@code progress} says. */
  static int run(String[] args, PrintWriter out, PrintWriter err, InputStream stdin, Progress.Policy progress) {
    try {
      return dispatch(args, out, err, stdin, progress);
    } finally {
      out.flush();
      err.flush();
    }
  }

  private static int dispatch(
      String[] args, PrintWriter out, PrintWriter err, InputStream stdin, Progress.Policy progress) {
    if (args.length == 0) {
      return usageError(null, "a command is needed, e.g. validate", err);
    }
    switch (args[0]) {
      case "-h", "--help" -> {
        printHelp(out);
        return ExitStatus.VALID;
      }
      case "-V", "--version" -> {
        out.println(version());
        return ExitStatus.VALID;
      }
      case "help" -> {
        if (args.length == 1 || args[1].equals("help")) {
          printHelp(out);
          return ExitStatus.VALID;
        }
        Command command = command(args[1], progress);
        if (command == null) {
          err.println("ci-callback help: " + unknownCommand(args[1]));
          err.println("Try 'ci-callback --help'.");
          return ExitStatus.USAGE;
        }
        command.spec().printHelp(out);
        return ExitStatus.VALID;
      }
      default -> {
        Command command = command(args[0], progress);
        if (command == null) {
          return usageError(null, unknownCommand(args[0]), err);
        }
        return runCommand(command, args, out, err, stdin);
      }
    }
  }

  private static int runCommand(Command command, String[] args, PrintWriter out, PrintWriter err, InputStream stdin) {
    CommandSpec spec = command.spec();
    try {
      CommandSpec.Parsed parsed = spec.parse(args, 1);
      if (parsed.help()) {
        spec.printHelp(out);
        return ExitStatus.VALID;
      }
      if (parsed.version()) {
        out.println(version());
        return ExitStatus.VALID;
      }
      return command.run(parsed, out, err, stdin);
    } catch (CommandSpec.UsageError e) {
      return usageError(spec, e.getMessage(), err);
    } catch (IOException e) {
      err.println("ci-callback " + spec.name() + ": " + IoFailure.describe(e));
      return ExitStatus.USAGE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("ci-callback " + spec.name() + ": interrupted");
      return ExitStatus.USAGE;
    }
  }

  private static int usageError(CommandSpec spec, String message, PrintWriter err) {
    if (spec == null) {
      err.println("ci-callback: " + message);
      err.println("Try 'ci-callback --help'.");
    } else {
      err.println("ci-callback " + spec.name() + ": " + message);
      err.println(spec.usage());
      err.println("Try 'ci-callback " + spec.name() + " --help'.");
    }
    return ExitStatus.USAGE;
  }

  /** The command called {@code name}, or null. */
  private static Command command(String name, Progress.Policy progress) {
    return switch (name) {
      case "validate" -> new ValidateCommand(progress);
      case "convert" -> new ConvertCommand();
      case "diff" -> new DiffCommand();
      case "trigger" -> new TriggerCommand();
      case "listen" -> new ListenCommand();
      default -> null;
    };
  }

  /** That {@code name} is no command, and which ones there are. */
  private static String unknownCommand(String name) {
    return "unknown command \"" + name + "\"; the commands are "
        + COMMANDS.stream().map(CommandSpec::name).collect(Collectors.joining(", ")) + " and help";
  }

  private static void printHelp(PrintWriter out) {
    out.println("Usage: ci-callback [-hV] COMMAND");
    out.println("Checks Tencent Cloud Infinite (CI) job callback payloads against the ci-callback contract.");
    out.println("  -h, --help      show this help and exit");
    out.println("  -V, --version   print the version and exit");
    out.println("Commands:");
    for (CommandSpec command : COMMANDS) {
      out.printf("  %-9s %s%n", command.name(), command.summary());
    }
    out.printf("  %-9s %s%n", "help", "Shows the help of a command: ci-callback help validate");
  }

  /**
   * "ci-callback VERSION, contract VERSION, commit COMMIT": the project's version and the commit the build wrote into
   * the jar ("unknown" when it was built outside a git checkout), and the version of the contract it applies (the
   * version the packaged contract states).
   */
  static String version() {
    String project = resource("version.properties").getProperty("version", "unknown");
    String commit = resource("commit.properties").getProperty("commit", "unknown");
    String contract = Contract.packagedVersion().text();
    return "ci-callback " + project + ", contract " + contract + ", commit " + commit;
  }

  private static Properties resource(String name) {
    Properties properties = new Properties();
    try (InputStream in = Main.class.getResourceAsStream(name)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}
