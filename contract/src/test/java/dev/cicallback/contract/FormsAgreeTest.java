package dev.cicallback.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cicallback.contract.testing.ContractFolders;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The XSD and the JSON Schema of {@code schema/} are one contract: read into trees, the two forms of each entry give
 * the same nodes, occurrences, values and documentation. Drift between them fails here, before any payload meets it.
 * One difference is the contract's rule rather than drift: a node required in XML that may be empty there is optional
 * in JSON, which CI writes from its XML leaving empty elements out ({@link ContractNode#jsonMin()}).
 */
class FormsAgreeTest {

  static final Path SCHEMA = Path.of(System.getProperty("schema.dir", "../schema"));

  @Test
  void the_two_forms_of_every_entry_give_the_same_tree() throws Exception {
    Contract contract = Contract.of(SCHEMA);
    assertEquals(List.of("callback", "moderation-detail", "moderation-simple", "tts-callback"),
        List.copyOf(new java.util.TreeSet<>(contract.xsd().keySet())), "the entries of the XSD form");
    int compared = 0;
    List<String> differences = new ArrayList<>();
    for (String entry : contract.xsd().keySet()) {
      ContractNode xsd = contract.root(SchemaForm.XSD, entry);
      ContractNode json = contract.root(SchemaForm.JSON_SCHEMA, entry);
      compared += TreeDifferences.ofForms(xsd, json, entry + ":/" + xsd.name(), differences);
    }
    List<String> found = differences.stream().map(FormsAgreeTest::key).toList();
    assertEquals(known(), found, "differences between the forms, against known-form-differences.txt:\n"
        + String.join("\n", differences));
    assertTrue(compared > 900, "compared " + compared + " nodes");
  }

  /** A difference without its values: the entry, path and what differs. */
  private static String key(String difference) {
    int only = difference.indexOf(": only in the ");
    if (only >= 0) {
      return difference.substring(0, difference.indexOf(" (", only));
    }
    int what = difference.indexOf(": ");
    String rest = difference.substring(what + 2);
    for (String name : List.of("type docs (en)", "type docs (zh)", "docs (en)", "docs (zh)", "enumeration",
        "patterns", "kind", "min", "max", "open")) {
      if (rest.startsWith(name + " ")) {
        return difference.substring(0, what + 2) + name;
      }
    }
    return difference;
  }

  private static List<String> known() throws java.io.IOException {
    try (var in = FormsAgreeTest.class.getResourceAsStream("/known-form-differences.txt")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
    }
  }

  @Test
  void a_node_dropped_from_one_form_is_a_difference(@org.junit.jupiter.api.io.TempDir Path temp) throws Exception {
    Path copy = ContractFolders.copy(SCHEMA, temp);
    ContractFolders.edit(copy.resolve("json/callback.schema.json"), "\"QueueType\": {", "\"QueueKind\": {");
    Contract contract = Contract.of(copy);
    List<String> differences = new ArrayList<>();
    TreeDifferences.ofForms(contract.root(SchemaForm.XSD, "callback"),
        contract.root(SchemaForm.JSON_SCHEMA, "callback"), "callback:/Response", differences);
    assertEquals(List.of(
        "callback:/Response/JobsDetail/QueueType: only in the XSD (xml/envelope.xsd)",
        "callback:/Response/JobsDetail/QueueKind: only in the JSON Schema (json/callback.schema.json)"),
        differences.stream().map(d -> d.replaceAll(":[0-9]+\\)", ")")).toList());
  }

  @Test
  void moderation_entries_are_their_own_roots_and_read_cos_headers_as_a_map() throws Exception {
    Contract contract = Contract.of(SCHEMA);
    for (SchemaForm form : SchemaForm.values()) {
      ContractNode detail = contract.root(form, Contract.MODERATION_DETAIL);
      ContractNode jobsDetail = detail.child("JobsDetail");
      assertTrue(jobsDetail.child("JobId").required() && jobsDetail.child("State").required(), form.toString());
      assertTrue(jobsDetail.child("Snapshot").repeatable() && !jobsDetail.child("Result").repeatable(), form + "");
      ContractNode headers = jobsDetail.child("CosHeaders");
      assertTrue(headers.kind() == ContractNode.Kind.CONTAINER && headers.open() && headers.children().isEmpty(),
          form + ": CosHeaders is a map of text values");
      assertEquals(null, jobsDetail.child("Operation"), "the job envelope's JobsDetail is another type");
      ContractNode data = contract.root(form, Contract.MODERATION_SIMPLE).child("data");
      // trace_id may be empty text, so the JSON form leaves it optional (the empty-element rule).
      assertEquals(form == SchemaForm.XSD, data.child("trace_id").required(), form.toString());
      assertTrue(data.child("cos_headers").open(), form.toString());
    }
    assertEquals(java.util.Set.of("integer"),
        contract.root(SchemaForm.JSON_SCHEMA, Contract.MODERATION_DETAIL).child("JobsDetail").child("Result").value()
            .types(), "moderation numbers are JSON numbers");
  }

  @Test
  void the_packaged_contract_is_schema_read_from_the_jar() throws Exception {
    Contract folder = Contract.of(SCHEMA);
    Contract packaged = Contract.packaged();
    assertEquals(folder.version(), packaged.version());
    assertEquals(folder.version().orElseThrow(), Contract.packagedVersion());
    for (SchemaForm form : SchemaForm.values()) {
      for (String entry : List.of("callback", "tts-callback", Contract.MODERATION_DETAIL, Contract.MODERATION_SIMPLE)) {
        List<String> differences = new ArrayList<>();
        int compared = TreeDifferences.of(folder.root(form, entry), packaged.root(form, entry), entry, differences);
        assertEquals(List.of(), differences);
        assertTrue(compared > 30, entry + " " + form + ": " + compared);
      }
    }
  }
}
