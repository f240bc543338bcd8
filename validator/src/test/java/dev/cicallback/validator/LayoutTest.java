package dev.cicallback.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layout docs/architecture.md describes, held to the sources: which package may use which (arrows point one
 * way, the internal packages never reach the public entry points), every package says what lives there, and no
 * production code decides anything by reading a problem's message.
 */
class LayoutTest {

  private static final Path SOURCES = Path.of("src/main/java");
  private static final String ROOT = "dev.cicallback.validator";

  /** For each package (relative to the root, "" for the root itself), the packages it may use. */
  private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
      Map.entry("", Set.of("internal", "internal.core", "internal.json")),
      Map.entry("internal", Set.of("", "internal.core", "internal.xml", "internal.json")),
      Map.entry("internal.xml", Set.of("", "internal.core", "internal.contract", "internal.message", "internal.tag",
          "internal.xml.quick")),
      Map.entry("internal.xml.quick", Set.of("", "internal.core")),
      Map.entry("internal.json", Set.of("", "internal.core", "internal.contract", "internal.message", "internal.tag",
          "internal.json.quick", "internal.json.syntax")),
      Map.entry("internal.json.quick", Set.of("", "internal.core", "internal.json.syntax")),
      Map.entry("internal.message", Set.of("", "internal.core", "internal.contract")),
      Map.entry("internal.tag", Set.of("", "internal.core")),
      Map.entry("internal.contract", Set.of("", "internal.core")),
      Map.entry("internal.json.syntax", Set.of("", "internal.core")),
      Map.entry("internal.core", Set.of("")));

  /** What internal code may use of the public package: its values, never its entry points. */
  private static final Set<String> PUBLIC_VALUES =
      Set.of("Problem", "ProblemCode", "Severity", "PayloadFormat", "ValidatorOptions");

  private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
  private static final Pattern OUR_IMPORT =
      Pattern.compile("^import (?:static )?dev\\.cicallback\\.validator\\.((?:[a-z]\\w*\\.)*)([A-Z]\\w*)", Pattern.MULTILINE);
  /** A decision taken on a message's wording: p.message().startsWith("..."), getMessage().contains(...) on ours. */
  private static final Pattern READS_MESSAGE =
      Pattern.compile("\\.message\\(\\)\\s*\\.\\s*(startsWith|endsWith|contains|equals|matches|indexOf)\\(");

  private static List<Path> sources() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      // module-info.java belongs to no package: the module's exports are held by PublishedModulesTest (examples/).
      return files.filter(p -> p.toString().endsWith(".java") && !p.endsWith("module-info.java")).sorted().toList();
    }
  }

  private static String packageOf(String source) {
    Matcher m = PACKAGE.matcher(source);
    assertTrue(m.find(), "no package declaration");
    String name = m.group(1);
    return name.equals(ROOT) ? "" : name.substring(ROOT.length() + 1);
  }

  @Test
  void packages_use_only_the_packages_below_them() throws IOException {
    Map<String, Set<String>> violations = new TreeMap<>();
    Set<String> seen = new TreeSet<>();
    for (Path file : sources()) {
      String source = Files.readString(file);
      String from = packageOf(source);
      seen.add(from);
      Set<String> allowed = ALLOWED.get(from);
      assertTrue(allowed != null, () -> "a package the layout does not name: " + from + " (" + file + ")");
      Matcher m = OUR_IMPORT.matcher(source);
      while (m.find()) {
        String to = m.group(1).isEmpty() ? "" : m.group(1).substring(0, m.group(1).length() - 1);
        String type = m.group(2);
        boolean ok = to.equals(from)
            || allowed.contains(to) && (!to.isEmpty() || from.isEmpty() || PUBLIC_VALUES.contains(type));
        if (!ok) {
          violations.computeIfAbsent(file.getFileName().toString(), k -> new TreeSet<>())
              .add((to.isEmpty() ? ROOT : ROOT + "." + to) + "." + type);
        }
      }
    }
    assertEquals(Map.of(), violations, "imports against the layout's arrows");
    assertEquals(ALLOWED.keySet(), seen, "the layout names packages the sources do not have");
  }

  @Test
  void every_package_says_what_lives_there() throws IOException {
    List<String> missing = new ArrayList<>();
    try (Stream<Path> dirs = Files.walk(SOURCES)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        boolean hasClasses;
        try (Stream<Path> files = Files.list(dir)) {
          hasClasses = files.anyMatch(p -> p.toString().endsWith(".java")
              && !p.endsWith("package-info.java") && !p.endsWith("module-info.java"));
        }
        if (hasClasses && !Files.exists(dir.resolve("package-info.java"))) {
          missing.add(SOURCES.relativize(dir).toString());
        }
      }
    }
    assertEquals(List.of(), missing, "packages without package-info.java");
  }

  @Test
  void no_code_decides_by_reading_a_message() throws IOException {
    List<String> readers = new ArrayList<>();
    for (Path file : sources()) {
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        if (READS_MESSAGE.matcher(lines.get(i)).find()) {
          readers.add(file.getFileName() + ":" + (i + 1) + ": " + lines.get(i).strip());
        }
      }
    }
    assertEquals(List.of(), readers, "decide by Problem.code(), not by the wording of Problem.message()");
  }
}
