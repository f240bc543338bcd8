package dev.cicallback.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cicallback.model.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Every limit of {@link ValidatorOptions} (and the fixed ones of SECURITY.md) at its boundary: a valid fixture whose
 * measure is one under the limit or exactly at it is valid, one over it is refused with a {@link ProblemCode#LIMIT}
 * problem naming the limit. Each payload is judged by the validator and by the reader, in both formats where the
 * limit applies.
 */
class LimitBoundaryTest {

  @TempDir static Path dir;

  /** Where a payload's measure stands against the limit. */
  enum Relation {
    ONE_UNDER(1),
    AT(0),
    ONE_OVER(-1);

    /** The limit minus the payload's measure. */
    final int headroom;

    Relation(int headroom) {
      this.headroom = headroom;
    }

    int limitFor(int measure) {
      return measure + headroom;
    }

    boolean accepted() {
      return this != ONE_OVER;
    }
  }

  /** The two public entry points; both go through the same limits. */
  enum Entry {
    VALIDATOR,
    READER
  }

  /** How the payload reaches the entry point. */
  enum Source {
    BYTES,
    STREAM,
    /** A stream that gives at most a few hundred bytes per read, as a socket does. */
    TRICKLING_STREAM,
    /** The same, giving no byte at all on every other read (a stream that breaks its contract): read to its end. */
    STALLING_STREAM,
    FILE
  }

  // ---- the verdict ----

  private record Verdict(ValidationResult validation, boolean bound) {}

  private static Verdict judge(Entry entry, ValidatorOptions options, byte[] payload, Source source) {
    try {
      if (entry == Entry.VALIDATOR) {
        CallbackValidator validator = CallbackValidator.create(options);
        ValidationResult result =
            switch (source) {
              case BYTES -> validator.validate(payload);
              case STREAM -> validator.validate(new ByteArrayInputStream(payload));
              case TRICKLING_STREAM -> validator.validate(new TricklingStream(payload));
              case STALLING_STREAM -> validator.validate(new TricklingStream(payload, true));
              case FILE -> validator.validate(file(payload));
            };
        return new Verdict(result, false);
      }
      CallbackReader reader = CallbackReader.create(options);
      ReadResult read =
          switch (source) {
            case BYTES -> reader.read(payload);
            case STREAM -> reader.read(new ByteArrayInputStream(payload));
            case TRICKLING_STREAM -> reader.read(new TricklingStream(payload));
            case STALLING_STREAM -> reader.read(new TricklingStream(payload, true));
            case FILE -> reader.read(file(payload));
          };
      assertEquals(read.isValid(), read.validation().isValid());
      return new Verdict(read.validation(), read.callback().isPresent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Verdict judge(Entry entry, ValidatorOptions options, byte[] payload) {
    return judge(entry, options, payload, Source.BYTES);
  }

  /**
   * Valid (warnings allowed: tolerant payloads carry unknown nodes on purpose), and read into the model by the reader;
   * or refused with exactly one error, of {@code code}, whose message names the limit.
   */
  private static void assertVerdict(
      Relation relation, Entry entry, Verdict verdict, ProblemCode code, String namesTheLimit) {
    ValidationResult result = verdict.validation();
    if (relation.accepted()) {
      assertTrue(result.isValid(), () -> relation + ": " + result.problems());
      assertTrue(
          result.problems().stream().noneMatch(p -> p.code() == ProblemCode.LIMIT), result.problems()::toString);
      if (entry == Entry.READER) {
        assertTrue(verdict.bound(), "a valid payload is read into the model");
      }
    } else {
      assertFalse(result.isValid(), () -> relation + " is refused");
      assertEquals(1, result.errors().size(), result.problems()::toString);
      Problem problem = result.errors().get(0);
      assertEquals(code, problem.code(), problem::toString);
      assertTrue(
          problem.message().toLowerCase(Locale.ROOT).contains(namesTheLimit),
          () -> "the message names the limit (" + namesTheLimit + "): " + problem.message());
      assertFalse(verdict.bound(), "nothing is read from a refused payload");
    }
  }

  private static void assertVerdict(Relation relation, Entry entry, Verdict verdict, String namesTheLimit) {
    assertVerdict(relation, entry, verdict, ProblemCode.LIMIT, namesTheLimit);
  }

  // ---- the same limits in the full pass ----

  private static final java.util.regex.Pattern JSON_STATE =
      java.util.regex.Pattern.compile("(\"State\"\\s*:\\s*\")[A-Za-z]+\"");
  private static final java.util.regex.Pattern XML_STATE = java.util.regex.Pattern.compile("<State>[A-Za-z]+</State>");

  /**
   * The payload with its first State made a value the contract does not allow, and nothing else changed: no limit's
   * measure moves. The quick passes answer only for valid payloads, so this one reaches the full pass (the located
   * JSON reader, the XML path tracker and the schema validators), whose own limit checks are what it tests.
   */
  private static byte[] withAnInvalidState(PayloadFormat format, byte[] payload) {
    String text = new String(payload, StandardCharsets.UTF_8);
    java.util.regex.Matcher state = (format == PayloadFormat.XML ? XML_STATE : JSON_STATE).matcher(text);
    assertTrue(state.find(), "the payload has a State to spoil");
    String spoiled = format == PayloadFormat.XML ? "<State>Bogus</State>" : state.group(1) + "Bogus\"";
    return utf8(text.substring(0, state.start()) + spoiled + text.substring(state.end()));
  }

  private static boolean isTheInvalidState(Problem problem) {
    return problem.code() == ProblemCode.VALUE && problem.location().endsWith("/State")
        && problem.message().startsWith("State: \"Bogus\" is not allowed");
  }

  /**
   * The payload with an invalid State, judged by the full pass: one under the limit and at it, the State is the one
   * error and no limit is mentioned; one over it, exactly one error names the limit ({@code code}) and any other is
   * the State (an XML parser reports the State before it meets a limit further on).
   */
  private static void assertFullPassVerdict(
      Relation relation, Entry entry, PayloadFormat format, ValidatorOptions options, byte[] payload,
      ProblemCode code, String namesTheLimit) {
    Verdict verdict = judge(entry, options, withAnInvalidState(format, payload));
    ValidationResult result = verdict.validation();
    assertFalse(result.isValid(), "the State is invalid");
    assertFalse(verdict.bound(), "nothing is read from an invalid payload");
    List<Problem> errors = result.errors();
    if (relation.accepted()) {
      assertEquals(1, errors.size(), () -> relation + ": " + result.problems());
      assertTrue(isTheInvalidState(errors.get(0)), errors.get(0)::toString);
      assertTrue(
          result.problems().stream().noneMatch(p -> p.code() == ProblemCode.LIMIT), result.problems()::toString);
    } else {
      List<Problem> limits = errors.stream().filter(p -> !isTheInvalidState(p)).toList();
      assertEquals(1, limits.size(), () -> relation + ": " + result.problems());
      assertEquals(code, limits.get(0).code(), limits.get(0)::toString);
      assertTrue(
          limits.get(0).message().toLowerCase(Locale.ROOT).contains(namesTheLimit),
          () -> "the message names the limit (" + namesTheLimit + "): " + limits.get(0).message());
    }
  }

  private static void assertFullPassVerdict(
      Relation relation, Entry entry, PayloadFormat format, ValidatorOptions options, byte[] payload,
      String namesTheLimit) {
    assertFullPassVerdict(relation, entry, format, options, payload, ProblemCode.LIMIT, namesTheLimit);
  }

  // ---- the payloads ----

  private static Stream<Arguments> formatsEntriesAndRelations() {
    return Stream.of(PayloadFormat.values())
        .flatMap(format -> entriesAndRelations().map(a -> Arguments.of(format, a.get()[0], a.get()[1])));
  }

  private static Stream<Arguments> entriesAndRelations() {
    return Stream.of(Entry.values())
        .flatMap(entry -> Stream.of(Relation.values()).map(relation -> Arguments.of(entry, relation)));
  }

  private static String extension(PayloadFormat format) {
    return format.name().toLowerCase(Locale.ROOT);
  }

  private static Path minimal(PayloadFormat format) {
    return Fixtures.ROOT.resolve(extension(format)).resolve("valid-minimal." + extension(format));
  }

  private static String text(Path fixture) {
    return new String(Fixtures.read(fixture), StandardCharsets.UTF_8);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static ValidatorOptions.Builder options(PayloadFormat format) {
    return ValidatorOptions.builder().format(format);
  }

  /** The valid fixture of {@code format} that {@code measure} ranks highest: the one that goes nearest a limit. */
  private static Path highest(PayloadFormat format, ToIntFunction<Path> measure) {
    return Fixtures.valid(extension(format)).stream().max(Comparator.comparingInt(measure)).orElseThrow();
  }

  private static final Map<String, Path> HIGHEST = new ConcurrentHashMap<>();

  private static Path deepest(PayloadFormat format) {
    return HIGHEST.computeIfAbsent("depth " + format, k -> highest(format, fixture -> depth(format, fixture)));
  }

  private static Path largest(PayloadFormat format) {
    return HIGHEST.computeIfAbsent("nodes " + format, k -> highest(format, fixture -> nodes(format, fixture)));
  }

  /** The minimal fixture with the TTS text replaced: the one string of the payload that grows. */
  private static String minimalWithTtsText(PayloadFormat format, String input) {
    String fixture = text(minimal(format));
    assertEquals(1, fixture.split("你好", -1).length - 1, "the minimal fixture has one TTS text");
    return fixture.replace("你好", input);
  }

  /** The minimal JSON fixture with one more member at the root, which the contract does not know. */
  private static String minimalJsonWithUnknownMember(String name, String value) {
    String fixture = text(minimal(PayloadFormat.JSON));
    assertTrue(fixture.startsWith("{"));
    return "{\"" + name + "\": " + value + "," + fixture.substring(1);
  }

  private static Path file(byte[] payload) throws IOException {
    return Files.write(Files.createTempFile(dir, "payload", ".bin"), payload);
  }

  // ---- measures, taken independently of the validator ----

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode jsonTree(Path fixture) {
    try {
      return JSON.readTree(Fixtures.read(fixture));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Element xmlRoot(Path fixture) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(Fixtures.read(fixture))).getDocumentElement();
    } catch (Exception e) {
      throw new IllegalStateException(fixture.toString(), e);
    }
  }

  /** Nesting of objects and arrays; the root object is level 1. */
  private static int jsonDepth(JsonNode node) {
    if (!node.isContainerNode()) {
      return 0;
    }
    int deepest = 0;
    for (JsonNode child : node) {
      deepest = Math.max(deepest, jsonDepth(child));
    }
    return deepest + 1;
  }

  /** Every value: objects, arrays and scalars, the root included. */
  private static int jsonNodes(JsonNode node) {
    int count = 1;
    for (JsonNode child : node) {
      count += jsonNodes(child);
    }
    return count;
  }

  private static int xmlDepth(Element element) {
    int deepest = 0;
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e) {
        deepest = Math.max(deepest, xmlDepth(e));
      }
    }
    return deepest + 1;
  }

  private static int xmlElements(Element element) {
    int count = 1;
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e) {
        count += xmlElements(e);
      }
    }
    return count;
  }

  private static int depth(PayloadFormat format, Path fixture) {
    return format == PayloadFormat.XML ? xmlDepth(xmlRoot(fixture)) : jsonDepth(jsonTree(fixture));
  }

  private static int nodes(PayloadFormat format, Path fixture) {
    return format == PayloadFormat.XML ? xmlElements(xmlRoot(fixture)) : jsonNodes(jsonTree(fixture));
  }

  // ---- size ----

  private static Stream<Arguments> sizes() {
    return Stream.of(PayloadFormat.values())
        .flatMap(format -> Stream.of(Source.values()).flatMap(source ->
            // The fixture as it is, and padded past the stream reader's first 64 KiB buffer.
            Stream.of(0, 200_000).flatMap(size ->
                entriesAndRelations().map(a -> Arguments.of(format, source, size, a.get()[0], a.get()[1])))));
  }

  /** The fixture padded with trailing white space (allowed after the document in both formats) to {@code size}. */
  private static byte[] padded(PayloadFormat format, int size) {
    byte[] fixture = Fixtures.read(minimal(format));
    if (size <= fixture.length) {
      return fixture;
    }
    byte[] payload = Arrays.copyOf(fixture, size);
    Arrays.fill(payload, fixture.length, size, (byte) ' ');
    return payload;
  }

  @ParameterizedTest(name = "{0} from {1}, {2} bytes, {3}: {4} the limit")
  @MethodSource("sizes")
  void size(PayloadFormat format, Source source, int size, Entry entry, Relation relation) {
    byte[] payload = padded(format, size);
    int limit = relation.limitFor(payload.length);

    Verdict verdict = judge(entry, options(format).maxBytes(limit).build(), payload, source);

    assertVerdict(relation, entry, verdict, "limit of " + limit + " bytes");
  }

  @ParameterizedTest(name = "{0}, {1} the limit")
  @MethodSource("formatsEntriesAndRelations")
  void size_of_a_stream_is_read_no_further_than_one_byte_past_the_limit(
      PayloadFormat format, Entry entry, Relation relation) throws IOException {
    byte[] payload = padded(format, 100_000);
    int limit = relation.limitFor(payload.length);
    ValidatorOptions options = options(format).maxBytes(limit).build();
    // The payload, then more than the limit again: a reader that went on would take it.
    byte[] followed = Arrays.copyOf(payload, payload.length + limit + 10);
    TricklingStream in = new TricklingStream(followed);

    ValidationResult result =
        entry == Entry.VALIDATOR
            ? CallbackValidator.create(options).validate(in)
            : CallbackReader.create(options).read(in).validation();

    // Whatever the stream holds, at most the limit + 1 bytes are taken from it and those are judged.
    assertTrue(in.taken() <= limit + 1L, () -> in.taken() + " bytes taken for a limit of " + limit);
    assertFalse(result.isValid(), "the stream holds more than the limit");
    assertEquals(1, result.errors().size(), result.problems()::toString);
    assertEquals(ProblemCode.LIMIT, result.errors().get(0).code(), result.problems()::toString);
    assertEquals(limit + 1L, in.taken(), "the byte past the limit is what shows the payload is larger");
  }

  /**
   * A path that is not a regular file (a device, a pipe) has no size to check first: it is read as a stream, as far
   * as the limit + 1 bytes, so an endless one is refused and an empty one is empty.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("entriesAndRelations")
  void size_of_a_path_that_is_no_regular_file(Entry entry, Relation relation) throws IOException {
    ValidatorOptions options = ValidatorOptions.builder().maxBytes(relation.limitFor(1000)).build();
    ValidationResult endless =
        entry == Entry.VALIDATOR
            ? CallbackValidator.create(options).validate(Path.of("/dev/zero"))
            : CallbackReader.create(options).read(Path.of("/dev/zero")).validation();
    ValidationResult empty =
        entry == Entry.VALIDATOR
            ? CallbackValidator.create(options).validate(Path.of("/dev/null"))
            : CallbackReader.create(options).read(Path.of("/dev/null")).validation();

    assertEquals(
        List.of("the payload is larger than the limit of " + relation.limitFor(1000) + " bytes; refused unread"),
        endless.errors().stream().map(Problem::message).toList());
    assertEquals(List.of("the payload is empty"), empty.errors().stream().map(Problem::message).toList());
  }

  // ---- depth ----

  @ParameterizedTest(name = "{0}, {1}: {2} the limit")
  @MethodSource("formatsEntriesAndRelations")
  void depth(PayloadFormat format, Entry entry, Relation relation) {
    Path deepest = deepest(format);
    int depth = depth(format, deepest);
    assertTrue(
        relation.limitFor(depth) >= ValidatorOptions.MIN_MAX_DEPTH,
        "the deepest fixture is deeper than the least depth limit");

    ValidatorOptions options = options(format).maxDepth(relation.limitFor(depth)).build();
    Verdict verdict = judge(entry, options, Fixtures.read(deepest));

    assertVerdict(relation, entry, verdict, "deeper than");
    assertFullPassVerdict(relation, entry, format, options, Fixtures.read(deepest), "deeper than");
  }

  // ---- nodes ----

  @ParameterizedTest(name = "{0}, {1}: {2} the limit")
  @MethodSource("formatsEntriesAndRelations")
  void nodes(PayloadFormat format, Entry entry, Relation relation) {
    assertNodesLimit(format, entry, relation, minimal(format));
  }

  @ParameterizedTest(name = "{0}, {1}: {2} the limit")
  @MethodSource("formatsEntriesAndRelations")
  void nodes_of_the_largest_fixture(PayloadFormat format, Entry entry, Relation relation) {
    assertNodesLimit(format, entry, relation, largest(format));
  }

  /** The node limit set at, under or over the fixture's own count of nodes, in both passes. */
  private static void assertNodesLimit(PayloadFormat format, Entry entry, Relation relation, Path fixture) {
    int nodes = nodes(format, fixture);
    ValidatorOptions options = options(format).maxNodes(relation.limitFor(nodes)).build();
    Verdict verdict = judge(entry, options, Fixtures.read(fixture));

    assertVerdict(relation, entry, verdict, "more than " + relation.limitFor(nodes));
    assertFullPassVerdict(
        relation, entry, format, options, Fixtures.read(fixture), "more than " + relation.limitFor(nodes));
  }

  // ---- string length ----

  private static final int LONG_TEXT = 1000;

  @ParameterizedTest(name = "{0}, {1}: {2} the limit")
  @MethodSource("formatsEntriesAndRelations")
  void string_length_of_a_text(PayloadFormat format, Entry entry, Relation relation) {
    byte[] payload = utf8(minimalWithTtsText(format, "a".repeat(LONG_TEXT)));
    ValidatorOptions options = options(format).maxStringLength(relation.limitFor(LONG_TEXT)).build();

    assertVerdict(relation, entry, judge(entry, options, payload), "longer than");
    assertFullPassVerdict(relation, entry, format, options, payload, "longer than");
  }

  @ParameterizedTest(name = "{0}, {1}: {2} the limit")
  @MethodSource("formatsEntriesAndRelations")
  void string_length_counts_characters_not_bytes(PayloadFormat format, Entry entry, Relation relation) {
    // Three bytes of UTF-8 each: a limit counted in bytes would refuse this payload at every relation.
    byte[] payload = utf8(minimalWithTtsText(format, "好".repeat(LONG_TEXT)));
    ValidatorOptions options = options(format).maxStringLength(relation.limitFor(LONG_TEXT)).build();

    assertVerdict(relation, entry, judge(entry, options, payload), "longer than");
    assertFullPassVerdict(relation, entry, format, options, payload, "longer than");
  }

  @ParameterizedTest(name = "{0}: {1} the limit")
  @MethodSource("entriesAndRelations")
  void string_length_of_a_json_member_name(Entry entry, Relation relation) {
    byte[] payload = utf8(minimalJsonWithUnknownMember("N".repeat(LONG_TEXT), "1"));
    ValidatorOptions options =
        options(PayloadFormat.JSON)
            .mode(ValidatorOptions.Mode.TOLERANT)
            .maxStringLength(relation.limitFor(LONG_TEXT))
            .build();

    assertVerdict(relation, entry, judge(entry, options, payload), "longer than");
    assertFullPassVerdict(relation, entry, PayloadFormat.JSON, options, payload, "longer than");
  }

  /** XML names have a fixed limit of 1,000 characters (SECURITY.md), whatever the options. */
  @ParameterizedTest(name = "{0}: {1} the limit")
  @MethodSource("entriesAndRelations")
  void length_of_an_xml_name(Entry entry, Relation relation) {
    int limit = 1000;
    String name = "N".repeat(limit - relation.headroom);
    String fixture = text(minimal(PayloadFormat.XML));
    byte[] payload = utf8(fixture.replace("<JobsDetail>", "<JobsDetail><" + name + "/>"));
    ValidatorOptions options = options(PayloadFormat.XML).mode(ValidatorOptions.Mode.TOLERANT).build();

    assertVerdict(relation, entry, judge(entry, options, payload), "longer than 1,000");
    assertFullPassVerdict(relation, entry, PayloadFormat.XML, options, payload, "longer than 1,000");
  }

  // ---- number length and exponent (JSON) ----

  private static final int LONG_NUMBER = 30;

  private static Stream<Arguments> numberShapesEntriesAndRelations() {
    // Each shape has LONG_NUMBER digits.
    List<Function<String, String>> shapes =
        List.of(
            digits -> digits,
            digits -> "-" + digits,
            digits -> digits.substring(0, 10) + "." + digits.substring(10),
            digits -> digits.substring(0, 10) + "." + digits.substring(10, LONG_NUMBER - 1) + "e" + digits.charAt(0));
    String digits = "1" + "2".repeat(LONG_NUMBER - 1);
    return shapes.stream()
        .map(shape -> shape.apply(digits))
        .flatMap(number -> entriesAndRelations().map(a -> Arguments.of(number, a.get()[0], a.get()[1])));
  }

  @ParameterizedTest(name = "{0}, {1}: {2} the limit")
  @MethodSource("numberShapesEntriesAndRelations")
  void number_length(String number, Entry entry, Relation relation) {
    assertEquals(LONG_NUMBER, number.chars().filter(Character::isDigit).count());
    byte[] payload = utf8(minimalJsonWithUnknownMember("Number", number));
    ValidatorOptions options =
        options(PayloadFormat.JSON)
            .mode(ValidatorOptions.Mode.TOLERANT)
            .maxNumberLength(relation.limitFor(LONG_NUMBER))
            .build();

    assertVerdict(relation, entry, judge(entry, options, payload), "digits");
    assertFullPassVerdict(relation, entry, PayloadFormat.JSON, options, payload, "digits");
  }

  private static Stream<Arguments> exponents() {
    Stream<Arguments> cases =
        Stream.of(
            Arguments.of("1e999", Relation.ONE_UNDER),
            Arguments.of("1e1000", Relation.AT),
            Arguments.of("1e1001", Relation.ONE_OVER),
            Arguments.of("1E+1000", Relation.AT),
            Arguments.of("1E+1001", Relation.ONE_OVER),
            Arguments.of("1e01000", Relation.AT),
            Arguments.of("1e001001", Relation.ONE_OVER),
            Arguments.of("-2.5e-999", Relation.ONE_UNDER),
            Arguments.of("1e-1000", Relation.AT),
            Arguments.of("1e-1001", Relation.ONE_OVER),
            Arguments.of("1e10000", Relation.ONE_OVER));
    return cases.flatMap(c -> Stream.of(Entry.values()).map(entry -> Arguments.of(c.get()[0], entry, c.get()[1])));
  }

  /**
   * Exponents beyond ±1000 are refused (SECURITY.md): a fixed bound rather than an option, so the problem is a value
   * out of range ({@link ProblemCode#VALUE}).
   */
  @ParameterizedTest(name = "{0}, {1}: {2} the limit")
  @MethodSource("exponents")
  void number_exponent(String number, Entry entry, Relation relation) {
    byte[] payload = utf8(minimalJsonWithUnknownMember("Number", number));
    ValidatorOptions options = options(PayloadFormat.JSON).mode(ValidatorOptions.Mode.TOLERANT).build();

    assertVerdict(relation, entry, judge(entry, options, payload), ProblemCode.VALUE, "out of range");
    assertFullPassVerdict(relation, entry, PayloadFormat.JSON, options, payload, ProblemCode.VALUE, "out of range");
  }

  // ---- attributes (XML) ----

  private static Stream<Arguments> attributeLimits() {
    return Stream.of(1, 3, ValidatorOptions.DEFAULT_MAX_ATTRIBUTES)
        .flatMap(limit -> entriesAndRelations().map(a -> Arguments.of(limit, a.get()[0], a.get()[1])));
  }

  @ParameterizedTest(name = "limit {0}, {1}: {2} the limit")
  @MethodSource("attributeLimits")
  void attributes(int limit, Entry entry, Relation relation) {
    int count = limit - relation.headroom;
    StringBuilder attributes = new StringBuilder();
    for (int i = 1; i <= count; i++) {
      attributes.append(" a").append(i).append("=\"").append(i).append('"');
    }
    String fixture = text(minimal(PayloadFormat.XML));
    assertTrue(fixture.startsWith("<Response>"));
    byte[] payload = utf8("<Response" + attributes + ">" + fixture.substring("<Response>".length()));
    // Tolerant: the attributes themselves are nodes the contract does not know, warnings only.
    ValidatorOptions.Builder options = options(PayloadFormat.XML).mode(ValidatorOptions.Mode.TOLERANT);
    if (limit != ValidatorOptions.DEFAULT_MAX_ATTRIBUTES) {
      options.maxAttributes(limit);
    }

    Verdict verdict = judge(entry, options.build(), payload);

    assertVerdict(relation, entry, verdict, "attributes");
    assertFullPassVerdict(relation, entry, PayloadFormat.XML, options.build(), payload, "attributes");
    if (relation.accepted()) {
      assertEquals(
          count == 0 ? List.of() : List.of(ProblemCode.UNKNOWN_NODE),
          verdict.validation().warnings().stream().map(Problem::code).toList(),
          "the attributes are reported as one unknown node");
    }
  }

  /** Gives at most 300 bytes per read and counts what it gave. */
  static final class TricklingStream extends InputStream {
    private final byte[] bytes;
    private final boolean stalls;
    private int at;
    private int reads;

    TricklingStream(byte[] bytes) {
      this(bytes, false);
    }

    /** {@code stalls}: every other read gives no byte (before the end). */
    TricklingStream(byte[] bytes, boolean stalls) {
      this.bytes = bytes;
      this.stalls = stalls;
    }

    int taken() {
      return at;
    }

    @Override
    public int read() {
      return at < bytes.length ? bytes[at++] & 0xff : -1;
    }

    @Override
    public int read(byte[] into, int offset, int length) {
      if (length == 0) {
        return 0;
      }
      if (at >= bytes.length) {
        return -1;
      }
      if (stalls && reads++ % 2 == 0) {
        return 0;
      }
      int n = Math.min(Math.min(length, 300), bytes.length - at);
      System.arraycopy(bytes, at, into, offset, n);
      at += n;
      return n;
    }
  }
}
