package dev.cicallback.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cicallback.model.testing.Fixtures;
import dev.cicallback.model.json.Callback;
import dev.cicallback.model.json.MediaFormat;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A number node may be a JSON number in any form JSON allows (1e1, 10.0, -0, 1.6e4, ...). Whatever form validation
 * accepts, the model holds its canonical text (plain digits, no exponent, no trailing zeros), which Java parses and the
 * contract accepts in both wire forms: convert never turns a valid callback into an invalid one.
 */
class NumberFormsTest {

  private static final String FIXTURE = "json/valid-animation-inline-parameters.json";
  private static final CallbackReader READER = CallbackReader.strict();
  private static final CallbackValidator VALIDATOR = CallbackValidator.strict();

  /** JSON numbers of integral value, in every form JSON has for one. */
  static List<String> integerForms() {
    return List.of(
        "0", "-0", "0.0", "-0.0", "0e5", "0E-3", "1", "-1", "1.0", "1.00", "10.0", "1e1", "1E1", "1e+1", "1E+1",
        "1e0", "0.1e1", "100e-2", "1.6e4", "1.60E4", "16000", "-1e2", "5.000", "12345678901234567890", "1e20",
        "-9223372036854775808", "2.5e1", "123456789e-5e", "1.5", "1e-1", "-0.5");
  }

  /** JSON numbers of any value. */
  static List<String> numberForms() {
    return List.of(
        "97624.424", "97624.424000", "-2.5", "1.5e-3", "1E-7", "1e400", "-0", "0.000", "3", "1.0e1", "2.50E+2");
  }

  @ParameterizedTest(name = "NumStream = {0}")
  @MethodSource("integerForms")
  void an_integer_node_holds_a_parsable_integer_and_converts_valid(String form) {
    check("\"NumStream\": \"1\"", "NumStream", form, MediaFormat::getNumStream, true);
  }

  @ParameterizedTest(name = "Bitrate = {0}")
  @MethodSource("numberForms")
  void a_number_node_holds_a_parsable_decimal_and_converts_valid(String form) {
    check("\"Bitrate\": \"97624.424000\"", "Bitrate", form, MediaFormat::getBitrate, false);
  }

  private static void check(
      String original, String name, String form, Function<MediaFormat, String> getter, boolean integer) {
    String fixture = new String(Fixtures.read(Fixtures.ROOT.resolve(FIXTURE)), StandardCharsets.UTF_8);
    assertTrue(fixture.contains(original), "the fixture has " + original);
    byte[] payload = fixture.replace(original, "\"" + name + "\": " + form).getBytes(StandardCharsets.UTF_8);
    if (!isJsonNumber(form)) {
      assertTrue(!VALIDATOR.validate(payload).isValid(), form + " is no JSON number");
      return;
    }
    BigDecimal value = new BigDecimal(form);
    boolean integral = value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    ValidationResult verdict = VALIDATOR.validate(payload);
    assertEquals(!integer || integral, verdict.isValid(), () -> form + ": " + verdict.problems());
    if (!verdict.isValid()) {
      return;
    }
    ReadResult read = READER.read(payload);
    assertTrue(read.isValid(), () -> "validated, yet not read: " + read.problems());
    Callback callback = read.callback().orElseThrow();
    String text = getter.apply(callback.getJobsDetail().get(0).getOperation().getMediaInfo().getFormat());
    assertTrue(text.matches(integer ? "-?[0-9]+" : "-?[0-9]+(\\.[0-9]*[1-9])?"), () -> form + " held as " + text);
    assertEquals(0, value.compareTo(new BigDecimal(text)), () -> form + " held as " + text);
    if (integer && text.length() < 19) {
      assertEquals(value.longValueExact(), Long.parseLong(text));
    }
    for (PayloadFormat format : PayloadFormat.values()) {
      byte[] written = CallbackWriter.write(callback, format);
      ValidationResult again = VALIDATOR.validate(written);
      assertTrue(again.isValid(), () -> form + " written as " + format + ": " + again.problems());
    }
  }

  private static boolean isJsonNumber(String form) {
    return form.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
  }
}
