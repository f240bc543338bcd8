package dev.cicallback.cli;

import dev.cicallback.validator.PayloadFormat;
import dev.cicallback.validator.ValidatorOptions;
import java.util.List;

/**
 * The options of the commands that judge payloads (validate, convert, trigger, listen): how to judge them and the
 * size limit, and the validator options they ask for. Each command words the help of {@code --mode} and
 * {@code --max-bytes} for what it judges; the values and their checks are the same everywhere.
 */
final class PayloadOptions {

  /** {@code --mode}, worded for payloads read or received. */
  static final CommandSpec.Option MODE = mode("strict: the schemas as they are; tolerant: unknown nodes are warnings");

  /** The options of the commands that read payloads from files (validate, convert). */
  static final List<CommandSpec.Option> OPTIONS =
      List.of(
          MODE,
          CommandSpec.Option.choice(
              "--format", "wire format of the input; auto detects it from the content", "auto", "xml", "json"),
          maxBytes("refuse payloads larger than N bytes without reading them"));

  private PayloadOptions() {}

  /** {@code --mode strict|tolerant}, strict by default. */
  static CommandSpec.Option mode(String description) {
    return CommandSpec.Option.choice("--mode", description, "strict", "tolerant");
  }

  /** {@code --max-bytes N}, the validator's default limit by default. */
  static CommandSpec.Option maxBytes(String description) {
    return CommandSpec.Option.value(
        "--max-bytes", "N", description, String.valueOf(ValidatorOptions.DEFAULT_MAX_BYTES));
  }

  /** The validator options {@code --mode}, {@code --max-bytes} and {@code --format} (the input's) ask for. */
  static ValidatorOptions toValidatorOptions(CommandSpec.Parsed args) throws CommandSpec.UsageError {
    ValidatorOptions.Builder options = judging(args);
    return switch (args.value("--format")) {
      case "xml" -> options.format(PayloadFormat.XML).build();
      case "json" -> options.format(PayloadFormat.JSON).build();
      default -> options.build();
    };
  }

  /**
   * The validator options {@code --mode} and {@code --max-bytes} ask for, each body's format detected from its
   * content: for trigger (whose {@code --format} is the one it sends) and listen.
   */
  static ValidatorOptions toDetectingOptions(CommandSpec.Parsed args) throws CommandSpec.UsageError {
    return judging(args).build();
  }

  private static ValidatorOptions.Builder judging(CommandSpec.Parsed args) throws CommandSpec.UsageError {
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
    return ValidatorOptions.builder()
        .mode(args.value("--mode").equals("strict") ? ValidatorOptions.Mode.STRICT : ValidatorOptions.Mode.TOLERANT)
        .maxBytes(maxBytes);
  }
}
