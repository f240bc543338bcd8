package dev.cicallback.cli;

import dev.cicallback.validator.PayloadFormat;
import dev.cicallback.validator.ValidatorOptions;
import java.util.List;

/** The options every command that reads payloads shares: how to judge them and the size limit. */
final class PayloadOptions {

  static final List<CommandSpec.Option> OPTIONS =
      List.of(
          CommandSpec.Option.choice(
              "--mode",
              "strict: the schemas as they are; tolerant: unknown nodes are warnings",
              "strict",
              "tolerant"),
          CommandSpec.Option.choice(
              "--format", "wire format of the input; auto detects it from the content", "auto", "xml", "json"),
          CommandSpec.Option.value(
              "--max-bytes",
              "N",
              "refuse payloads larger than N bytes without reading them",
              String.valueOf(ValidatorOptions.DEFAULT_MAX_BYTES)));

  private PayloadOptions() {}

  /** The validator options these flags ask for. */
  static ValidatorOptions toValidatorOptions(CommandSpec.Parsed args) throws CommandSpec.UsageError {
    long maxBytes;
    try {
      maxBytes = Long.parseLong(args.value("--max-bytes"));
    } catch (NumberFormatException e) {
      maxBytes = 0;
    }
    if (maxBytes < 1) {
      throw new CommandSpec.UsageError(
          "--max-bytes must be a positive whole number, not \"" + args.value("--max-bytes") + "\"");
    }
    ValidatorOptions.Builder options =
        ValidatorOptions.builder()
            .mode(args.value("--mode").equals("strict") ? ValidatorOptions.Mode.STRICT : ValidatorOptions.Mode.TOLERANT)
            .maxBytes(maxBytes);
    return switch (args.value("--format")) {
      case "xml" -> options.format(PayloadFormat.XML).build();
      case "json" -> options.format(PayloadFormat.JSON).build();
      default -> options.build();
    };
  }
}
