package dev.cicallback.cli;

import dev.cicallback.validator.PayloadFormat;
import dev.cicallback.validator.ValidatorOptions;
import picocli.CommandLine.Option;

/** The options every command that reads payloads shares: how to judge them and the size limit. */
final class PayloadOptions {

  /** What --mode accepts. */
  enum ModeOption { strict, tolerant }

  /** What --format accepts. */
  enum FormatOption { auto, xml, json }

  @Option(names = "--mode", defaultValue = "strict", paramLabel = "strict|tolerant",
      description = "strict: the schemas as they are; tolerant: unknown nodes are warnings (default: ${DEFAULT-VALUE})")
  ModeOption mode;

  @Option(names = "--format", defaultValue = "auto", paramLabel = "auto|xml|json",
      description = "wire format of the input; auto detects it from the content (default: ${DEFAULT-VALUE})")
  FormatOption format;

  @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
  picocli.CommandLine.Model.CommandSpec spec;

  long maxBytes = ValidatorOptions.DEFAULT_MAX_BYTES;

  @Option(names = "--max-bytes", paramLabel = "N", defaultValue = "" + ValidatorOptions.DEFAULT_MAX_BYTES,
      description = "refuse payloads larger than N bytes without reading them (default: ${DEFAULT-VALUE})")
  void setMaxBytes(long value) {
    if (value < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--max-bytes must be positive");
    }
    maxBytes = value;
  }

  /** The validator options these flags ask for. */
  ValidatorOptions toValidatorOptions() {
    ValidatorOptions options =
        ValidatorOptions.defaults()
            .withMode(mode == ModeOption.strict ? ValidatorOptions.Mode.STRICT : ValidatorOptions.Mode.TOLERANT)
            .withMaxBytes(maxBytes);
    return switch (format) {
      case auto -> options;
      case xml -> options.withFormat(PayloadFormat.XML);
      case json -> options.withFormat(PayloadFormat.JSON);
    };
  }
}
