package dev.cicallback.cli;

import dev.cicallback.validator.CallbackValidator;
import dev.cicallback.validator.ValidationResult;
import dev.cicallback.validator.ValidatorOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

  /** Payloads read and judged ahead of the report: enough to keep every core busy, few enough to hold. */
  private static final int WINDOW = 256;

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
      List<String> sources;
      try {
        sources = PayloadSources.expand(args.parameters(), source -> shown.found());
      } catch (PayloadSources.UnreadablePath e) {
        shown.close();
        err.println("ci-callback validate: " + e.getMessage());
        return ExitStatus.USAGE;
      }
      if (sources.isEmpty()) {
        shown.close();
        err.println("ci-callback validate: no *.xml or *.json payload found in " + args.parameters());
        return ExitStatus.USAGE;
      }
      String report = args.value("--report");
      // The text report writes problems only: a payload with none leaves nothing behind but its count, so memory
      // stays flat however large the batch. The JSON and JUnit reports list every payload, and keep each.
      boolean keepAll = !report.equals("text");
      List<PayloadResult> kept = new ArrayList<>();
      long valid = 0;
      // Files are validated in parallel over the cores, a bounded window ahead of the one the report needs next.
      Deque<Future<Timed>> window = new ArrayDeque<>();
      int submitted = 0;
      for (String source : sources) {
        while (submitted < sources.size() && window.size() < WINDOW) {
          String next = sources.get(submitted++);
          window.add(next.equals(PayloadSources.STDIN)
              ? CompletableFuture.completedFuture(timed(() -> validator.validate(stdin), shown))
              : pool.submit(() -> timed(() -> validator.validate(Path.of(next)), shown)));
        }
        Timed timed = resultOf(window.poll());
        valid += timed.result().isValid() ? 1 : 0;
        if (keepAll || !timed.result().problems().isEmpty()) {
          kept.add(new PayloadResult(source, timed.result(), timed.nanos()));
        }
      }
      shown.close();
      long invalid = sources.size() - valid;
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      writeReport(kept, valid, invalid, elapsed, report, output, out);
      return invalid == 0 ? ExitStatus.VALID : ExitStatus.INVALID;
    } catch (UncheckedIOException e) {
      shown.close();
      err.println("ci-callback validate: " + e.getCause().getMessage());
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

  /** A verdict and the time it took. */
  private record Timed(ValidationResult result, long nanos) {}

  private static Timed resultOf(Future<Timed> pending) throws InterruptedException {
    try {
      return pending.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private interface IoCall {
    ValidationResult call() throws IOException;
  }

  private static Timed timed(IoCall call, Progress progress) {
    long start = System.nanoTime();
    try {
      ValidationResult result = call.call();
      progress.checked();
      return new Timed(result, System.nanoTime() - start);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
