package dev.cicallback.validator.internal.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cicallback.validator.ProblemCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The bundle and the keys agree: every key {@link Text} names is in {@code problems.properties}, every key there is
 * one of {@link Text}, and every one is used by the sources; problems are made in one place.
 */
class MessageBundleTest {

  private static final Path SOURCES = Path.of("src/main/java");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([0-9]+)\\}");

  private static Properties bundle() throws IOException {
    Properties properties = new Properties();
    try (InputStream in = Messages.class.getResourceAsStream(Messages.BUNDLE);
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return properties;
  }

  private static Map<Path, String> sources() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      return files.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toMap(p -> p, p -> {
        try {
          return Files.readString(p);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }));
    }
  }

  @Test
  void the_bundle_holds_exactly_the_keys_text_names() throws IOException {
    Set<String> inBundle = new TreeSet<>(bundle().stringPropertyNames());
    Set<String> named = Arrays.stream(Text.values()).map(Text::key).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(named.size(), Text.values().length, "two constants share a key");
    assertEquals(named, inBundle);
  }

  @Test
  void problem_keys_start_with_a_problem_code() {
    Set<String> codes = Arrays.stream(ProblemCode.values()).map(Enum::name).collect(Collectors.toSet());
    for (Text text : Text.values()) {
      String prefix = text.key().substring(0, text.key().indexOf('.'));
      assertTrue(prefix.equals("part") || codes.contains(prefix), text.key());
      assertEquals(text.name(), text.key().replace('.', '_').replaceAll("([a-z])([A-Z])", "$1_$2")
          .toUpperCase(java.util.Locale.ROOT), "the constant is named after its key");
    }
  }

  @Test
  void every_key_is_used_by_the_sources() throws IOException {
    String all = String.join("\n", sources().values());
    List<Text> unused =
        Arrays.stream(Text.values()).filter(t -> !Pattern.compile("\\bText\\." + t.name() + "\\b").matcher(all).find())
            .toList();
    assertEquals(List.of(), unused);
  }

  @Test
  void problems_are_made_in_one_place() throws IOException {
    Set<String> making = new TreeSet<>();
    for (Map.Entry<Path, String> source : sources().entrySet()) {
      if (source.getValue().contains("new Problem(")) {
        making.add(source.getKey().getFileName().toString());
      }
    }
    // Messages makes them all, but for the parser's fatal errors, whose whole message is cut to a length.
    assertEquals(Set.of("Messages.java", "XmlPayloadValidator.java"), making);
  }

  @Test
  void every_pattern_renders_with_its_arguments() {
    for (Text text : Text.values()) {
      String pattern = Messages.pattern(text);
      assertFalse(pattern.isEmpty(), text.key());
      assertFalse(pattern.startsWith(" ") && !pattern.isBlank() && text != Text.PART_MORE_ATTRIBUTES, text.key());
      Matcher m = PLACEHOLDER.matcher(pattern);
      int arguments = 0;
      while (m.find()) {
        arguments = Math.max(arguments, Integer.parseInt(m.group(1)) + 1);
      }
      Object[] values = new Object[arguments];
      for (int i = 0; i < arguments; i++) {
        values[i] = "<" + i + ">";
        assertTrue(pattern.contains("{" + i + "}"), text.key() + " skips {" + i + "}");
      }
      String rendered = Messages.render(text, values);
      assertFalse(PLACEHOLDER.matcher(rendered).find(), rendered);
      if (arguments > 0) {
        int needed = arguments;
        assertThrows(IllegalArgumentException.class, () -> Messages.render(text, new Object[needed - 1]), text.key());
      }
    }
  }

  @Test
  void arguments_are_put_in_as_text() {
    assertEquals("the payload is neither XML (starts with '<') nor JSON (starts with '{')",
        Messages.render(Text.SYNTAX_NEITHER));
    assertEquals("the payload is larger than the limit of 12345678 bytes; refused unread",
        Messages.render(Text.LIMIT_TOO_LARGE, 12_345_678L));
    assertEquals("text holds a lone surrogate \\uD800, which is not a Unicode character",
        Messages.render(Text.ENCODING_LONE_SURROGATE, "D800"));
    assertEquals(" and 2 more", Messages.render(Text.PART_MORE_ATTRIBUTES, 2));
    assertEquals("x: \"{1}\" is not allowed; expected y", Messages.render(Text.VALUE_NOT_ALLOWED, "x", "\"{1}\"", "y"));
  }
}
