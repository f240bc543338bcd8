package dev.cicallback.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cicallback.validator.PayloadFormat;
import dev.cicallback.validator.ValidatorOptions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The shared payload options turned into validator options, for the commands that read and those that send. */
class PayloadOptionsTest {

  /** A command that reads payloads, as validate and convert are. */
  private static final CommandSpec READS =
      new CommandSpec("reads", List.of("Reads."), PayloadOptions.OPTIONS, "PATH", "a payload", 0, 1);

  /** A command with its own --format (the one it sends), as trigger is. */
  private static final CommandSpec SENDS =
      new CommandSpec("sends", List.of("Sends."), List.of(
          PayloadOptions.mode("how bodies are judged"),
          CommandSpec.Option.value("--format", "xml|json", "the format to send", null),
          PayloadOptions.maxBytes("the endpoint's limit")), "EVENT", "an event", 0, 1);

  private static CommandSpec.Parsed parse(CommandSpec spec, String... args) throws CommandSpec.UsageError {
    String[] all = new String[args.length + 1];
    all[0] = spec.name();
    System.arraycopy(args, 0, all, 1, args.length);
    return spec.parse(all, 1);
  }

  @Test
  void the_defaults_are_the_validators() throws CommandSpec.UsageError {
    assertEquals(ValidatorOptions.defaults(), PayloadOptions.toValidatorOptions(parse(READS)));
    assertEquals(ValidatorOptions.defaults(), PayloadOptions.toDetectingOptions(parse(SENDS)));
  }

  @Test
  void mode_format_and_size_limit_as_given() throws CommandSpec.UsageError {
    ValidatorOptions options =
        PayloadOptions.toValidatorOptions(parse(READS, "--mode", "tolerant", "--format", "json", "--max-bytes", "7"));

    assertEquals(ValidatorOptions.Mode.TOLERANT, options.mode());
    assertEquals(Optional.of(PayloadFormat.JSON), options.format());
    assertEquals(7, options.maxBytes());
    assertEquals(Optional.of(PayloadFormat.XML),
        PayloadOptions.toValidatorOptions(parse(READS, "--format=xml")).format());
    assertEquals(Optional.empty(), PayloadOptions.toValidatorOptions(parse(READS, "--format=auto")).format());
  }

  @Test
  void a_command_that_sends_detects_each_bodys_format_whatever_it_sends() throws CommandSpec.UsageError {
    ValidatorOptions options =
        PayloadOptions.toDetectingOptions(parse(SENDS, "--format", "json", "--mode", "tolerant", "--max-bytes=9"));

    assertEquals(Optional.empty(), options.format());
    assertEquals(ValidatorOptions.Mode.TOLERANT, options.mode());
    assertEquals(9, options.maxBytes());
  }

  @Test
  void a_size_limit_that_is_no_positive_whole_number_is_refused() throws CommandSpec.UsageError {
    for (String bad : List.of("0", "-5", "x", "1.5", "9223372036854775808")) {
      CommandSpec.Parsed reads = parse(READS, "--max-bytes", bad);
      CommandSpec.Parsed sends = parse(SENDS, "--max-bytes", bad);
      String message = "--max-bytes must be a positive whole number, not \"" + bad + "\"";
      assertEquals(message, assertThrows(CommandSpec.UsageError.class,
          () -> PayloadOptions.toValidatorOptions(reads)).getMessage());
      assertEquals(message, assertThrows(CommandSpec.UsageError.class,
          () -> PayloadOptions.toDetectingOptions(sends)).getMessage());
    }
  }
}
