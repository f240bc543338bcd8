package dev.cicallback.validator.internal.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cicallback.contract.SchemaFiles;
import dev.cicallback.validator.ValidatorOptions;
import dev.cicallback.validator.internal.json.syntax.LocatedJsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The packaged JSON Schema files as trees, each read once per owner, for the classes that walk the schema. */
public final class PackagedJsonSchemas {

  /**
   * The keywords of the contract's own that annotate and never constrain: the Chinese description, the contract's
   * version, and the code generator's type names. Both JSON passes know them, so neither warns of them nor judges by them.
   */
  public static final Set<String> EXTENSION_KEYWORDS =
      Set.of("x-description-zh", "x-contract-version", "javaType", "existingJavaType");

  /** The payload reader reads the schema files too: a databind ObjectMapper would cost start-up time. */
  private static final LocatedJsonReader READER = new LocatedJsonReader(ValidatorOptions.defaults());

  private final Map<String, JsonNode> files = new HashMap<>();

  /** The file {@code name} (as a $ref names it, e.g. {@code common.schema.json}), read on first use. */
  public JsonNode file(String name) {
    return files.computeIfAbsent(
        name,
        n -> {
          try (InputStream in = SchemaFiles.open(SchemaFiles.JSON_DIR + n)) {
            byte[] bytes = in.readAllBytes();
            return READER.read(bytes, 0, bytes.length).tree();
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read packaged schema " + n, e);
          } catch (LocatedJsonReader.JsonSyntaxError e) {
            throw new IllegalStateException("packaged schema " + n + " is not valid JSON: " + e.getMessage(), e);
          }
        });
  }
}
