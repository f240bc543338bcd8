package dev.cicallback.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cicallback.compat.internal.gate.ApiChanges;
import dev.cicallback.compat.internal.gate.CompatibilityGate;
import dev.cicallback.contract.testing.ContractFolders;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate with schema/ as the release and a copy of it, changed, as the current contract: a removed node fails it
 * unless CHANGELOG.md lists it or the major version changes; an optional node added passes.
 */
class CompatibilityGateTest {

  private static final Path QUEUE_TYPE_REMOVED = resource("/japicmp/queue-type-removed.xml");

  private static Path resource(String name) {
    try {
      return Path.of(CompatibilityGateTest.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void anUnchangedContractPasses(@TempDir Path temp) throws Exception {
    Path current = ContractFolders.copy(Contracts.SCHEMA, temp.resolve("schema"));
    CompatibilityGate.Outcome outcome = gate(current, temp.resolve("CHANGELOG.md"), Optional.empty());
    assertTrue(outcome.passes(), outcome.toString());
    assertEquals(List.of(), outcome.contractChanges());
    assertEquals("1.0", outcome.current().text());
  }

  @Test
  void removingANodeFailsTheGate(@TempDir Path temp) throws Exception {
    Path current = ContractFolders.copy(Contracts.SCHEMA, temp.resolve("schema"));
    SelfDiffTest.removeQueueType(current);
    Path changelog = temp.resolve("CHANGELOG.md");
    Files.writeString(changelog, "# Changelog\n\n## 1.0.0\n\nThe first release.\n");
    CompatibilityGate.Outcome outcome = gate(current, changelog, Optional.empty());
    assertFalse(outcome.passes());
    assertEquals(List.of("- NODE_REMOVED /Response/JobsDetail/QueueType: <reason>"), outcome.unlisted());

    StringWriter out = new StringWriter();
    CompatibilityGate.report(outcome, changelog, new PrintWriter(out));
    assertTrue(out.toString().contains("compatibility gate: FAILS."), out.toString());
    assertTrue(out.toString().contains("under '## 1.0.0':\n  - NODE_REMOVED /Response/JobsDetail/QueueType"),
        out.toString());
  }

  @Test
  void addingAnOptionalNodePassesTheGate(@TempDir Path temp) throws Exception {
    Path current = ContractFolders.copy(Contracts.SCHEMA, temp.resolve("schema"));
    ContractFolders.edit(current.resolve("xml/envelope.xsd"),
        "      <xs:element name=\"QueueId\" type=\"xs:string\" minOccurs=\"0\">",
        "      <xs:element name=\"QueueName\" type=\"xs:string\" minOccurs=\"0\"/>\n"
            + "      <xs:element name=\"QueueId\" type=\"xs:string\" minOccurs=\"0\">");
    for (String entry : new String[] {"json/callback.schema.json", "json/tts-callback.schema.json"}) {
      ContractFolders.edit(current.resolve(entry), "        \"QueueId\": {",
          "        \"QueueName\": {\n          \"type\": \"string\"\n        },\n        \"QueueId\": {");
    }
    CompatibilityGate.Outcome outcome = gate(current, temp.resolve("CHANGELOG.md"), Optional.empty());
    assertTrue(outcome.passes(), outcome.toString());
    assertEquals(List.of(), outcome.contractChanges());
    // The change is there, compatible under the backward check (and breaking forward: the content is closed).
    DiffResult diff = ContractDiff.compare(Contracts.SCHEMA, current);
    assertEquals(List.of(Rule.NODE_ADDED_OPTIONAL, Rule.NODE_ADDED_OPTIONAL),
        diff.findings().stream().map(Finding::rule).toList());
    assertFalse(diff.isCompatible(Check.FORWARD));
  }

  @Test
  void aChangelogEntryWithItsReasonLetsTheChangeThrough(@TempDir Path temp) throws Exception {
    Path current = ContractFolders.copy(Contracts.SCHEMA, temp.resolve("schema"));
    SelfDiffTest.removeQueueType(current);
    Path changelog = temp.resolve("CHANGELOG.md");
    Files.writeString(changelog, """
        # Changelog

        ## 1.0.0

        - NODE_REMOVED /JobsDetail/QueueType: CI no longer sends it
        - JAVA_API dev.cicallback.model.json.JobsDetail: its QueueType accessors go with the node

        ## 0.9.0

        - NODE_REMOVED /Response/JobsDetail/Nothing: an older entry, not this version's
        """);
    CompatibilityGate.Outcome outcome = gate(current, changelog, Optional.of(QUEUE_TYPE_REMOVED));
    assertTrue(outcome.passes(), outcome.unlisted().toString());
    assertEquals(3, outcome.apiChanges().size());

    // The same entry under another version lists nothing for this one.
    Files.writeString(changelog, Files.readString(changelog).replace("## 1.0.0", "## 1.1.0"));
    CompatibilityGate.Outcome other = gate(current, changelog, Optional.of(QUEUE_TYPE_REMOVED));
    assertEquals(List.of("- NODE_REMOVED /Response/JobsDetail/QueueType: <reason>",
        "- JAVA_API dev.cicallback.model.json.JobsDetail: <reason>"), other.unlisted());
  }

  @Test
  void aMajorVersionChangeAllowsBreakingChanges(@TempDir Path temp) throws Exception {
    Path current = ContractFolders.copy(Contracts.SCHEMA, temp.resolve("schema"));
    SelfDiffTest.removeQueueType(current);
    bumpVersion(current, "2.0");
    CompatibilityGate.Outcome outcome = gate(current, temp.resolve("CHANGELOG.md"), Optional.of(QUEUE_TYPE_REMOVED));
    assertTrue(outcome.passes());
    assertTrue(outcome.majorChanged());
    assertEquals(2, outcome.contractChanges().size());
  }

  @Test
  void theTwoFormsMustStateTheSameVersion(@TempDir Path temp) throws Exception {
    Path current = ContractFolders.copy(Contracts.SCHEMA, temp.resolve("schema"));
    ContractFolders.edit(current.resolve("json/callback.schema.json"), "\"x-contract-version\": \"1.0\"",
        "\"x-contract-version\": \"1.1\"");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = CompatibilityGate.run(new String[] {Contracts.SCHEMA.toString(), current.toString(),
        temp.resolve("CHANGELOG.md").toString()}, new PrintWriter(out), new PrintWriter(err));
    assertEquals(2, status);
    assertTrue(err.toString().startsWith("compatibility gate: " + current + ": the two forms state different versions"),
        err.toString());
  }

  @Test
  void japicmpsIncompatibleChangesAreRead() throws Exception {
    List<ApiChanges.Change> changes = ApiChanges.read(QUEUE_TYPE_REMOVED);
    assertEquals(List.of("getQueueType", "setQueueType", "withQueueType"),
        changes.stream().map(ApiChanges.Change::member).toList());
    assertTrue(changes.stream().allMatch(c -> c.type().equals("dev.cicallback.model.json.JobsDetail")
        && c.change().equals("METHOD_REMOVED") && !c.binaryCompatible() && !c.sourceCompatible()));
  }

  private static void bumpVersion(Path contract, String version) {
    ContractFolders.edit(contract.resolve("xml/callback.xsd"), "elementFormDefault=\"unqualified\" version=\"1.0\"",
        "elementFormDefault=\"unqualified\" version=\"" + version + "\"");
    ContractFolders.edit(contract.resolve("json/callback.schema.json"), "\"x-contract-version\": \"1.0\"",
        "\"x-contract-version\": \"" + version + "\"");
  }

  private static CompatibilityGate.Outcome gate(Path current, Path changelog, Optional<Path> report)
      throws Exception {
    return CompatibilityGate.check(Contracts.SCHEMA, current, changelog, report);
  }
}
