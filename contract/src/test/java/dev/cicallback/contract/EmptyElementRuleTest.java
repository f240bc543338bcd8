package dev.cicallback.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cicallback.contract.testing.ContractFolders;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The empty-element rule: CI writes its JSON form from its XML form and leaves an element out that is empty there
 * ({@code <MediaResult><OutputFile/></MediaResult>} is {@code "MediaResult": {}}), so a node that may be empty in the
 * XSD form is optional in the JSON Schema form. A JSON node required while its XML twin may be empty would refuse
 * callbacks CI sends; this test names each such node and the files that declare it.
 */
class EmptyElementRuleTest {

  /**
   * The nodes of the JSON form that break the rule, under {@code path}: required there while the XSD form's twin
   * may be empty.
   */
  static List<String> breaches(ContractNode xsd, ContractNode json, String path) {
    List<String> found = new ArrayList<>();
    for (Map.Entry<String, ContractNode> child : xsd.children().entrySet()) {
      ContractNode xml = child.getValue();
      ContractNode twin = json.child(child.getKey());
      if (twin == null) {
        continue; // FormsAgreeTest reports a node that one form lacks
      }
      String at = path + "/" + child.getKey();
      if (xml.required() && xml.mayBeEmpty() && twin.required()) {
        found.add(at + ": required in the JSON form (" + twin.declaredAt() + ") while its XML form may be empty ("
            + xml.declaredAt() + "), which CI's JSON leaves out");
      }
      found.addAll(breaches(xml, twin, at));
    }
    return found;
  }

  private static List<String> breaches(Contract contract) {
    List<String> found = new ArrayList<>();
    for (String entry : List.of("callback", "tts-callback")) {
      ContractNode xsd = contract.root(SchemaForm.XSD, entry);
      found.addAll(breaches(xsd, contract.root(SchemaForm.JSON_SCHEMA, entry), entry + ":/" + xsd.name()));
    }
    return found;
  }

  /** The nodes, in both entries, that are required in XML and may be empty there (so optional in JSON). */
  private static List<String> requiredAndMayBeEmpty(ContractNode node, String path, List<String> into) {
    for (Map.Entry<String, ContractNode> child : node.children().entrySet()) {
      String at = path + "/" + child.getKey();
      if (child.getValue().required() && child.getValue().mayBeEmpty()) {
        into.add(at);
      }
      requiredAndMayBeEmpty(child.getValue(), at, into);
    }
    return into;
  }

  @Test
  void no_node_of_the_json_form_is_required_while_its_xml_twin_may_be_empty() throws Exception {
    Contract contract = Contract.of(FormsAgreeTest.SCHEMA);
    assertEquals(List.of(), breaches(contract));
    List<String> ruled = requiredAndMayBeEmpty(contract.root(SchemaForm.XSD, "callback"), "", new ArrayList<>());
    assertTrue(ruled.contains("/JobsDetail/Operation/MediaResult/OutputFile"), ruled::toString);
    assertTrue(ruled.contains("/JobsDetail/Operation/Output/Bucket"), ruled::toString);
    ContractNode outputFile = contract.root(SchemaForm.JSON_SCHEMA, "callback").child("JobsDetail")
        .child("Operation").child("MediaResult").child("OutputFile");
    assertFalse(outputFile.required(), "OutputFile is optional in the JSON form");
  }

  @Test
  void a_json_node_required_while_its_xml_twin_may_be_empty_is_named_with_its_files(@TempDir Path temp)
      throws Exception {
    Path copy = ContractFolders.copy(FormsAgreeTest.SCHEMA, temp);
    ContractFolders.edit(copy.resolve("json/common.schema.json"),
        "\"javaType\": \"dev.cicallback.model.json.MediaResult\",",
        "\"javaType\": \"dev.cicallback.model.json.MediaResult\", \"required\": [\"OutputFile\"],");
    List<String> found = breaches(Contract.of(copy)).stream().map(b -> b.replaceAll(":[0-9]+\\)", ")")).toList();
    String breach = "/Response/JobsDetail/Operation/MediaResult/OutputFile: required in the JSON form"
        + " (json/common.schema.json) while its XML form may be empty (xml/common.xsd), which CI's JSON leaves out";
    assertEquals(List.of("callback:" + breach, "tts-callback:" + breach), found);

    List<String> differences = new ArrayList<>();
    Contract contract = Contract.of(copy);
    TreeDifferences.ofForms(contract.root(SchemaForm.XSD, "callback"),
        contract.root(SchemaForm.JSON_SCHEMA, "callback"), "callback:/Response", differences);
    assertEquals(List.of("callback:/Response/JobsDetail/Operation/MediaResult/OutputFile: min 0 / 1"), differences,
        "FormsAgreeTest holds the JSON form to the rule too");
  }

  @Test
  void a_json_node_optional_while_its_xml_twin_may_not_be_empty_is_a_difference(@TempDir Path temp)
      throws Exception {
    Path copy = ContractFolders.copy(FormsAgreeTest.SCHEMA, temp);
    ContractFolders.edit(copy.resolve("json/callback.schema.json"), "        \"JobId\",\n        \"Tag\"\n",
        "        \"Tag\"\n");
    Contract contract = Contract.of(copy);
    List<String> differences = new ArrayList<>();
    TreeDifferences.ofForms(contract.root(SchemaForm.XSD, "callback"),
        contract.root(SchemaForm.JSON_SCHEMA, "callback"), "callback:/Response", differences);
    assertEquals(List.of("callback:/Response/JobsDetail/JobId: min 1 / 0"), differences,
        "JobId is never empty, so the rule keeps it required in JSON");
  }

  @Test
  void what_may_be_empty_in_xml() throws Exception {
    Contract contract = Contract.of(FormsAgreeTest.SCHEMA);
    ContractNode job = contract.root(SchemaForm.XSD, "callback").child("JobsDetail");
    ContractNode operation = job.child("Operation");
    assertTrue(operation.child("MediaResult").child("OutputFile").mayBeEmpty(), "a container of optional nodes");
    assertFalse(operation.child("MediaResult").mayBeEmpty(), "a container that requires a node");
    assertTrue(job.child("Message").mayBeEmpty(), "xs:string");
    assertFalse(job.child("State").mayBeEmpty(), "an enumeration without the empty text");
    assertFalse(job.child("Progress").mayBeEmpty(), "a pattern the empty text does not match");
    assertFalse(job.child("JobId").mayBeEmpty(), "JobId is an Identifier: at least one character");
    assertTrue(operation.mayBeEmpty(), "the union of every Tag's parts requires none");
    assertFalse(contract.root(SchemaForm.XSD, "tts-callback").child("JobsDetail").child("Operation").mayBeEmpty(),
        "the TTS entry's Operation requires TtsConfig and Output");
    assertFalse(contract.root(SchemaForm.XSD, "callback").mayBeEmpty(), "the root requires EventName");

    assertEquals(0, operation.child("MediaResult").child("OutputFile").jsonMin());
    assertEquals(1, job.child("JobId").jsonMin(), "required and never empty in XML: required in JSON too");
    assertEquals(1, job.child("Tag").jsonMin(), "required and never empty in XML: required in JSON too");
    assertEquals(0, job.child("Message").jsonMin(), "optional in both");

    ContractNode jsonJob = contract.root(SchemaForm.JSON_SCHEMA, "callback").child("JobsDetail");
    assertTrue(jsonJob.child("Message").mayBeEmpty(), "the JSON form's string");
    assertFalse(jsonJob.child("JobId").mayBeEmpty(), "the JSON form's pattern");
    assertFalse(jsonJob.child("Progress").mayBeEmpty(), "a JSON number or a text of digits");
  }
}
