package dev.cicallback.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every rule has a pair of contract folders under {@code rules/<RULE_ID>/{old,new}} and a {@code verdicts.properties}
 * naming the rules found from OLD to NEW, the backward and forward verdicts, and the rules found from NEW to OLD;
 * adding a rule is adding a pair.
 */
class RuleFixturesTest {

  private static final Path RULES = rules();

  private static Path rules() {
    try {
      return Path.of(RuleFixturesTest.class.getResource("/rules").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void everyRuleHasAPairAndEveryPairIsARule() throws IOException {
    Set<String> pairs;
    try (Stream<Path> folders = Files.list(RULES)) {
      pairs = folders.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
    }
    Set<String> rules = Arrays.stream(Rule.values()).map(Rule::name).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(rules, pairs);
  }

  @TestFactory
  Stream<DynamicTest> eachPairGivesItsVerdictsBothWays() throws IOException {
    List<Path> folders;
    try (Stream<Path> listing = Files.list(RULES)) {
      folders = listing.sorted().toList();
    }
    return folders.stream().map(folder -> DynamicTest.dynamicTest(folder.getFileName().toString(), () -> {
      Properties expected = new Properties();
      try (Reader in = Files.newBufferedReader(folder.resolve("verdicts.properties"))) {
        expected.load(in);
      }
      Path old = folder.resolve("old");
      Path updated = folder.resolve("new");
      boolean backwardBreaks = verdict(expected, "backward");
      boolean forwardBreaks = verdict(expected, "forward");

      DiffResult forwards = ContractDiff.compare(old, updated);
      assertEquals(expected.getProperty("findings"), rules(forwards), forwards.findings().toString());
      assertEquals(!backwardBreaks, forwards.isCompatible(Check.BACKWARD), "backward: " + forwards.findings());
      assertEquals(!forwardBreaks, forwards.isCompatible(Check.FORWARD), "forward: " + forwards.findings());
      assertEquals(!(backwardBreaks || forwardBreaks), forwards.isCompatible(Check.FULL));
      boolean drift = forwards.findings().stream().anyMatch(f -> f.rule() == Rule.SIDES_DRIFT);
      for (Finding finding : forwards.findings()) {
        assertEquals(drift ? Form.XSD : Form.BOTH, finding.form(), finding.toString());
        assertTrue(finding.location().isPresent() && finding.location().get().line() > 0, finding.toString());
        assertTrue(finding.message().endsWith("."), finding.message());
      }

      DiffResult backwards = ContractDiff.compare(updated, old);
      assertEquals(expected.getProperty("reverse.findings"), rules(backwards), backwards.findings().toString());
      assertEquals(!forwardBreaks, backwards.isCompatible(Check.BACKWARD), "reversed: " + backwards.findings());
      assertEquals(!backwardBreaks, backwards.isCompatible(Check.FORWARD), "reversed: " + backwards.findings());
    }));
  }

  private static boolean verdict(Properties expected, String check) {
    String verdict = expected.getProperty(check);
    if (!verdict.equals("breaking") && !verdict.equals("compatible")) {
      throw new IllegalArgumentException(check + "=" + verdict + ": breaking or compatible");
    }
    return verdict.equals("breaking");
  }

  private static String rules(DiffResult result) {
    return result.findings().stream().map(f -> f.rule().name()).collect(Collectors.joining(" "));
  }
}
