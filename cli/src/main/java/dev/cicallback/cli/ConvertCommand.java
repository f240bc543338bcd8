package dev.cicallback.cli;

import dev.cicallback.validator.CallbackReader;
import dev.cicallback.validator.CallbackWriter;
import dev.cicallback.validator.ModerationCallback;
import dev.cicallback.validator.PayloadFormat;
import dev.cicallback.validator.Problem;
import dev.cicallback.validator.ReadResult;
import dev.cicallback.validator.ValidatorOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code ci-callback convert}: one payload in, the same callback in the other wire format out. A content-moderation
 * callback (JSON only on the wire) converts to the contract's XML reading of it, with a note on standard error.
 */
final class ConvertCommand implements Command {

  static final CommandSpec SPEC =
      new CommandSpec(
          "convert",
          List.of(
              "Converts a callback payload to XML or JSON and prints it on standard output.",
              "Invalid input gets the same report and exit status as validate; warnings go to standard error."),
          Stream.concat(
                  Stream.of(CommandSpec.Option.requiredChoice("--to", "the wire format to write", "xml", "json")),
                  PayloadOptions.OPTIONS.stream())
              .toList(),
          "PATH",
          "a payload file, or - for standard input",
          1,
          1);

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public int run(CommandSpec.Parsed args, PrintWriter out, PrintWriter err, InputStream stdin)
      throws IOException, CommandSpec.UsageError {
    String path = args.parameters().get(0);
    ValidatorOptions options = PayloadOptions.toValidatorOptions(args);
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
      new TextReport().write(List.of(new PayloadResult(path, read.validation())), out);
      out.flush();
      return ExitStatus.INVALID;
    }
    for (Problem warning : read.validation().warnings()) {
      err.println(TextReport.line(path, warning));
    }
    err.flush();
    PayloadFormat target = args.value("--to").equals("xml") ? PayloadFormat.XML : PayloadFormat.JSON;
    byte[] converted;
    try {
      if (read.moderation().isPresent()) {
        ModerationCallback moderation = read.moderation().get();
        if (target == PayloadFormat.XML) {
          // CI sends moderation callbacks as JSON only: say what the XML is, and that validate reads the JSON.
          err.println("ci-callback convert: " + path + " is a content-moderation callback ("
              + moderation.form().name().toLowerCase(java.util.Locale.ROOT) + " form), which CI sends as JSON only;"
              + " this XML is the contract's reading of it (schema/xml/moderation-"
              + moderation.form().name().toLowerCase(java.util.Locale.ROOT) + ".xsd, for XML tools); validate and"
              + " read take its JSON");
          err.flush();
          converted = CallbackWriter.toXml(moderation);
        } else {
          converted = CallbackWriter.toJson(moderation);
        }
      } else {
        converted = CallbackWriter.write(read.callback().orElseThrow(), target);
      }
    } catch (CallbackWriter.UnwritableAsXml e) {
      err.println("ci-callback convert: cannot write " + path + " as XML: " + e.getMessage());
      return ExitStatus.INVALID;
    }
    out.write(new String(converted, StandardCharsets.UTF_8));
    out.flush();
    return ExitStatus.VALID;
  }
}
