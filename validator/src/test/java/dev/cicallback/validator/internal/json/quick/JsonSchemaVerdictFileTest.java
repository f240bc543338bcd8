package dev.cicallback.validator.internal.json.quick;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cicallback.model.testing.Fixtures;
import dev.cicallback.validator.ValidatorOptions;
import dev.cicallback.validator.internal.json.syntax.LocatedJsonReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The compiled JSON Schema the jar carries is the packaged schemas compiled, and judges as they do. */
class JsonSchemaVerdictFileTest {

  @Test
  void the_packaged_file_is_the_packaged_schemas_compiled() throws IOException {
    byte[] compiled = JsonSchemaVerdictFile.write(JsonSchemaVerdict.compilePackaged());
    byte[] packaged;
    try (InputStream in = getClass().getResourceAsStream("/" + JsonSchemaVerdictFile.RESOURCE)) {
      assertTrue(in != null, "no " + JsonSchemaVerdictFile.RESOURCE + " on the classpath: the build step did not run");
      packaged = in.readAllBytes();
    }

    assertArrayEquals(compiled, packaged, "the packaged compiled schema is stale: rebuild the validator");
    assertArrayEquals(compiled, JsonSchemaVerdictFile.write(JsonSchemaVerdict.compilePackaged()));
  }

  @Test
  void the_file_reads_back_into_a_verdict_that_judges_every_fixture_alike() throws IOException {
    JsonSchemaVerdict compiled = JsonSchemaVerdict.compilePackaged();
    byte[] written = JsonSchemaVerdictFile.write(compiled);

    JsonSchemaVerdict read = JsonSchemaVerdictFile.read(new ByteArrayInputStream(written));

    assertArrayEquals(written, JsonSchemaVerdictFile.write(read));
    LocatedJsonReader reader = new LocatedJsonReader(ValidatorOptions.defaults());
    for (Path fixture : Fixtures.all("json")) {
      byte[] bytes = Fixtures.read(fixture);
      assertEquals(judge(compiled, reader, bytes), judge(read, reader, bytes), fixture.toString());
    }
  }

  private static boolean judge(JsonSchemaVerdict verdict, LocatedJsonReader reader, byte[] bytes) throws IOException {
    try (var parser = reader.parser(bytes, 0, bytes.length)) {
      return verdict.accepts(parser, ValidatorOptions.defaults());
    }
  }
}
