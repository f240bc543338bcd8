package dev.cicallback.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cicallback.contract.Location;
import dev.cicallback.contract.testing.ContractFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The project's own contract against itself, and against copies of it with one change. */
class SelfDiffTest {

  @Test
  void theContractAgainstItselfFindsNothing() throws Exception {
    DiffResult result = ContractDiff.compare(Contracts.SCHEMA, Contracts.SCHEMA);
    assertEquals(List.of(), result.findings());
  }

  @Test
  void reorderingAndDocumentationAreNoFindings(@TempDir Path temp) throws Exception {
    Path copy = ContractFolders.copy(Contracts.SCHEMA, temp.resolve("new"));
    // Two elements of JobsDetail's xs:all swap places; a documentation text changes; a comment is added.
    ContractFolders.edit(copy.resolve("xml/envelope.xsd"),
        "      <xs:element name=\"QueueId\" type=\"xs:string\" minOccurs=\"0\">",
        "      <!-- moved -->\n      <xs:element name=\"QueueId\" type=\"xs:string\" minOccurs=\"0\">");
    ContractFolders.edit(copy.resolve("xml/envelope.xsd"),
        "Queue type, e.g. SpeedTranscoding, or Speeching",
        "The queue's type, for example SpeedTranscoding, or Speeching");
    ContractFolders.edit(copy.resolve("json/callback.schema.json"),
        "\"description\": \"Queue type, e.g. SpeedTranscoding, or Speeching for speech jobs (VocalScore).\",",
        "\"description\": \"The queue's type, for example SpeedTranscoding, or Speeching for speech jobs"
            + " (VocalScore).\",");
    DiffResult result = ContractDiff.compare(Contracts.SCHEMA, copy);
    assertEquals(List.of(), result.findings());
  }

  @Test
  void removingANodeOnBothSidesBreaksBackwardOnly(@TempDir Path temp) throws Exception {
    Path copy = ContractFolders.copy(Contracts.SCHEMA, temp.resolve("new"));
    removeQueueType(copy);
    DiffResult result = ContractDiff.compare(Contracts.SCHEMA, copy);
    // envelope.xsd serves both XSD entries; each JSON entry declares its own JobsDetail.
    assertEquals(List.of("callback", "tts-callback"), result.findings().stream().map(Finding::contract).toList(),
        result.findings().toString());
    Finding finding = result.findings().get(0);
    assertEquals(Rule.NODE_REMOVED, finding.rule());
    assertEquals(Form.BOTH, finding.form());
    assertEquals("/Response/JobsDetail/QueueType", finding.xmlPath());
    assertEquals("/JobsDetail/QueueType", finding.jsonPointer());
    assertEquals("callback", finding.contract());
    assertEquals(List.of("xml/envelope.xsd", "json/callback.schema.json"),
        finding.oldLocations().stream().map(Location::file).toList());
    assertTrue(finding.oldLocations().stream().allMatch(l -> l.line() > 1), finding.oldLocations().toString());
    assertTrue(finding.breaks(Check.BACKWARD));
    assertTrue(!finding.breaks(Check.FORWARD));
    assertEquals(Form.BOTH, result.findings().get(1).form());
  }

  @Test
  void aChangeInOneFormOnlyIsDrift(@TempDir Path temp) throws Exception {
    Path copy = ContractFolders.copy(Contracts.SCHEMA, temp.resolve("new"));
    removeQueueType(copy);
    Files.copy(Contracts.SCHEMA.resolve("json/tts-callback.schema.json"),
        copy.resolve("json/tts-callback.schema.json"), StandardCopyOption.REPLACE_EXISTING);
    DiffResult result = ContractDiff.compare(Contracts.SCHEMA, copy);
    List<Finding> tts = result.findings().stream().filter(f -> f.contract().equals("tts-callback")).toList();
    assertEquals(List.of(Rule.NODE_REMOVED, Rule.SIDES_DRIFT), tts.stream().map(Finding::rule).toList());
    assertTrue(tts.stream().allMatch(f -> f.form() == Form.XSD));
    assertTrue(tts.get(1).breaks(Check.BACKWARD) && tts.get(1).breaks(Check.FORWARD));
  }

  static void removeQueueType(Path copy) {
    ContractFolders.edit(copy.resolve("xml/envelope.xsd"), """
              <xs:element name="QueueType" type="xs:string" minOccurs="0">
                <xs:annotation>
                  <xs:documentation xml:lang="en">Queue type, e.g. SpeedTranscoding, or Speeching for speech jobs (VocalScore).</xs:documentation>
                  <xs:documentation xml:lang="zh">队列类型，如 SpeedTranscoding；智能语音任务（如 VocalScore）为 Speeching。</xs:documentation>
                </xs:annotation>
              </xs:element>
        """, "");
    ContractFolders.edit(copy.resolve("json/callback.schema.json"), """
                "QueueType": {
                  "type": "string",
                  "description": "Queue type, e.g. SpeedTranscoding, or Speeching for speech jobs (VocalScore).",
                  "x-description-zh": "队列类型，如 SpeedTranscoding；智能语音任务（如 VocalScore）为 Speeching。"
                },
        """, "");
    ContractFolders.edit(copy.resolve("json/tts-callback.schema.json"), """
                "QueueType": {
                  "type": "string",
                  "description": "Queue type, e.g. SpeedTranscoding, or Speeching for speech jobs (VocalScore).",
                  "x-description-zh": "队列类型，如 SpeedTranscoding；智能语音任务（如 VocalScore）为 Speeching。"
                },
        """, "");
  }
}
