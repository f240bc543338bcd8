package dev.cicallback.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cicallback.contract.testing.ContractFolders;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A change of requiredness made in the JSON Schema alone is drift, unless the two forms agree by the empty-element
 * rule afterwards: a node required in XML that may be empty there is optional in JSON, since CI's JSON leaves an
 * element out that is empty in its XML.
 */
class EmptyElementRuleDiffTest {

  private static final String MEDIA_RESULT = "\"javaType\": \"dev.cicallback.model.json.MediaResult\",";

  @Test
  void a_node_made_optional_in_json_because_it_may_be_empty_in_xml_is_no_drift(@TempDir Path temp) throws Exception {
    Path old = ContractFolders.copy(Contracts.SCHEMA, temp.resolve("old"));
    ContractFolders.edit(old.resolve("json/common.schema.json"), MEDIA_RESULT,
        MEDIA_RESULT + " \"required\": [\"OutputFile\"],");

    DiffResult result = ContractDiff.compare(old, Contracts.SCHEMA);

    // tts-operation.schema.json is an entry of its own in the JSON form alone (it has properties), so no drift there.
    assertEquals(List.of("callback REQUIRED_MADE_OPTIONAL JSON_SCHEMA /JobsDetail/Operation/MediaResult/OutputFile",
            "tts-callback REQUIRED_MADE_OPTIONAL JSON_SCHEMA /JobsDetail/Operation/MediaResult/OutputFile",
            "tts-operation REQUIRED_MADE_OPTIONAL JSON_SCHEMA /MediaResult/OutputFile"),
        result.findings().stream().map(f -> f.contract() + " " + f.rule() + " " + f.form() + " " + f.jsonPointer())
            .toList());
    assertTrue(result.isCompatible(Check.BACKWARD), result.findings().toString());
    assertFalse(result.isCompatible(Check.FORWARD), "readers on OLD refuse a MediaResult without OutputFile");
    assertTrue(result.findings().get(0).message().endsWith("leaving empty elements out."),
        result.findings().get(0).message());

    DiffResult back = ContractDiff.compare(Contracts.SCHEMA, old);
    assertTrue(back.findings().stream().anyMatch(f -> f.rule() == Rule.SIDES_DRIFT),
        "requiring it again in JSON alone breaks the rule: drift " + back.findings());
  }

  @Test
  void a_node_made_optional_in_json_that_may_not_be_empty_in_xml_is_drift(@TempDir Path temp) throws Exception {
    Path updated = ContractFolders.copy(Contracts.SCHEMA, temp.resolve("new"));
    ContractFolders.edit(updated.resolve("json/callback.schema.json"), "        \"JobId\",\n        \"Tag\"\n",
        "        \"JobId\"\n");

    DiffResult result = ContractDiff.compare(Contracts.SCHEMA, updated);

    assertEquals(
        List.of("REQUIRED_MADE_OPTIONAL JSON_SCHEMA /JobsDetail/Tag", "SIDES_DRIFT JSON_SCHEMA /JobsDetail/Tag"),
        result.findings().stream().map(f -> f.rule() + " " + f.form() + " " + f.jsonPointer()).toList());
  }
}
