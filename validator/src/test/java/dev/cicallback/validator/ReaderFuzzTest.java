package dev.cicallback.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cicallback.validator.ValidatorOptions.Mode;
import dev.cicallback.validator.internal.core.PayloadCheck;
import dev.cicallback.validator.internal.json.JsonPayloadValidator;
import dev.cicallback.validator.internal.contract.ContractTree;
import dev.cicallback.validator.internal.json.quick.JsonSchemaVerdictTest;
import dev.cicallback.validator.internal.xml.XmlPayloadValidator;
import dev.cicallback.validator.internal.xml.XmlTreeBuilder;
import dev.cicallback.validator.internal.xml.quick.XsdVerdict;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of the reader in both formats (Jazzer). {@code mvn verify} runs the regression inputs in
 * src/test/resources/.../ReaderFuzzTestInputs; {@code JAZZER_FUZZ=1} fuzzes for real (see SECURITY.md). Any input
 * that breaks an invariant below is a bug: add it to those folders once fixed.
 */
class ReaderFuzzTest {

  private static final CallbackReader XML = CallbackReader.create(
      ValidatorOptions.builder().mode(Mode.TOLERANT).format(PayloadFormat.XML).build());
  private static final CallbackReader READ_BACK = CallbackReader.tolerant();
  private static final CallbackReader JSON = CallbackReader.create(
      ValidatorOptions.builder().mode(Mode.TOLERANT).format(PayloadFormat.JSON).build());

  @FuzzTest(maxDuration = "2m")
  void fuzz_xml(byte[] data) {
    check(XML.read(data));
  }

  @FuzzTest(maxDuration = "2m")
  void fuzz_json(byte[] data) {
    check(JSON.read(data));
  }

  private static final JsonPayloadValidator FULL_JSON = new JsonPayloadValidator(ValidatorOptions.defaults(), true);

  /**
   * The quick JSON pass never accepts what the full evaluator finds a problem in, and the model it binds while
   * validating is the one the full pass's tree binds to (seeded with valid payloads).
   */
  @FuzzTest(maxDuration = "2m")
  void fuzz_json_verdict(byte[] data) {
    boolean quick = FULL_JSON.passesQuickly(data, 0, data.length);
    dev.cicallback.model.json.Callback bound = FULL_JSON.bindQuickly(data, 0, data.length);
    assertTrue(quick || bound == null, "bound while validating, yet the verdict doubts");
    if (quick) {
      PayloadCheck full = FULL_JSON.checkFully(data, 0, data.length);
      assertEquals(java.util.List.of(), full.problems());
      assertEquals(JsonSchemaVerdictTest.bindOrNull(full.tree()), bound);
    }
  }

  private static final XmlPayloadValidator FULL_XML = new XmlPayloadValidator(ValidatorOptions.defaults(), true);

  /**
   * The quick XML verdict, read from the bytes, never accepts what the schema validator's full pass finds a problem
   * in, and the tree it builds is the full pass's (seeded with valid payloads).
   */
  @FuzzTest(maxDuration = "2m")
  void fuzz_xml_verdict(byte[] data) {
    XmlTreeBuilder tree = new XmlTreeBuilder(ContractTree.xml());
    if (XsdVerdict.shared().passes(data, 0, data.length, ValidatorOptions.defaults(), tree)) {
      PayloadCheck full = FULL_XML.checkFully(data, 0, data.length);
      assertEquals(java.util.List.of(), full.problems());
      assertEquals(full.tree(), tree.tree());
    }
  }

  /** Never an exception; a model exactly when valid; every problem says what and where. */
  private static void check(ReadResult result) {
    assertEquals(result.validation().isValid(), result.callback().isPresent(), result.problems()::toString);
    for (Problem problem : result.problems()) {
      assertNotNull(problem.message());
      assertFalse(problem.code() == ProblemCode.INTERNAL, problem::message);
      BadInputTest.assertOneLinePlainMessage(problem);
    }
    result.callback().ifPresent(callback -> {
      // What the library writes, it reads back: both forms are well-formed and valid (tolerant: unknown nodes were
      // reported and left out). XML may refuse a character only JSON can carry, by name.
      assertWritesBack(CallbackWriter.toJson(callback));
      try {
        assertWritesBack(CallbackWriter.toXml(callback));
      } catch (CallbackWriter.UnwritableAsXml onlyJsonCarriesIt) {
        assertTrue(onlyJsonCarriesIt.getMessage().contains("XML 1.0 cannot carry"));
      }
    });
  }

  private static void assertWritesBack(byte[] written) {
    ReadResult again = READ_BACK.read(written);
    assertTrue(again.isValid(), () -> again.problems() + " in\n" + new String(written, StandardCharsets.UTF_8));
  }
}
