package dev.cicallback.rehearsal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cicallback.model.json.Callback;
import dev.cicallback.validator.CallbackReader;
import dev.cicallback.validator.CallbackValidator;
import dev.cicallback.validator.CallbackWriter;
import dev.cicallback.validator.Problem;
import dev.cicallback.validator.ReadResult;
import dev.cicallback.validator.ValidationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The public entry points, used from the deployed jars exactly as README.md and docs/ show them. */
class PublishedArtifactsTest {

  private static final Path FIXTURES = Path.of(System.getProperty("fixtures.dir"));

  private static final CallbackReader READER = CallbackReader.tolerant();

  @Test
  void readsACallbackInEitherFormatToTheSameModel() throws IOException {
    ReadResult xml = READER.read(FIXTURES.resolve("xml/valid-seed-workflow.xml"));
    ReadResult json = READER.read(Files.newInputStream(FIXTURES.resolve("json/valid-seed-workflow.json")));

    assertTrue(xml.isValid(), () -> xml.problems().toString());
    assertTrue(json.isValid(), () -> json.problems().toString());
    assertEquals(Optional.of("TaskFinish"), xml.event());
    assertEquals(xml.callback().orElseThrow(), json.callback().orElseThrow());
  }

  @Test
  void readsAWorkflowCallback() throws IOException {
    ReadResult read = READER.read(FIXTURES.resolve("json/valid-workflowfinish-qclouddocs-zh-case2.json"));

    assertTrue(read.isValid(), () -> read.problems().toString());
    assertEquals(Optional.of("WorkflowFinish"), read.event());
    Callback callback = read.callback().orElseThrow();
    assertFalse(callback.getWorkflowExecution().getTasks().isEmpty());
  }

  @Test
  void readsAJobCallbackAndWritesItBackInBothFormats() throws IOException {
    ReadResult read = READER.read(Files.readAllBytes(FIXTURES.resolve("xml/valid-ttstpl-async-spelled-async.xml")));

    assertTrue(read.isValid(), () -> read.problems().toString());
    assertTrue(read.tags().contains("Tts"), read.tags()::toString);
    Callback callback = read.callback().orElseThrow();
    assertEquals(callback, READER.read(CallbackWriter.toJson(callback)).callback().orElseThrow());
    assertEquals(callback, READER.read(CallbackWriter.toXml(callback)).callback().orElseThrow());
  }

  @Test
  void placesTheProblemOfAnInvalidCallback() throws IOException {
    ValidationResult result = CallbackValidator.strict().validate(FIXTURES.resolve("xml/invalid-volume-above-10.xml"));

    assertFalse(result.isValid());
    Problem problem = result.errors().get(0);
    assertEquals(43, problem.line());
    assertEquals("/Response/JobsDetail[1]/Operation/TtsTpl/Volume", problem.location());
  }

  @Test
  void theBomAlignsEveryJacksonModuleTheValidatorBringsIn() {
    assertEquals(
        com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString(),
        com.fasterxml.jackson.dataformat.yaml.PackageVersion.VERSION.toString());
  }
}
