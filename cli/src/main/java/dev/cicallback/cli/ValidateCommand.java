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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ci-callback validate}: one verdict per payload, a report, and an exit status for CI. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Validates callback payloads (XML or JSON) against the contract.",
      "Exit status: 0 when every payload is valid (warnings allowed), 1 when any is invalid,"
          + " 2 for a usage error or a path that cannot be read."
    })
final class ValidateCommand implements Callable<Integer> {

  /** What --report accepts. */
  enum ReportOption { text, json, junit }

  @Mixin PayloadOptions payloadOptions;

  @Option(names = "--report", defaultValue = "text", paramLabel = "text|json|junit",
      description = "report format (default: ${DEFAULT-VALUE})")
  ReportOption report;

  @Option(names = "--output", paramLabel = "FILE", description = "write the report to FILE instead of standard output")
  Path output;

  @Parameters(arity = "1..*", paramLabel = "PATH",
      description = "a payload file, a folder (searched recursively for *.xml and *.json), or - for standard input")
  List<String> paths;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  private final InputStream stdin;

  ValidateCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  @Override
  public Integer call() throws Exception {
    ValidatorOptions options = payloadOptions.toValidatorOptions();
    List<String> sources;
    try {
      sources = PayloadSources.expand(paths);
    } catch (PayloadSources.UnreadablePath e) {
      spec.commandLine().getErr().println("ci-callback validate: " + e.getMessage());
      return ExitStatus.USAGE;
    }
    if (sources.isEmpty()) {
      spec.commandLine().getErr().println("ci-callback validate: no *.xml or *.json payload found in " + paths);
      return ExitStatus.USAGE;
    }
    CallbackValidator validator = CallbackValidator.create(options);
    List<PayloadResult> results;
    try {
      results = validateAll(validator, sources);
    } catch (UncheckedIOException e) {
      spec.commandLine().getErr().println("ci-callback validate: " + e.getCause().getMessage());
      return ExitStatus.USAGE;
    }
    writeReport(results);
    return results.stream().allMatch(r -> r.result().isValid()) ? ExitStatus.VALID : ExitStatus.INVALID;
  }

  /** Validates every source, files in parallel over the cores, results in the order given. */
  private List<PayloadResult> validateAll(CallbackValidator validator, List<String> sources)
      throws InterruptedException {
    int threads = Math.min(Runtime.getRuntime().availableProcessors(), sources.size());
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(threads, 1), runnable -> {
      Thread thread = new Thread(runnable, "ci-callback-validate");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<ValidationResult>> pending = new ArrayList<>();
      for (String source : sources) {
        if (source.equals(PayloadSources.STDIN)) {
          ValidationResult fromStdin = read(() -> validator.validate(stdin));
          pending.add(java.util.concurrent.CompletableFuture.completedFuture(fromStdin));
        } else {
          pending.add(pool.submit(() -> read(() -> validator.validate(Path.of(source)))));
        }
      }
      List<PayloadResult> results = new ArrayList<>();
      for (int i = 0; i < sources.size(); i++) {
        try {
          results.add(new PayloadResult(sources.get(i), pending.get(i).get()));
        } catch (ExecutionException e) {
          if (e.getCause() instanceof UncheckedIOException io) {
            throw io;
          }
          throw new IllegalStateException(e.getCause());
        }
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private interface IoCall {
    ValidationResult call() throws IOException;
  }

  private static ValidationResult read(IoCall call) {
    try {
      return call.call();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeReport(List<PayloadResult> results) throws IOException {
    Report writer = switch (report) {
      case text -> new TextReport();
      case json -> new JsonReport();
      case junit -> new JunitReport();
    };
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      writer.write(results, out);
      out.flush();
    } else {
      try (Writer out = new OutputStreamWriter(Files.newOutputStream(output), StandardCharsets.UTF_8)) {
        writer.write(results, out);
      }
    }
  }
}
