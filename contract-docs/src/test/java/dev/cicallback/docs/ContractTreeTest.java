package dev.cicallback.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cicallback.contract.ContractVersion;
import dev.cicallback.contract.testing.ContractFolders;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documentation shows the contract module's trees: cardinalities as the XSD tree has them (choices and keys
 * included), each node's JSON form as the JSON Schema tree has it, the Tags and their parts, the version.
 */
class ContractTreeTest {

  private static final Path SCHEMA = Path.of(System.getProperty("schema.dir", "../schema"));

  private static DocNode node(Contract contract, String path) {
    DocNode node = contract.root;
    for (String name : path.split("/")) {
      node = node.child(name);
    }
    return node;
  }

  @Test
  void alternatives_of_a_choice_are_optional_and_key_fields_required() throws Exception {
    Contract contract = Contract.read(SCHEMA);

    assertEquals("1", node(contract, "EventName").shortCardinality());
    assertEquals("0..n", node(contract, "JobsDetail").shortCardinality(), "JobsDetail or WorkflowExecution");
    assertEquals("0..1", node(contract, "WorkflowExecution").shortCardinality());
    assertEquals("1", node(contract, "JobsDetail/Operation/Output/Region").shortCardinality(), "xs:key");
    assertEquals("1", node(contract, "JobsDetail/Operation/Output/Bucket").shortCardinality(), "xs:key");
    assertEquals("0..1", node(contract, "JobsDetail/Operation/Output/Object").shortCardinality());
    // Required by the XSD's key, yet CI's JSON leaves it out when it is empty (the empty-element rule).
    assertEquals("string; left out when empty", node(contract, "JobsDetail/Operation/Output/Region").jsonForm);
    assertEquals("object, or an array of objects (both occur); left out when empty",
        node(contract, "JobsDetail").jsonForm);
  }

  @Test
  void the_json_form_is_what_the_json_schema_says(@TempDir Path dir) throws Exception {
    // A copy of schema/ whose JSON Schema requires Output/Region, which the empty-element rule leaves optional.
    Path schema = ContractFolders.copyWithExamples(SCHEMA, dir.resolve("schema"));
    ContractFolders.edit(schema.resolve("json/common.schema.json"),
        "\"javaType\": \"dev.cicallback.model.json.Output\",\n      \"additionalProperties\": false,",
        "\"javaType\": \"dev.cicallback.model.json.Output\",\n      \"additionalProperties\": false,\n"
            + "      \"required\": [\"Region\"],");
    Contract contract = Contract.read(schema);

    DocNode bucket = node(contract, "JobsDetail/Operation/Output/Bucket");
    assertEquals("1", bucket.shortCardinality(), "the cardinality is the XSD's");
    assertEquals("string; left out when empty", bucket.jsonForm);
    assertEquals("string", node(contract, "JobsDetail/Operation/Output/Region").jsonForm);
  }

  @Test
  void each_tag_lists_the_operation_parts_its_own_group_declares() throws Exception {
    Contract contract = Contract.read(SCHEMA);

    assertEquals(List.of("TtsTpl", "TtsConfig"), contract.tags.get("Tts").stream().map(n -> n.name).toList());
    assertTrue(contract.tags.size() > 20, "the Tags are the values of JobsDetail/Tag: " + contract.tags.keySet());
    List<DocNode> operation = node(contract, "JobsDetail/Operation").children;
    for (List<DocNode> parts : contract.tags.values()) {
      assertTrue(operation.containsAll(parts), parts.toString());
      assertFalse(parts.stream().anyMatch(p -> p.name.equals("Output")), "Output is a common part");
    }
  }

  @Test
  void the_version_and_the_differences_are_the_contracts() throws Exception {
    Contract contract = Contract.read(SCHEMA);

    assertEquals(ContractVersion.of(SCHEMA).text(), contract.version);
    assertFalse(contract.differences.isEmpty());
    DocNode output = node(contract, "JobsDetail/Operation/Output");
    assertTrue(contract.differences.keySet().stream().anyMatch(d -> d.startsWith("Stream extraction jobs give no")
        && contract.differences.get(d).contains(output)), "Output's type note reaches Output");
  }
}
