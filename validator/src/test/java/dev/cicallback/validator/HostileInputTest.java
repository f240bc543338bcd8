package dev.cicallback.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cicallback.model.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attacks that need a live port, a planted file or a large payload, built at run time. */
class HostileInputTest {

  private static final CallbackValidator VALIDATOR = CallbackValidator.strict();
  private static final String SEED = new String(
      Fixtures.read(Fixtures.ROOT.resolve("xml/valid-seed-case1-task-api.xml")), StandardCharsets.UTF_8);

  private static ValidationResult validate(String payload) {
    return assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> VALIDATOR.validate(payload.getBytes(StandardCharsets.UTF_8)));
  }

  private static ValidationResult refused(String payload) {
    ValidationResult result = validate(payload);
    assertFalse(result.isValid());
    result.problems().forEach(BadInputTest::assertOneLinePlainMessage);
    return result;
  }

  @Test
  void an_external_entity_never_reads_the_planted_file(@TempDir Path dir) throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "PLANTED-SECRET-7f3a");
    String uri = secret.toUri().toString();

    for (String payload : List.of(
        "<!DOCTYPE Response [<!ENTITY s SYSTEM \"" + uri + "\">]><Response><EventName>&s;</EventName></Response>",
        "<!DOCTYPE Response [<!ENTITY % s SYSTEM \"" + uri + "\"> %s;]><Response/>",
        "<Response xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"" + uri
            + "\" parse=\"text\"/></Response>",
        SEED.replace("<Message/>", "<Message>&s;</Message>"))) {
      ValidationResult result = refused(payload);
      assertFalse(result.problems().toString().contains("PLANTED-SECRET"), result.problems()::toString);
    }
  }

  @Test
  void nothing_connects_to_a_listening_loopback_port() throws Exception {
    try (LoopbackListener listener = LoopbackListener.start()) {
      String base = listener.base();

      refused("<!DOCTYPE Response SYSTEM \"" + base + "/callback.dtd\"><Response/>");
      refused("<!DOCTYPE Response [<!ENTITY % p SYSTEM \"" + base + "/p.dtd\"> %p;]><Response/>");
      refused("<!DOCTYPE Response [<!ENTITY e SYSTEM \"" + base + "/e\">]><Response>&e;</Response>");
      refused(SEED.replace("<Response>", "<Response xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
          + "xsi:noNamespaceSchemaLocation=\"" + base + "/callback.xsd\">"));
      refused(SEED.replace("<Response>", "<Response xmlns=\"" + base + "/ns\" xmlns:xsi="
          + "\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"" + base + "/ns " + base + "/s.xsd\">"));
      refused("<Response xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"" + base + "/x\"/></Response>");
      refused("<?xml-stylesheet href=\"" + base + "/s.xsl\"?>" + SEED.replace("<Tag>Tts</Tag>", "<Tag>X</Tag>"));
      refused("{\"$schema\": \"" + base + "/schema.json\", \"$ref\": \"" + base + "/ref.json\"}");

      assertEquals(0, listener.connectionsWhenClosed(), "the validator connected to the loopback port");
    }
  }

  @Test
  void hundred_thousand_deep_nesting_is_refused_in_both_formats() {
    assertTrue(refused("<Response>" + "<a>".repeat(100_000) + "</a>".repeat(100_000) + "</Response>")
        .problems().toString().contains("nested deeper"));
    assertTrue(refused("[".repeat(100_000) + "]".repeat(100_000)).errors().get(0).message().contains("nested deeper"));
    assertTrue(refused("{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000))
        .errors().get(0).message().contains("nested deeper"));
  }

  @Test
  void huge_texts_strings_names_and_keys_are_refused() {
    String huge = "x".repeat(2 * 1024 * 1024);
    assertTrue(refused(SEED.replace("<Message/>", "<Message>" + huge + "</Message>"))
        .problems().toString().contains("text longer than"));
    assertTrue(refused("{\"EventName\": \"" + huge + "\"}").errors().get(0).message().contains("longer than the limit"));
    assertTrue(refused("{\"" + huge + "\": 1}").errors().get(0).message().contains("longer than the limit"));
    assertTrue(refused("<Response><" + "N".repeat(5000) + "/></Response>")
        .errors().get(0).message().contains("name longer than"));
  }

  @Test
  void too_many_nodes_are_refused() {
    assertTrue(refused("<Response>" + "<x/>".repeat(150_000) + "</Response>")
        .problems().toString().contains("more than 100000 elements"));
    assertTrue(refused("[" + "0,".repeat(150_000) + "0]").errors().get(0).message().contains("more than 100000 JSON"));
  }

  @Test
  void limits_are_configurable() {
    CallbackValidator tight = CallbackValidator.create(
        ValidatorOptions.builder().maxDepth(8).maxStringLength(10).maxNodes(20).maxNumberLength(3).build());
    byte[] seed = SEED.getBytes(StandardCharsets.UTF_8);
    byte[] json = Fixtures.read(Fixtures.ROOT.resolve("json/valid-minimal.json"));

    assertTrue(tight.validate(seed).problems().toString().contains("text longer than 10"));
    assertTrue(tight.validate(json).problems().toString().contains("longer than the limit"));
    assertTrue(tight.validate("[1234]".getBytes(StandardCharsets.UTF_8)).problems().toString().contains("digits"));
    assertTrue(VALIDATOR.validate(seed).isValid());
  }
}
