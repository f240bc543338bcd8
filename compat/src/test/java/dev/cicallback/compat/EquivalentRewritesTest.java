package dev.cicallback.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two contracts that accept the same payloads and differ in how they say it: included files and groups against
 * inline content, named types against inline ones, $ref within and across files, member and enum
 * order, anchors, comments and documentation. No finding either way.
 */
class EquivalentRewritesTest {

  private static Path fixture(String side) throws URISyntaxException {
    return Path.of(EquivalentRewritesTest.class.getResource("/equivalent/" + side).toURI());
  }

  @Test
  void equivalentRewritesAreNoFindings() throws Exception {
    assertEquals(List.of(), ContractDiff.compare(fixture("old"), fixture("new")).findings());
    assertEquals(List.of(), ContractDiff.compare(fixture("new"), fixture("old")).findings());
  }

  @Test
  void theRewritesStillSeeARealChange() throws Exception {
    // The rewritten side against a rule fixture of a different contract: many findings, so the comparison looks.
    DiffResult result = ContractDiff.compare(fixture("old"), Path.of(
        EquivalentRewritesTest.class.getResource("/rules/NODE_REMOVED/old").toURI()));
    assertEquals(true, result.findings().stream().anyMatch(f -> f.jsonPointer().equals("/Output")));
  }
}
