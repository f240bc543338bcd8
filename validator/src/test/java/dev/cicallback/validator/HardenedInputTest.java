package dev.cicallback.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cicallback.model.testing.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bodies are untrusted: bad input is refused with a located problem, never an exception. */
class HardenedInputTest {

  private static final CallbackValidator VALIDATOR = CallbackValidator.strict();

  private static ValidationResult validate(String payload) {
    return VALIDATOR.validate(payload.getBytes(StandardCharsets.UTF_8));
  }

  private static String only(ValidationResult result) {
    assertFalse(result.isValid());
    return result.errors().get(0).message();
  }

  @Test
  void refuses_a_doctype_and_never_reads_the_external_entity(@TempDir Path dir) throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-VALUE");
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE Response [<!ENTITY x SYSTEM \"" + secret.toUri()
        + "\">]><Response><EventName>&x;</EventName></Response>";

    ValidationResult result = validate(xxe);

    assertTrue(only(result).contains("DOCTYPE"), result.problems()::toString);
    assertFalse(result.problems().toString().contains("TOP-SECRET-VALUE"));
  }

  /** Namespaces in XML: a name with a leading colon is no QName, a PI target has no colon; in either mode. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "element-name-starting-with-a-colon.xml",
      "attribute-name-starting-with-a-colon.xml",
      "processing-instruction-target-with-a-colon.xml"})
  void refuses_names_that_break_namespace_well_formedness(String file) throws Exception {
    byte[] payload = Files.readAllBytes(Path.of(HardenedInputTest.class.getResource("/bad-input/xml/" + file).toURI()));
    for (CallbackValidator validator : new CallbackValidator[] {VALIDATOR, CallbackValidator.tolerant()}) {
      ValidationResult result = validator.validate(payload);
      assertFalse(result.isValid(), () -> validator.options().mode() + ": " + result.problems());
      Problem problem = result.errors().get(0);
      assertEquals(ProblemCode.SYNTAX, problem.code(), problem::toString);
      assertEquals(3, problem.line(), problem::toString);
    }
  }

  @Test
  void refuses_duplicate_json_names_with_their_place() {
    ValidationResult result = validate("{\"EventName\": \"TaskFinish\",\n \"EventName\": \"TaskFinish\"}");

    assertTrue(only(result).contains("\"EventName\" occurs twice"), result.problems()::toString);
    assertEquals(2, result.errors().get(0).line());
  }

  @Test
  void refuses_content_after_the_json_document() {
    assertTrue(only(validate("{\"EventName\": \"TaskFinish\"} {}")).contains("content after the end"));
  }

  @Test
  void refuses_json_extensions() {
    assertTrue(only(validate("{\"EventName\": 'TaskFinish'}")).startsWith("not valid JSON"));
    assertTrue(only(validate("{/*c*/\"EventName\": \"TaskFinish\"}")).startsWith("not valid JSON"));
    assertTrue(only(validate("{\"JobLevel\": NaN}")).startsWith("not valid JSON"));
  }

  @Test
  void refuses_deep_nesting_in_both_formats() {
    assertTrue(only(validate("[".repeat(100_000))).contains("nested deeper"));
    ValidationResult xml = validate("<Response>" + "<a>".repeat(100_000));
    assertTrue(xml.errors().stream().anyMatch(p -> p.message().contains("nested deeper")), xml.problems()::toString);
  }

  @Test
  void refuses_invalid_utf8_with_its_place() {
    byte[] payload = "{\"EventName\":\n \"Task\u00ffFinish\"}".getBytes(StandardCharsets.ISO_8859_1);

    ValidationResult result = VALIDATOR.validate(payload);

    assertTrue(only(result).contains("invalid UTF-8"), result.problems()::toString);
    assertEquals(2, result.errors().get(0).line());
  }

  @Test
  void refuses_what_is_neither_xml_nor_json() {
    assertEquals(Optional.empty(), validate("EventName=TaskFinish").format());
    assertTrue(only(validate("EventName=TaskFinish")).contains("neither XML"));
    assertTrue(only(validate("   \n")).contains("empty"));
    assertTrue(only(validate("")).contains("empty"));
  }

  @Test
  void detects_the_format_after_a_utf8_bom_and_blank_lines() throws IOException {
    byte[] json = Files.readAllBytes(Fixtures.ROOT.resolve("json/valid-minimal.json"));
    byte[] withBom = new byte[json.length + 4];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    withBom[3] = '\n';
    System.arraycopy(json, 0, withBom, 4, json.length);

    ValidationResult result = VALIDATOR.validate(withBom);

    assertEquals(Optional.of(PayloadFormat.JSON), result.format());
    assertTrue(result.isValid(), result.problems()::toString);
  }

  @Test
  void a_forced_format_overrides_detection() throws IOException {
    byte[] json = Files.readAllBytes(Fixtures.ROOT.resolve("json/valid-minimal.json"));
    CallbackValidator asXml =
        CallbackValidator.create(ValidatorOptions.builder().format(PayloadFormat.XML).build());

    ValidationResult result = asXml.validate(json);

    assertEquals(Optional.of(PayloadFormat.XML), result.format());
    assertTrue(only(result).startsWith("not well-formed XML"));
  }

  @Test
  void refuses_a_payload_over_the_limit_without_reading_it_all() throws IOException {
    CallbackValidator small = CallbackValidator.create(ValidatorOptions.builder().maxBytes(1024).build());
    CountingStream endless = new CountingStream(1L << 30);

    ValidationResult result = small.validate(endless);

    assertTrue(only(result).contains("larger than the limit of 1024 bytes"));
    assertTrue(endless.served <= 1024 + 64 * 1024, "read " + endless.served + " bytes");
  }

  @Test
  void the_largest_limit_does_not_overflow_into_an_empty_payload() throws IOException {
    CallbackValidator unlimited = CallbackValidator.create(ValidatorOptions.builder().maxBytes(Long.MAX_VALUE).build());

    ValidationResult result =
        unlimited.validate(Files.newInputStream(Fixtures.ROOT.resolve("json/valid-seed-workflow.json")));

    assertTrue(result.isValid(), result.problems()::toString);
  }

  @Test
  void a_file_larger_than_memory_can_hold_is_refused_unread_with_its_limit(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    Path huge = dir.resolve("huge.json");
    try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
      file.setLength(2_200_000_000L); // sparse: no disk is used
    }
    CallbackValidator large = CallbackValidator.create(ValidatorOptions.builder().maxBytes(4_294_967_296L).build());

    ValidationResult result = large.validate(huge);

    assertEquals(ProblemCode.LIMIT, result.problems().get(0).code(), result.problems()::toString);
    assertTrue(only(result).contains("larger than the limit of 2147483638 bytes"), result.problems()::toString);
  }

  /** {@code size} bytes of '{', generated as they are read. */
  static final class CountingStream extends InputStream {
    private final long size;
    long served;

    CountingStream(long size) {
      this.size = size;
    }

    @Override
    public int read() {
      return served < size ? (++served > 0 ? '{' : '{') : -1;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (served >= size) {
        return -1;
      }
      int n = (int) Math.min(length, size - served);
      java.util.Arrays.fill(buffer, offset, offset + n, (byte) '{');
      served += n;
      return n;
    }
  }
}
