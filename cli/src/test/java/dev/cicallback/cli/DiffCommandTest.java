package dev.cicallback.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ci-callback diff} on the project's contract and on copies of it with one change. */
class DiffCommandTest {

  private static final Path SCHEMA = Cli.EXAMPLES.getParent();

  @Test
  void theContractAgainstItselfIsCompatible() {
    Cli cli = Cli.run("diff", SCHEMA.toString(), SCHEMA.toString());
    assertEquals(0, cli.status(), cli.err());
    assertEquals("backward check: no differences; compatible\n", cli.out());
  }

  @Test
  void aRemovedNodeFailsBackwardAndPassesForward(@TempDir Path temp) throws IOException {
    Path changed = copyWithoutJobsDetailSubTag(temp);
    Cli backward = Cli.run("diff", SCHEMA.toString(), changed.toString());
    assertEquals(1, backward.status(), backward.out() + backward.err());
    assertTrue(backward.out().startsWith(
        "breaking   NODE_REMOVED /Response/JobsDetail/SubTag (JSON /JobsDetail/SubTag) in callback [both forms]\n"
            + "  was at xml/envelope.xsd:"), backward.out());
    assertTrue(backward.out().contains("  backward: breaking, forward: compatible\n"), backward.out());
    assertTrue(backward.out().endsWith("backward check: 2 findings, 2 breaking; not compatible\n"), backward.out());

    Cli forward = Cli.run("diff", "--check", "forward", SCHEMA.toString(), changed.toString());
    assertEquals(0, forward.status(), forward.out());
    assertTrue(forward.out().endsWith("forward check: 2 findings, 0 breaking; compatible\n"), forward.out());
    assertEquals(1, Cli.run("diff", "--check=full", SCHEMA.toString(), changed.toString()).status());
    // The other way round, the node is added: optional, so backward holds, and forward breaks (closed content).
    assertEquals(0, Cli.run("diff", changed.toString(), SCHEMA.toString()).status());
    assertEquals(1, Cli.run("diff", "--check", "forward", changed.toString(), SCHEMA.toString()).status());
  }

  @Test
  void theJsonReportNamesRuleBothPathsPlacesAndVerdicts(@TempDir Path temp) throws IOException {
    Path changed = copyWithoutJobsDetailSubTag(temp);
    Cli cli = Cli.run("diff", "--report", "json", SCHEMA.toString(), changed.toString());
    assertEquals(1, cli.status(), cli.err());
    JsonNode report = new ObjectMapper().readTree(cli.out());
    assertEquals("backward", report.get("check").asText());
    assertFalse(report.get("compatible").asBoolean());
    JsonNode first = report.get("findings").get(0);
    assertEquals("NODE_REMOVED", first.get("rule").asText());
    assertEquals("/Response/JobsDetail/SubTag", first.get("xmlPath").asText());
    assertEquals("/JobsDetail/SubTag", first.get("jsonPointer").asText());
    assertEquals("BOTH", first.get("form").asText());
    assertEquals("xml/envelope.xsd", first.get("oldLocations").get(0).get("file").asText());
    assertTrue(first.get("oldLocations").get(0).get("line").asInt() > 1);
    assertEquals("json/callback.schema.json", first.get("oldLocations").get(1).get("file").asText());
    assertEquals("breaking", first.get("backward").asText());
    assertEquals("compatible", first.get("forward").asText());
    assertTrue(first.get("message").asText().startsWith("JobsDetail/SubTag is no longer declared"));
  }

  @Test
  void anUnreadableSchemaIsAClearErrorWithStatusTwo(@TempDir Path temp) throws IOException {
    Path broken = copy(temp.resolve("broken"));
    Files.writeString(broken.resolve("xml/common.xsd"), "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">\n<oops");
    Cli cli = Cli.run("diff", SCHEMA.toString(), broken.toString());
    assertEquals(2, cli.status());
    assertEquals("", cli.out());
    assertTrue(cli.err().startsWith("ci-callback diff: NEW " + broken + ": xml/common.xsd:2: not well-formed XML"),
        cli.err());
    assertFalse(cli.err().contains("Exception"), cli.err());

    Cli missing = Cli.run("diff", SCHEMA.toString(), temp.resolve("nowhere").toString());
    assertEquals(2, missing.status());
    assertEquals("ci-callback diff: NEW " + temp.resolve("nowhere") + ": no such folder\n", missing.err());
  }

  @Test
  void usageErrors() {
    Cli one = Cli.run("diff", SCHEMA.toString());
    assertEquals(2, one.status());
    assertTrue(one.err().startsWith("ci-callback diff: OLD NEW are needed (2 parameters), got 1: "), one.err());
    Cli check = Cli.run("diff", "--check", "sideways", SCHEMA.toString(), SCHEMA.toString());
    assertEquals(2, check.status());
    assertTrue(check.err().startsWith(
        "ci-callback diff: option --check takes backward, forward, full, not \"sideways\""), check.err());
    assertTrue(Cli.run("--help").out().contains("  diff      Compares two contracts"));
    assertTrue(Cli.run("diff", "--help").out().startsWith(
        "Usage: ci-callback diff [-hV] [--check=backward|forward|full] [--report=text|json] OLD NEW\n"));
  }

  private static Path copyWithoutJobsDetailSubTag(Path temp) throws IOException {
    Path copy = copy(temp.resolve("new"));
    for (String file : new String[] {"xml/envelope.xsd", "json/callback.schema.json", "json/tts-callback.schema.json"}) {
      Path path = copy.resolve(file);
      String text = Files.readString(path);
      String changed = file.endsWith(".xsd")
          ? text.replaceAll("(?s)      <xs:element name=\"SubTag\".*?</xs:element>\n", "")
          : text.replaceAll("(?s)        \"SubTag\": \\{.*?\\},\n", "");
      assertFalse(changed.equals(text), file);
      Files.writeString(path, changed);
    }
    return copy;
  }

  private static Path copy(Path into) throws IOException {
    for (String form : new String[] {"xml", "json"}) {
      Files.createDirectories(into.resolve(form));
      try (Stream<Path> files = Files.list(SCHEMA.resolve(form))) {
        for (Path file : files.toList()) {
          Files.copy(file, into.resolve(form).resolve(file.getFileName().toString()));
        }
      }
    }
    return into;
  }
}
