package dev.cicallback.validator.internal.json.quick;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cicallback.contract.Contract;
import dev.cicallback.model.testing.Fixtures;
import dev.cicallback.validator.ValidatorOptions;
import dev.cicallback.validator.internal.json.syntax.LocatedJsonReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The compiled JSON Schema entries the jar carries are the packaged schemas compiled, and judge as they do. */
class JsonSchemaVerdictFileTest {

  @Test
  void each_packaged_file_is_its_entry_compiled() throws IOException {
    for (String entry : JsonSchemaVerdictFile.ENTRIES) {
      byte[] compiled = JsonSchemaVerdictFile.write(JsonSchemaVerdict.compilePackaged(entry));
      byte[] packaged;
      try (InputStream in = getClass().getResourceAsStream("/" + JsonSchemaVerdictFile.resource(entry))) {
        assertTrue(in != null, "no " + JsonSchemaVerdictFile.resource(entry) + " on the classpath: the build step did"
            + " not run");
        packaged = in.readAllBytes();
      }

      assertArrayEquals(compiled, packaged, entry + ": the packaged compiled schema is stale: rebuild the validator");
      assertArrayEquals(compiled, JsonSchemaVerdictFile.write(JsonSchemaVerdict.compilePackaged(entry)), entry);
    }
    assertNotEquals(JsonSchemaVerdictFile.resource(Contract.MODERATION_DETAIL),
        JsonSchemaVerdictFile.resource(Contract.MODERATION_SIMPLE));
  }

  @Test
  void the_files_read_back_into_verdicts_that_judge_every_fixture_alike() throws IOException {
    LocatedJsonReader reader = new LocatedJsonReader(ValidatorOptions.defaults());
    int accepted = 0;
    for (String entry : JsonSchemaVerdictFile.ENTRIES) {
      JsonSchemaVerdict compiled = JsonSchemaVerdict.compilePackaged(entry);
      byte[] written = JsonSchemaVerdictFile.write(compiled);

      JsonSchemaVerdict read = JsonSchemaVerdictFile.read(new ByteArrayInputStream(written));

      assertArrayEquals(written, JsonSchemaVerdictFile.write(read), entry);
      for (Path fixture : everyJsonFixture()) {
        byte[] bytes = Fixtures.read(fixture);
        boolean verdict = judge(compiled, reader, bytes);
        assertEquals(verdict, judge(read, reader, bytes), entry + " " + fixture);
        accepted += verdict ? 1 : 0;
      }
    }
    assertTrue(accepted > 0, "some fixture is accepted");
  }

  @Test
  void the_moderation_verdicts_are_the_packaged_ones_and_accept_their_forms_alone() throws IOException {
    LocatedJsonReader reader = new LocatedJsonReader(ValidatorOptions.defaults());
    List<Path> moderation = Fixtures.moderation();
    assertTrue(moderation.size() > 5, "the moderation fixtures are found");
    for (Path fixture : moderation) {
      String name = fixture.getFileName().toString();
      if (!name.startsWith("valid-")) {
        continue;
      }
      byte[] bytes = Fixtures.read(fixture);
      boolean simple = name.contains("-simple-");
      assertTrue(judge(JsonSchemaVerdict.moderation(simple), reader, bytes), name);
      assertFalse(judge(JsonSchemaVerdict.moderation(!simple), reader, bytes), name + " in the other form");
      assertFalse(judge(JsonSchemaVerdict.shared(), reader, bytes), name + " as a job callback");
    }
    assertArrayEquals(JsonSchemaVerdictFile.write(JsonSchemaVerdictFile.packaged(Contract.MODERATION_SIMPLE)),
        JsonSchemaVerdictFile.write(JsonSchemaVerdict.moderation(true)));
  }

  private static List<Path> everyJsonFixture() {
    List<Path> all = new ArrayList<>(Fixtures.all("json"));
    all.addAll(Fixtures.moderation());
    return all;
  }

  private static boolean judge(JsonSchemaVerdict verdict, LocatedJsonReader reader, byte[] bytes) throws IOException {
    try (var parser = reader.parser(bytes, 0, bytes.length)) {
      return verdict.accepts(parser, ValidatorOptions.defaults());
    }
  }
}
