package dev.cicallback.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ci-callback}: checks CI callback payloads against the contract, for other projects' CI. */
@Command(
    name = "ci-callback",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Checks Tencent Cloud Infinite (CI) job callback payloads against the ci-callback contract.",
    subcommands = {ValidateCommand.class, ConvertCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, StandardCharsets.UTF_8), System.in));
  }

  /** Runs the command line and returns its exit status; for tests and embedding. */
  public static int run(String[] args, PrintWriter out, PrintWriter err, InputStream stdin) {
    CommandLine commandLine = new CommandLine(new Main(), new Factory(stdin));
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(
        (exception, line, parseResult) -> {
          line.getErr().println("ci-callback: " + exception.getMessage());
          return ExitStatus.USAGE;
        });
    int status = commandLine.execute(args);
    out.flush();
    err.flush();
    return status;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed, e.g. validate");
  }

  /** Gives commands the standard input they should read for "-". */
  private record Factory(InputStream stdin) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (type == ValidateCommand.class) {
        return type.cast(new ValidateCommand(stdin));
      }
      if (type == ConvertCommand.class) {
        return type.cast(new ConvertCommand(stdin));
      }
      return CommandLine.defaultFactory().create(type);
    }
  }

  /** The version the build wrote into the jar. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties properties = new Properties();
      try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          properties.load(in);
        }
      }
      return new String[] {"ci-callback " + properties.getProperty("version", "unknown")};
    }
  }
}
