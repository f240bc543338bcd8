package dev.cicallback.cli;

import dev.cicallback.validator.CallbackValidator;
import dev.cicallback.validator.ValidatorOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/** {@code ci-callback validate}: one verdict per payload, a report, and an exit status for CI. */
final class ValidateCommand implements Command {

  static final CommandSpec SPEC =
      new CommandSpec(
          "validate",
          List.of(
              "Validates callback payloads (XML or JSON) against the contract.",
              "Exit status: 0 when every payload is valid (warnings allowed), 1 when any is invalid,"
                  + " 2 for a usage error or a path that cannot be read."),
          Stream.concat(
                  PayloadOptions.OPTIONS.stream(),
                  Stream.of(
                      CommandSpec.Option.choice("--report", "report format", "text", "json", "junit"),
                      CommandSpec.Option.value(
                          "--output", "FILE", "write the report to FILE instead of standard output", null)))
              .toList(),
          "PATH",
          "a payload file, a folder (searched recursively for *.xml and *.json), or - for standard input",
          1,
          Integer.MAX_VALUE);

  private final Progress.Policy progress;

  /** {@code progress}: whether and when to show how far a batch has got. */
  ValidateCommand(Progress.Policy progress) {
    this.progress = progress;
  }

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public int run(CommandSpec.Parsed args, PrintWriter out, PrintWriter err, InputStream stdin)
      throws IOException, CommandSpec.UsageError, InterruptedException {
    ValidatorOptions options = PayloadOptions.toValidatorOptions(args);
    if (args.parameters().stream().filter(PayloadSources.STDIN::equals).count() > 1) {
      throw new CommandSpec.UsageError("standard input (-) can be named only once");
    }
    String output = args.value("--output");
    if (output != null) {
      String unwritable = unwritableReport(Path.of(output));
      if (unwritable != null) {
        err.println("ci-callback validate: cannot write the report " + output + ": " + unwritable);
        return ExitStatus.USAGE;
      }
    }
    CallbackValidator validator = CallbackValidator.create(options);
    ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), runnable -> {
      Thread thread = new Thread(runnable, "ci-callback-validate");
      thread.setDaemon(true);
      return thread;
    });
    long start = System.nanoTime();
    Progress shown = Progress.start(progress, "ci-callback validate", err);
    try {
      String report = args.value("--report");
      // The text report writes problems only, so a payload with none leaves nothing behind but its count.
      Batch batch = new Batch(pool, validator, stdin, shown, !report.equals("text"));
      try {
        PayloadSources.walk(args.parameters(), batch::add);
        batch.finish();
      } catch (PayloadSources.UnreadablePath e) {
        shown.close();
        err.println("ci-callback validate: " + e.getMessage());
        return ExitStatus.USAGE;
      }
      if (batch.count() == 0) {
        shown.close();
        err.println("ci-callback validate: no *.xml or *.json payload found in " + args.parameters());
        return ExitStatus.USAGE;
      }
      shown.close();
      long invalid = batch.count() - batch.valid();
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      writeReport(batch.kept(), batch.valid(), invalid, elapsed, report, output, out);
      return invalid == 0 ? ExitStatus.VALID : ExitStatus.INVALID;
    } catch (Batch.ReadFailure e) {
      shown.close();
      err.println("ci-callback validate: " + e.reading.getMessage());
      return ExitStatus.USAGE;
    } finally {
      shown.close();
      pool.shutdownNow();
    }
  }

  /** Why a report cannot be written to {@code output}, or null when its folder is there. */
  private static String unwritableReport(Path output) {
    if (Files.isDirectory(output)) {
      return output + " is a folder";
    }
    Path folder = output.getParent();
    if (folder == null || Files.isDirectory(folder)) {
      return null;
    }
    return Files.exists(folder) ? folder + " is not a folder" : "the folder " + folder + " does not exist";
  }

  private static void writeReport(List<PayloadResult> kept, long valid, long invalid, Duration elapsed, String report,
      String output, PrintWriter out) throws IOException {
    Report writer = switch (report) {
      case "json" -> new JsonReport();
      case "junit" -> new JunitReport(elapsed);
      default -> (results, to) -> new TextReport().write(results, valid, invalid, to);
    };
    if (output == null) {
      writer.write(kept, out);
      out.flush();
    } else {
      try (Writer file = new OutputStreamWriter(Files.newOutputStream(Path.of(output)), StandardCharsets.UTF_8)) {
        writer.write(kept, file);
      }
    }
  }
}
