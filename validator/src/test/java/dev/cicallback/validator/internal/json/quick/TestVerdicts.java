package dev.cicallback.validator.internal.json.quick;

import dev.cicallback.contract.Contract;
import dev.cicallback.contract.UnreadableSchemaException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Quick JSON verdicts of small schemas, compiled as the build compiles the contract: read by the contract module. */
final class TestVerdicts {

  private TestVerdicts() {}

  /** The contract whose json/callback.schema.json is {@code schema}. */
  static Contract contract(String schema) {
    try {
      Path folder = Files.createTempDirectory("contract");
      Files.createDirectories(folder.resolve("json"));
      Files.writeString(folder.resolve("json/callback.schema.json"), schema, StandardCharsets.UTF_8);
      return Contract.of(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (UnreadableSchemaException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The verdict of {@code schema}. */
  static JsonSchemaVerdict of(String schema) {
    return JsonSchemaVerdict.compile(contract(schema));
  }
}
