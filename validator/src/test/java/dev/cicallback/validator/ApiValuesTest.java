package dev.cicallback.validator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cicallback.model.json.Callback;
import dev.cicallback.model.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The API's values as a caller meets them: the options (defaults, bounds named in the refusal, equality over every
 * setting, a copy through the builder) and the results (valid, errors, warnings, equality and their printed form).
 */
class ApiValuesTest {

  private static byte[] fixture(String name) {
    return Fixtures.read(Fixtures.ROOT.resolve(name));
  }

  @Test
  void the_defaults_are_the_documented_ones() {
    ValidatorOptions defaults = ValidatorOptions.defaults();
    assertEquals(ValidatorOptions.Mode.STRICT, defaults.mode());
    assertEquals(Optional.empty(), defaults.format());
    assertEquals(8L * 1024 * 1024, defaults.maxBytes());
    assertEquals(64, defaults.maxDepth());
    assertEquals(1024 * 1024, defaults.maxStringLength());
    assertEquals(100, defaults.maxNumberLength());
    assertEquals(100_000, defaults.maxNodes());
    assertEquals(64, defaults.maxAttributes());
    assertEquals(Severity.ERROR, defaults.unknownNodeSeverity());
    assertEquals(
        Severity.WARNING,
        ValidatorOptions.builder().mode(ValidatorOptions.Mode.TOLERANT).build().unknownNodeSeverity());
    assertEquals(defaults, ValidatorOptions.builder().build());
    assertEquals(ValidatorOptions.Mode.TOLERANT, CallbackValidator.tolerant().options().mode());
    assertEquals(ValidatorOptions.Mode.TOLERANT, CallbackReader.tolerant().options().mode());
    assertEquals(defaults, CallbackValidator.strict().options());
    assertEquals(defaults, CallbackReader.strict().options());
  }

  @Test
  void each_limit_refuses_the_first_value_out_of_bounds_and_takes_the_first_in() {
    ValidatorOptions.Builder builder = ValidatorOptions.builder();
    IllegalArgumentException depth = assertThrows(IllegalArgumentException.class, () -> builder.maxDepth(7));
    assertEquals("maxDepth must be at least 8, a callback's own depth: 7", depth.getMessage());
    assertEquals(8, builder.maxDepth(8).build().maxDepth());

    assertEquals("maxBytes must be positive: 0",
        assertThrows(IllegalArgumentException.class, () -> builder.maxBytes(0)).getMessage());
    assertEquals("maxStringLength must be positive: 0",
        assertThrows(IllegalArgumentException.class, () -> builder.maxStringLength(0)).getMessage());
    assertEquals("maxNumberLength must be positive: -1",
        assertThrows(IllegalArgumentException.class, () -> builder.maxNumberLength(-1)).getMessage());
    assertEquals("maxNodes must be positive: 0",
        assertThrows(IllegalArgumentException.class, () -> builder.maxNodes(0)).getMessage());
    assertEquals("maxAttributes must be positive: 0",
        assertThrows(IllegalArgumentException.class, () -> builder.maxAttributes(0)).getMessage());

    ValidatorOptions ones =
        builder.maxBytes(1).maxStringLength(1).maxNumberLength(1).maxNodes(1).maxAttributes(1).build();
    assertEquals(List.of(1L, 1L, 1L, 1L, 1L),
        List.of(ones.maxBytes(), (long) ones.maxStringLength(), (long) ones.maxNumberLength(),
            (long) ones.maxNodes(), (long) ones.maxAttributes()));
    assertThrows(NullPointerException.class, () -> builder.mode(null));
    assertThrows(NullPointerException.class, () -> builder.format(null));
    assertThrows(NullPointerException.class, () -> CallbackValidator.create(null));
    assertThrows(NullPointerException.class, () -> CallbackReader.create(null));
  }

  @Test
  void options_are_equal_exactly_when_every_setting_is() {
    ValidatorOptions base = ValidatorOptions.defaults();
    List<UnaryOperator<ValidatorOptions.Builder>> changes =
        List.of(
            b -> b.mode(ValidatorOptions.Mode.TOLERANT),
            b -> b.format(PayloadFormat.JSON),
            b -> b.maxBytes(1000),
            b -> b.maxDepth(9),
            b -> b.maxStringLength(1000),
            b -> b.maxNumberLength(10),
            b -> b.maxNodes(1000),
            b -> b.maxAttributes(3));
    for (UnaryOperator<ValidatorOptions.Builder> change : changes) {
      ValidatorOptions changed = change.apply(base.toBuilder()).build();
      assertNotEquals(base, changed, changed::toString);
      assertNotEquals(changed, base, changed::toString);
      assertNotEquals(base.hashCode(), changed.hashCode(), changed::toString);
      ValidatorOptions copy = changed.toBuilder().build();
      assertEquals(changed, copy);
      assertEquals(changed.hashCode(), copy.hashCode());
      assertEquals(changed.toString(), copy.toString());
    }
    assertNotEquals(base, "ValidatorOptions");
    assertEquals(
        "ValidatorOptions[mode=STRICT, format=detect, maxBytes=8388608, maxDepth=64, maxStringLength=1048576,"
            + " maxNumberLength=100, maxNodes=100000, maxAttributes=64]",
        base.toString());
    assertEquals(
        "ValidatorOptions[mode=TOLERANT, format=XML, maxBytes=5, maxDepth=8, maxStringLength=6,"
            + " maxNumberLength=7, maxNodes=9, maxAttributes=10]",
        ValidatorOptions.builder().mode(ValidatorOptions.Mode.TOLERANT).format(PayloadFormat.XML).maxBytes(5)
            .maxDepth(8).maxStringLength(6).maxNumberLength(7).maxNodes(9).maxAttributes(10).build().toString());
  }

  @Test
  void a_result_sorts_its_problems_into_errors_and_warnings() {
    ValidationResult tolerant =
        CallbackValidator.tolerant().validate(fixture("xml/invalid-unknown-element-in-jobsdetail.xml"));
    assertTrue(tolerant.isValid());
    assertEquals(List.of(), tolerant.errors());
    assertEquals(tolerant.problems(), tolerant.warnings());
    Problem warning = tolerant.warnings().get(0);
    assertTrue(warning.isUnknown());
    assertFalse(warning.isError());

    ValidationResult strict =
        CallbackValidator.strict().validate(fixture("xml/invalid-unknown-element-in-jobsdetail.xml"));
    assertFalse(strict.isValid());
    assertEquals(strict.problems(), strict.errors());
    assertEquals(List.of(), strict.warnings());
    assertTrue(strict.errors().get(0).isError());
    assertEquals(Optional.of(PayloadFormat.XML), strict.format());
    assertNotEquals(strict, tolerant);
    assertNotEquals(strict.hashCode(), tolerant.hashCode());

    ValidationResult again =
        CallbackValidator.strict().validate(fixture("xml/invalid-unknown-element-in-jobsdetail.xml"));
    assertEquals(strict, again);
    assertEquals(strict.hashCode(), again.hashCode());
    assertTrue(strict.toString().startsWith("ValidationResult[format=XML, problems=[Problem[severity=ERROR,"),
        strict::toString);

    ValidationResult neither = CallbackValidator.strict().validate("neither".getBytes());
    assertEquals(Optional.empty(), neither.format());
    assertTrue(neither.toString().startsWith("ValidationResult[format=none, problems=["), neither::toString);
    assertNotEquals(strict, "ValidationResult");
  }

  @Test
  void problems_of_an_unknown_node_or_tag_are_unknown_and_no_other() {
    for (ProblemCode code : ProblemCode.values()) {
      Problem problem = new Problem(Severity.WARNING, code, "m", 1, 1, "/x");
      assertEquals(code == ProblemCode.UNKNOWN_NODE || code == ProblemCode.UNKNOWN_TAG, problem.isUnknown(),
          code::name);
      assertFalse(problem.isError());
    }
    assertEquals("error", Severity.ERROR.label());
    assertEquals("warning", Severity.WARNING.label());
    assertEquals("xml", PayloadFormat.XML.label());
    assertEquals("json", PayloadFormat.JSON.label());
  }

  @Test
  void a_read_tells_the_event_the_tags_and_the_unknown_nodes() {
    ReadResult task = CallbackReader.strict().read(fixture("json/valid-seed-case1-task-api.json"));
    assertTrue(task.isValid(), task.problems()::toString);
    assertEquals(Optional.of("TaskFinish"), task.event());
    assertEquals(List.of("Tts"), task.tags());
    assertEquals(List.of(), task.unknownNodes());
    assertEquals(Optional.of(PayloadFormat.JSON), task.format());
    assertEquals("ReadResult[" + task.validation() + ", job read]", task.toString());
    assertEquals(Optional.of(CallbackKind.JOB), task.kind());

    ReadResult workflow = CallbackReader.strict().read(fixture("json/valid-workflowfinish-qclouddocs-zh-case2.json"));
    assertTrue(workflow.isValid(), workflow.problems()::toString);
    assertEquals(Optional.of("WorkflowFinish"), workflow.event());
    assertEquals(Optional.of(CallbackKind.WORKFLOW), workflow.kind());
    assertEquals("ReadResult[" + workflow.validation() + ", workflow read]", workflow.toString());
    assertNotEquals(task, workflow);

    ReadResult legacyWorkflow =
        CallbackReader.tolerant().read(fixture("xml/invalid-legacy-workflow-callback-no-eventname.xml"));
    assertTrue(legacyWorkflow.isValid(), legacyWorkflow.problems()::toString);
    assertEquals(Optional.of("WorkflowFinish"), legacyWorkflow.event());
    assertEquals(List.of(), legacyWorkflow.tags());
    ReadResult legacyJob =
        CallbackReader.tolerant().read(fixture("xml/invalid-legacy-mediajob-callback-no-eventname.xml"));
    assertTrue(legacyJob.isValid(), legacyJob.problems()::toString);
    assertEquals(Optional.of("TaskFinish"), legacyJob.event());

    ReadResult tolerant =
        CallbackReader.tolerant().read(fixture("xml/invalid-unknown-element-in-jobsdetail.xml"));
    assertTrue(tolerant.isValid(), tolerant.problems()::toString);
    assertEquals(tolerant.problems(), tolerant.unknownNodes());
    assertEquals(1, tolerant.unknownNodes().size());

    ReadResult strict = CallbackReader.strict().read(fixture("xml/invalid-unknown-element-in-jobsdetail.xml"));
    assertFalse(strict.isValid());
    assertEquals(Optional.empty(), strict.event());
    assertEquals(List.of(), strict.tags());
    assertEquals("ReadResult[" + strict.validation() + ", nothing read]", strict.toString());
    assertEquals(Optional.empty(), strict.kind());

    ReadResult again = CallbackReader.strict().read(fixture("xml/invalid-unknown-element-in-jobsdetail.xml"));
    assertEquals(strict, again);
    assertEquals(strict.hashCode(), again.hashCode());
    assertNotEquals(strict, tolerant);
    assertNotEquals(strict.hashCode(), tolerant.hashCode());
    assertNotEquals(strict, "ReadResult");
  }

  @Test
  void the_writer_writes_the_form_asked_for_in_ci_layout() {
    Callback callback =
        CallbackReader.strict().read(fixture("json/valid-seed-case1-task-api.json")).callback().orElseThrow();
    byte[] json = CallbackWriter.write(callback, PayloadFormat.JSON);
    byte[] xml = CallbackWriter.write(callback, PayloadFormat.XML);
    assertArrayEquals(CallbackWriter.toJson(callback), json);
    assertArrayEquals(CallbackWriter.toXml(callback), xml);

    String jsonText = new String(json, StandardCharsets.UTF_8);
    assertTrue(jsonText.startsWith("{\n    \"EventName\": \"TaskFinish\",\n    \"JobsDetail\": [\n        {\n"),
        jsonText);
    assertTrue(jsonText.endsWith("\n}\n") && !jsonText.endsWith("\n\n"), jsonText);
    String xmlText = new String(xml, StandardCharsets.UTF_8);
    assertTrue(xmlText.startsWith("<Response>\n    <EventName>TaskFinish</EventName>\n    <JobsDetail>\n        <"),
        xmlText);
    assertTrue(xmlText.endsWith("\n    </JobsDetail>\n</Response>\n"), xmlText);
  }

  @Test
  void the_writer_refuses_exactly_the_characters_xml_cannot_carry() throws Exception {
    ObjectNode tree = (ObjectNode) new ObjectMapper().readTree("{\"EventName\": \"TaskFinish\", \"Note\": \"\"}");
    for (char c : new char[] {'\u0000', '\u001f', '\ufffe', '\uffff'}) {
      tree.put("Note", "a" + c);
      CallbackWriter.UnwritableAsXml refused =
          assertThrows(CallbackWriter.UnwritableAsXml.class, () -> CallbackWriter.toXml(tree));
      assertEquals(String.format("Note holds U+%04X, a character XML 1.0 cannot carry; only JSON can", (int) c),
          refused.getMessage());
    }
    tree.put("Note", " \t\n\r&<>\ufffd\ud7ff");
    assertEquals("<Response>\n    <EventName>TaskFinish</EventName>\n"
            + "    <Note> \t\n&#13;&amp;&lt;&gt;\ufffd\ud7ff</Note>\n</Response>\n",
        new String(CallbackWriter.toXml(tree), StandardCharsets.UTF_8));
  }
}
