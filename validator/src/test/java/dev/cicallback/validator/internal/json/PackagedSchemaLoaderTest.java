package dev.cicallback.validator.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.SchemaLocation;
import dev.cicallback.contract.SchemaFiles;
import dev.cicallback.validator.LoopbackListener;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSON Schema compile path loads the packaged files by their exact $id and refuses every other IRI by type. */
class PackagedSchemaLoaderTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SchemaLocation PLANTED =
      SchemaLocation.of(SchemaFiles.jsonSchemaId("planted.schema.json"));

  /** A schema with {@code "$ref": ref} (and {@code $schema} when given), compiled as the validator compiles. */
  private static JsonPayloadValidator.Compilation compileWith(String schemaKeyword, String ref) throws IOException {
    String text = "{" + (schemaKeyword == null ? "" : "\"$schema\": \"" + schemaKeyword + "\", ")
        + "\"type\": \"object\", \"properties\": {\"a\": {\"$ref\": \"" + ref + "\"}}}";
    JsonNode node = JSON.readTree(text);
    return JsonPayloadValidator.compile(PLANTED, node);
  }

  @Test
  void a_remote_ref_is_refused_and_nothing_connects() throws Exception {
    try (LoopbackListener listener = LoopbackListener.start()) {
      String base = listener.base();

      JsonPayloadValidator.Compilation ref = compileWith(null, base + "/x.json");
      assertNull(ref.schema());
      assertEquals(base + "/x.json", ref.refused());

      // A meta-schema the registry does not know is a resource to load as well: refused alike.
      JsonPayloadValidator.Compilation meta = compileWith(base + "/meta.json", "#/$defs/none");
      assertNull(meta.schema());
      assertEquals(base + "/meta.json", meta.refused());

      assertEquals(0, listener.connectionsWhenClosed(), "the compile path connected to the loopback port");
    }
  }

  /** networknt's own class-path and file loaders are not installed: their schemes are refused like the network. */
  @ParameterizedTest
  @ValueSource(strings = {
      "classpath:dev/cicallback/schema/json/common.schema.json",
      "resource:dev/cicallback/schema/json/common.schema.json",
      "classpath:META-INF/MANIFEST.MF",
      "file:///etc/passwd",
      "https://cicallback.dev/schema/json/missing.schema.json",
      "https://cicallback.dev/schema/json/../json/common.schema.json",
      "https://cicallback.dev/schema/json/sub/common.schema.json",
      "https://cicallback.dev/schema/json/common.schema.json?x=1",
      "https://cicallback.dev/schema/xml/common.xsd",
      "http://cicallback.dev/schema/json/common.schema.json",
      "https://json-schema.org/draft/2020-12/schema"})
  void anything_but_a_packaged_file_is_refused(String ref) throws Exception {
    JsonPayloadValidator.Compilation compiled = compileWith(null, ref);
    assertNull(compiled.schema(), ref);
    assertNotNull(compiled.refused(), ref);
  }

  @Test
  void a_packaged_file_is_served_by_its_exact_id() throws Exception {
    JsonPayloadValidator.Compilation compiled =
        compileWith(null, SchemaFiles.jsonSchemaId("common.schema.json") + "#/$defs/Timestamp");
    // Whether or not that definition exists, the file itself was served: a refusal would name it.
    assertNull(compiled.refused());
    assertNotNull(compiled.schema());
    assertEquals(
        SchemaFiles.JSON_DIR + "callback.schema.json",
        PackagedSchemaLoader.packagedPath(SchemaFiles.jsonSchemaId(SchemaFiles.CALLBACK_JSON_SCHEMA)));
    assertNotNull(JsonPayloadValidator.compile(
        SchemaLocation.of(SchemaFiles.jsonSchemaId(SchemaFiles.CALLBACK_JSON_SCHEMA)), null).schema());
  }

  @Test
  void the_loader_refuses_by_throwing_its_own_type() {
    PackagedSchemaLoader loader = new PackagedSchemaLoader();
    PackagedSchemaLoader.Refused refused = assertThrows(
        PackagedSchemaLoader.Refused.class, () -> loader.getSchemaResource(AbsoluteIri.of("http://127.0.0.1:1/x")));
    assertEquals("http://127.0.0.1:1/x", refused.iri());
    assertEquals(0, loader.getResourceLoaders().size());
    assertEquals(0, loader.getSchemaIdResolvers().size());
  }
}
