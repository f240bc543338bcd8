package dev.cicallback.validator.internal.json.quick;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cicallback.model.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A pattern compiled to an automaton answers exactly as the regex engine does (a match found, no line break), on
 * every pattern of the contract and on constructs of the subset, for strings near the edges of each pattern.
 */
class SchemaPatternTest {

  /** Every pattern of every JSON Schema file under schema/json. */
  static List<String> contractPatterns() throws IOException {
    Set<String> patterns = new LinkedHashSet<>();
    try (Stream<Path> schemas = Files.list(Fixtures.ROOT.resolveSibling("json"))) {
      for (Path schema : schemas.sorted().toList()) {
        collect(new com.fasterxml.jackson.databind.ObjectMapper().readTree(schema.toFile()), patterns);
      }
    }
    assertFalse(patterns.isEmpty(), "no patterns found");
    return new ArrayList<>(patterns);
  }

  private static void collect(JsonNode node, Set<String> patterns) {
    if (node.isObject() && node.path("pattern").isTextual()) {
      patterns.add(node.get("pattern").asText());
    }
    node.forEach(child -> collect(child, patterns));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contractPatterns")
  void every_contract_pattern_is_an_automaton_that_agrees_with_the_regex_engine(String regex) {
    assertAutomatonAgrees(regex);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "^$", "^a$", "^(ab|a)*c?$", "^[a-c]{2,3}(x|yz)+$", "^(?:a|)b$", "^[-a]$", "^[a-]$", "^x{0}y$",
      "^(a{1,}){2}$", "^(a|b|)+$", "^[\\d.]{1,4}$", "^\\d+\\.\\d*$", "^[+\\-]?[0-9]{3,}$", "^((a)|(b(c)?))*$",
      "^ {2}/\\/$", "^[ -~]*$", "^(a?){5}a{5}$",
      // The edges of the subset: the first and last printable characters, in and out of a class and as a range's
      // ends; a range of one character; an escaped sign that is first in the list of signs; counts of two digits
      // and the largest count.
      "^ ~$", "^[ ~]$", "^[ - ]$", "^[!-~]+$", "^[a-a]$", "^\\^a$", "^(ab?){1,1}$", "^a{0,9}b{0,10}$", "^a{0,64}$"})
  void constructs_of_the_subset_agree_with_the_regex_engine(String regex) {
    assertAutomatonAgrees(regex);
  }

  private static void assertAutomatonAgrees(String regex) {
    SchemaPattern pattern = SchemaPattern.compile(regex);

    assertTrue(pattern.isAutomaton(), regex);
    assertAgrees(regex, pattern);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "abc", "^abc", "abc$", "^a|b$", "^a\\$", "^a.b$", "^\\w+$", "^[^a]$", "^[a&&b]$", "^[[a]]$", "^a*?$",
      "^a++$", "^(?=a)a$", "^(?<n>a)$", "^(a)\\1$", "^a{1,100}$", "^\u00e9$", "^\\u0041$", "^[]a]$",
      "^\\s$", "^\\$",
      // Just past the subset's edges: a sign read as an anchor, characters outside printable ASCII, a count too big.
      "^a^b$", "^\u007f$", "^\u001f$", "^[\u007f]$", "^[\u001f]$", "^[a-\u007f]$", "^a{65}$"})
  void anything_else_keeps_the_regex_engine(String regex) {
    SchemaPattern pattern = SchemaPattern.compile(regex);

    assertFalse(pattern.isAutomaton(), regex);
    assertAgrees(regex, pattern);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"^a{2,1}$", "^[b-a]$", "^a{,2}$", "^(a$", "^a)$", "^[a$"})
  void a_pattern_the_regex_engine_refuses_is_refused(String regex) {
    assertThrows(PatternSyntaxException.class, () -> SchemaPattern.compile(regex));
  }

  @Test
  @Tag("exhaustive") // thousands of payloads or patterns: left out of mutation runs (bin/mutation)
  void random_patterns_of_the_subset_agree_with_the_regex_engine() {
    Random random = new Random(20261128);
    String alphabet = "ab0c9-./+x \n";
    int probes = 0;
    int skipped = 0;
    int tooBig = 0;
    for (int i = 0; i < 1500; i++) {
      String[] generated = sequence(random, 2);
      String regex = "^" + generated[0] + "$";
      SchemaPattern pattern = SchemaPattern.compile(regex);
      Pattern engine = Pattern.compile(regex);
      if (!pattern.isAutomaton()) {
        tooBig++; // over the automaton's size bounds: the regex engine keeps it
        continue;
      }
      assertEquals(Boolean.TRUE, bounded(engine, generated[1]), () -> regex + " does not match its sample " + generated[1]);
      Set<String> texts = new LinkedHashSet<>();
      texts.add(generated[1]);
      texts.add(generated[1] + "\n");
      for (int at = 0; at <= generated[1].length(); at++) {
        for (char c : alphabet.toCharArray()) {
          texts.add(generated[1].substring(0, at) + c + generated[1].substring(at));
          if (at < generated[1].length()) {
            texts.add(generated[1].substring(0, at) + c + generated[1].substring(at + 1));
          }
        }
        if (at < generated[1].length()) {
          texts.add(generated[1].substring(0, at) + generated[1].substring(at + 1));
        }
      }
      for (String text : texts) {
        Boolean found = bounded(engine, text);
        if (found == null) {
          skipped++;
          continue;
        }
        boolean expected = found && text.indexOf('\n') < 0;
        assertEquals(expected, pattern.matches(text), () -> regex + " on \"" + text + "\"");
        probes++;
      }
    }
    assertTrue(probes > 50_000, probes + " probes");
    assertTrue(tooBig < 30, tooBig + " patterns too big for an automaton");
    assertTrue(skipped < probes / 50, skipped + " probes the regex engine took too long on");
  }

  /**
   * Whether the regex engine finds a match, or null when it backtracks too long to tell: nested quantifiers can take
   * it exponential time, where an automaton takes one step per character.
   */
  private static Boolean bounded(Pattern engine, String text) {
    CharSequence counted = new CharSequence() {
      private int reads;

      @Override
      public char charAt(int index) {
        if (++reads > 100_000) {
          throw new IllegalStateException("too long");
        }
        return text.charAt(index);
      }

      @Override
      public int length() {
        return text.length();
      }

      @Override
      public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
      }

      @Override
      public String toString() {
        return text;
      }
    };
    try {
      return engine.matcher(counted).find();
    } catch (IllegalStateException e) {
      return null;
    }
  }

  /** A random pattern of the subset and a string it matches: {regex, sample}. */
  private static String[] sequence(Random random, int depth) {
    StringBuilder regex = new StringBuilder();
    StringBuilder sample = new StringBuilder();
    for (int i = 1 + random.nextInt(3); i > 0; i--) {
      String[] atom = atom(random, depth);
      String[] quantified = quantified(random, atom);
      regex.append(quantified[0]);
      sample.append(quantified[1]);
    }
    return new String[] {regex.toString(), sample.toString()};
  }

  private static String[] atom(Random random, int depth) {
    int kind = random.nextInt(depth > 0 ? 6 : 4);
    return switch (kind) {
      case 0 -> pick(random, new String[][] {{"a", "a"}, {"b", "b"}, {"0", "0"}, {"-", "-"}, {"\\.", "."},
          {"/", "/"}, {"\\+", "+"}, {" ", " "}});
      case 1 -> pick(random, new String[][] {{"[a-c]", "b"}, {"[\\d.]", "."}, {"[+\\-]", "-"}, {"[0-9a-c]", "9"},
          {"[-a]", "-"}, {"[a-]", "a"}, {"[ -/]", "."}});
      case 2 -> new String[] {"\\d", String.valueOf((char) ('0' + random.nextInt(10)))};
      case 3 -> pick(random, new String[][] {{"x", "x"}, {"c", "c"}, {"9", "9"}});
      default -> {
        int branches = 1 + random.nextInt(3);
        StringBuilder regex = new StringBuilder(random.nextBoolean() ? "(" : "(?:");
        String sample = null;
        int chosen = random.nextInt(branches);
        for (int b = 0; b < branches; b++) {
          String[] branch = random.nextInt(5) == 0 ? new String[] {"", ""} : sequence(random, depth - 1);
          regex.append(b > 0 ? "|" : "").append(branch[0]);
          sample = b == chosen ? branch[1] : sample;
        }
        yield new String[] {regex.append(')').toString(), sample};
      }
    };
  }

  private static String[] quantified(Random random, String[] atom) {
    int min;
    int max;
    String quantifier;
    switch (random.nextInt(9)) {
      case 0 -> { quantifier = "?"; min = 0; max = 1; }
      case 1 -> { quantifier = "*"; min = 0; max = 3; }
      case 2 -> { quantifier = "+"; min = 1; max = 3; }
      case 3 -> { min = random.nextInt(3); max = min; quantifier = "{" + min + "}"; }
      case 4 -> { min = random.nextInt(3); max = min + 2; quantifier = "{" + min + ",}"; }
      case 5 -> { min = random.nextInt(3); max = min + random.nextInt(3); quantifier = "{" + min + "," + max + "}"; }
      default -> { return atom; }
    }
    int times = min + random.nextInt(max - min + 1);
    return new String[] {atom[0] + quantifier, atom[1].repeat(times)};
  }

  private static String[] pick(Random random, String[][] choices) {
    return choices[random.nextInt(choices.length)];
  }

  private static void assertAgrees(String regex, SchemaPattern pattern) {
    Pattern engine = Pattern.compile(regex);
    int matched = 0;
    for (String text : probes(regex)) {
      boolean expected = engine.matcher(text).find() && text.chars().noneMatch(c -> c == '\n' || c == '\r');
      assertEquals(expected, pattern.matches(text), () -> regex + " on \"" + text + "\"");
      matched += expected ? 1 : 0;
    }
    assertTrue(matched > 0 || !pattern.isAutomaton(), "no probe matched " + regex);
  }

  /**
   * Strings that match the pattern (grown by a random walk of one-character edits, keeping the ones that match),
   * and every one-character edit of those: the edges where an automaton would go wrong.
   */
  private static Set<String> probes(String regex) {
    Pattern engine = Pattern.compile(regex);
    String alphabet = alphabet(regex);
    Random random = new Random(regex.hashCode());
    Set<String> matching = new LinkedHashSet<>();
    for (String seed : List.of("", "2022-06-30T19:33:18+0800", "-", "0123456789abcdefABCDEF012345678", "-10",
        "15/2", "-3.25", "100", "ab", "aaaaaaaaaa", "abc", "yz", "0123456789abcdefABCDEF0123456789", "abx", "  //",
        "0123456789abcdef".repeat(3).substring(0, 40), "0123456789abcdef".repeat(4))) {
      String text = seed;
      for (int step = 0; step < 400; step++) {
        if (engine.matcher(text).find()) {
          matching.add(text);
        }
        String edited = edit(text, alphabet, random);
        if (engine.matcher(edited).find() || random.nextInt(4) == 0) {
          text = edited;
        }
      }
    }
    Set<String> probes = new LinkedHashSet<>(matching);
    for (String text : matching) {
      for (int i = 0; i <= text.length(); i++) {
        for (char c : alphabet.toCharArray()) {
          probes.add(text.substring(0, i) + c + text.substring(i));
          if (i < text.length()) {
            probes.add(text.substring(0, i) + c + text.substring(i + 1));
          }
        }
        if (i < text.length()) {
          probes.add(text.substring(0, i) + text.substring(i + 1));
        }
      }
      probes.add(text + "\n");
    }
    for (int i = 0; i < 2000; i++) {
      probes.add(edit(edit("", alphabet, random), alphabet, random));
    }
    return probes;
  }

  private static String edit(String text, String alphabet, Random random) {
    char c = alphabet.charAt(random.nextInt(alphabet.length()));
    int at = random.nextInt(text.length() + 1);
    return switch (random.nextInt(3)) {
      case 0 -> text.substring(0, at) + c + text.substring(at);
      case 1 -> at < text.length() ? text.substring(0, at) + c + text.substring(at + 1) : text + c;
      default -> at < text.length() ? text.substring(0, at) + text.substring(at + 1) : text;
    };
  }

  /** The characters the pattern names, a few it does not, a line break and a letter beyond ASCII. */
  private static String alphabet(String regex) {
    Set<Character> chars = new LinkedHashSet<>();
    for (char c : regex.toCharArray()) {
      chars.add(c);
    }
    for (char c : "09aAfFgzT+-:./ \n\u00e9\u0663".toCharArray()) {
      chars.add(c);
    }
    StringBuilder alphabet = new StringBuilder();
    chars.forEach(alphabet::append);
    return alphabet.toString();
  }
}
