package dev.cicallback.cli;

import dev.cicallback.validator.CallbackReader;
import dev.cicallback.validator.CallbackWriter;
import dev.cicallback.validator.PayloadFormat;
import dev.cicallback.validator.Problem;
import dev.cicallback.validator.ReadResult;
import dev.cicallback.validator.ValidatorOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ci-callback convert}: one payload in, the same callback in the other wire format out. */
@Command(
    name = "convert",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Converts a callback payload to XML or JSON and prints it on standard output.",
      "Invalid input gets the same report and exit status as validate; warnings go to standard error."
    })
final class ConvertCommand implements Callable<Integer> {

  /** What --to accepts. */
  enum Target { xml, json }

  @Option(names = "--to", required = true, paramLabel = "xml|json", description = "the wire format to write")
  Target to;

  @Mixin PayloadOptions payloadOptions;

  @Parameters(arity = "1", paramLabel = "PATH", description = "a payload file, or - for standard input")
  String path;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  private final InputStream stdin;

  ConvertCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    ValidatorOptions options = payloadOptions.toValidatorOptions();
    CallbackReader reader = CallbackReader.create(options);
    ReadResult read;
    if (path.equals(PayloadSources.STDIN)) {
      read = reader.read(stdin);
    } else {
      try {
        read = reader.read(PayloadSources.file(path));
      } catch (PayloadSources.UnreadablePath e) {
        err.println("ci-callback convert: " + e.getMessage());
        return ExitStatus.USAGE;
      }
    }
    if (!read.isValid()) {
      PrintWriter out = spec.commandLine().getOut();
      new TextReport().write(List.of(new PayloadResult(path, read.validation())), out);
      out.flush();
      return ExitStatus.INVALID;
    }
    for (Problem warning : read.validation().warnings()) {
      err.println(TextReport.line(path, warning));
    }
    err.flush();
    byte[] converted =
        CallbackWriter.write(read.callback().orElseThrow(), to == Target.xml ? PayloadFormat.XML : PayloadFormat.JSON);
    PrintWriter out = spec.commandLine().getOut();
    out.write(new String(converted, StandardCharsets.UTF_8));
    out.flush();
    return ExitStatus.VALID;
  }
}
