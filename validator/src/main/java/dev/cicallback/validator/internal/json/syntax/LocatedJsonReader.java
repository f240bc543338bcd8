package dev.cicallback.validator.internal.json.syntax;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cicallback.validator.Problem;
import dev.cicallback.validator.ProblemCode;
import dev.cicallback.validator.ValidatorOptions;
import dev.cicallback.validator.internal.core.JsonPointers;
import dev.cicallback.validator.internal.core.Messages;
import dev.cicallback.validator.internal.core.Sentences;
import dev.cicallback.validator.internal.core.Text;
import dev.cicallback.validator.internal.core.TextPosition;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads JSON bytes into a {@link LocatedJson}, strictly: one document, no duplicate names, no comments or other
 * extensions, bounded depth, string and number lengths. A syntax error becomes a {@link JsonSyntaxError} that names
 * the place and the container being read.
 */
public final class LocatedJsonReader {

  /** Exponents beyond this are refused: the value cannot be a field of a callback, and big ones cost to compare. */
  private static final int MAX_EXPONENT = 1000;

  private final JsonFactory factory;
  /** The same limits without the parser's duplicate-name check, which the quick pass makes itself for less. */
  private final JsonFactory quickFactory;
  private final int maxNodes;

  public LocatedJsonReader(ValidatorOptions options) {
    this.maxNodes = options.maxNodes();
    this.factory = factory(options).enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    this.quickFactory = factory(options).build();
  }

  private static JsonFactoryBuilder factory(ValidatorOptions options) {
    return new JsonFactoryBuilder()
        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .streamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(options.maxDepth())
                .maxStringLength(options.maxStringLength())
                .maxNameLength(options.maxStringLength())
                .maxNumberLength(options.maxNumberLength())
                .maxDocumentLength(options.maxBytes())
                .build());
  }

  /** A syntax or limit error, located. */
  public static final class JsonSyntaxError extends Exception {
    public final Problem problem;

    JsonSyntaxError(Problem problem) {
      super(problem.message(), null, false, false);
      this.problem = problem;
    }
  }

  /** What is open while reading: where it starts and what it is. */
  private record Open(String pointer, boolean array, TextPosition start) {}

  /** The state of one read; the reader itself is shared between threads. */
  private static final class Reading {
    final boolean locate;
    final Map<String, TextPosition> values = new HashMap<>();
    final Map<String, TextPosition> names = new HashMap<>();
    final Deque<Open> open = new ArrayDeque<>();
    int nodes;

    Reading(boolean locate) {
      this.locate = locate;
    }

    String child(String pointer, String name) {
      return locate ? JsonPointers.child(pointer, name) : "";
    }

    String child(String pointer, int index) {
      return locate ? JsonPointers.child(pointer, index) : "";
    }
  }

  /**
   * Reads the document without recording positions, which is faster; a syntax error is still placed (by reading
   * again with them).
   */
  public LocatedJson read(byte[] bytes, int offset, int length) throws JsonSyntaxError {
    try {
      return read(bytes, offset, length, new Reading(false));
    } catch (JsonSyntaxError unplaced) {
      return readLocated(bytes, offset, length);
    }
  }

  /** Reads the document recording where every node starts. */
  public LocatedJson readLocated(byte[] bytes, int offset, int length) throws JsonSyntaxError {
    return read(bytes, offset, length, new Reading(true));
  }

  private LocatedJson read(byte[] bytes, int offset, int length, Reading reading) throws JsonSyntaxError {
    Map<String, TextPosition> values = reading.values;
    Map<String, TextPosition> names = reading.names;
    Deque<Open> open = reading.open;
    try (JsonParser parser = factory.createParser(bytes, offset, length)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new JsonSyntaxError(Messages.error(ProblemCode.SYNTAX, 1, 1, "", Text.SYNTAX_JSON_EMPTY));
      }
      JsonNode root;
      try {
        root = readValue(parser, "", reading);
        JsonToken after = parser.nextToken();
        if (after != null) {
          TextPosition at = position(parser.currentTokenLocation());
          throw new JsonSyntaxError(
              Messages.error(ProblemCode.SYNTAX, at.line(), at.column(), "", Text.SYNTAX_JSON_AFTER));
        }
      } catch (StreamConstraintsException e) {
        throw syntaxError(parser, e, open, ProblemCode.LIMIT, constraintMessage(e));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw syntaxError(parser, e, open, ProblemCode.SYNTAX, JsonSyntaxMessages.describe(e.getOriginalMessage()));
      }
      return new LocatedJson(root, values, names);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      TextPosition at = position(e.getLocation());
      throw new JsonSyntaxError(
          Messages.error(
              ProblemCode.SYNTAX,
              at.line(),
              at.column(),
              "",
              Text.SYNTAX_JSON,
              JsonSyntaxMessages.describe(e.getOriginalMessage())));
    } catch (IOException e) {
      throw new JsonSyntaxError(Messages.error(ProblemCode.SYNTAX, 0, 0, "", Text.SYNTAX_JSON, e.getMessage()));
    }
  }

  private JsonNode readValue(JsonParser parser, String pointer, Reading reading)
      throws IOException, JsonSyntaxError {
    Map<String, TextPosition> names = reading.names;
    Deque<Open> open = reading.open;
    JsonToken token = parser.currentToken();
    TextPosition start = tokenStart(parser, reading);
    if (++reading.nodes > maxNodes) {
      throw new JsonSyntaxError(
          Messages.error(ProblemCode.LIMIT, start.line(), start.column(), pointer, Text.LIMIT_JSON_VALUES, maxNodes));
    }
    if (reading.locate) {
      reading.values.put(pointer, start);
    }
    JsonNodeFactory factory = JsonNodeFactory.instance;
    switch (token) {
      case START_OBJECT -> {
        // Depth needs no check here: the parser's nesting constraint refuses the token that goes too deep.
        open.push(new Open(pointer, false, start));
        ObjectNode object = factory.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          String child = reading.child(pointer, name);
          if (reading.locate) {
            names.put(child, position(parser.currentTokenLocation()));
          }
          requireWholeCharacters(name, child, tokenStart(parser, reading));
          parser.nextToken();
          object.set(name, readValue(parser, child, reading));
        }
        open.pop();
        return object;
      }
      case START_ARRAY -> {
        open.push(new Open(pointer, true, start));
        ArrayNode array = factory.arrayNode();
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(readValue(parser, reading.child(pointer, index++), reading));
        }
        open.pop();
        return array;
      }
      case VALUE_STRING -> {
        String text = parser.getText();
        requireWholeCharacters(text, pointer, start);
        return factory.textNode(text);
      }
      case VALUE_NUMBER_INT -> {
        return factory.numberNode(parser.getBigIntegerValue());
      }
      case VALUE_NUMBER_FLOAT -> {
        String text = parser.getText();
        if (exponentTooLarge(text)) {
          throw new JsonSyntaxError(
              Messages.error(
                  ProblemCode.VALUE,
                  start.line(),
                  start.column(),
                  pointer,
                  Text.VALUE_NUMBER_RANGE,
                  Sentences.abbreviate(text, 40)));
        }
        BigDecimal value = parser.getDecimalValue();
        if (Math.abs((long) value.scale()) > MAX_EXPONENT) {
          throw new JsonSyntaxError(
              Messages.error(
                  ProblemCode.VALUE,
                  start.line(),
                  start.column(),
                  pointer,
                  Text.VALUE_NUMBER_RANGE,
                  Sentences.abbreviate(parser.getText(), 40)));
        }
        return factory.numberNode(value);
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return factory.booleanNode(token == JsonToken.VALUE_TRUE);
      }
      case VALUE_NULL -> {
        return factory.nullNode();
      }
      default -> throw new JsonSyntaxError(
          Messages.error(ProblemCode.SYNTAX, start.line(), start.column(), pointer, Text.SYNTAX_JSON_TOKEN, token));
    }
  }

  /** Whether a JSON number's exponent is beyond what any callback field can mean (checked before it is parsed). */
  private static boolean exponentTooLarge(String number) {
    int e = Math.max(number.indexOf('e'), number.indexOf('E'));
    if (e < 0) {
      return false;
    }
    String digits = number.substring(e + 1).replaceFirst("^[+-]", "").replaceFirst("^0+(?=\\d)", "");
    return digits.length() > 4 || Integer.parseInt(digits) > MAX_EXPONENT;
  }

  /** A \\uD800 escape without its pair is valid JSON syntax but not a character: no callback text holds one. */
  private static void requireWholeCharacters(String text, String pointer, TextPosition at) throws JsonSyntaxError {
    int lone = loneSurrogate(text);
    if (lone >= 0) {
      throw new JsonSyntaxError(
          Messages.error(
              ProblemCode.ENCODING,
              at.line(),
              at.column(),
              pointer,
              Text.ENCODING_LONE_SURROGATE,
              String.format("%04X", lone)));
    }
  }

  /** Whether {@code text} is whole characters: no surrogate without its pair. */
  public static boolean wholeCharacters(String text) {
    return loneSurrogate(text) < 0;
  }

  private static int loneSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return c;
      }
    }
    return -1;
  }

  /**
   * A parser over the bytes with this reader's limits, for a pass that needs no tree: it does not refuse a name given
   * twice in one object, which the pass must check itself (the quick JSON verdict does).
   */
  public JsonParser parser(byte[] bytes, int offset, int length) throws IOException {
    return quickFactory.createParser(bytes, offset, length);
  }

  private static JsonSyntaxError syntaxError(
      JsonParser parser, Exception e, Deque<Open> open, ProblemCode code, String what) {
    JsonLocation location =
        e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null
            ? jpe.getLocation()
            : parser.currentLocation();
    TextPosition at = position(location);
    Open inside = open.peek();
    if (inside == null) {
      return new JsonSyntaxError(Messages.error(code, at.line(), at.column(), "", Text.SYNTAX_JSON, what));
    }
    String pointer = inside.pointer();
    String name = Sentences.abbreviate(JsonPointers.lastToken(pointer), 60);
    String kind = Messages.render(inside.array() ? Text.PART_ARRAY : Text.PART_OBJECT);
    int line = inside.start().line();
    int column = inside.start().column();
    return new JsonSyntaxError(
        name.isEmpty()
            ? Messages.error(
                code, at.line(), at.column(), pointer, Text.SYNTAX_JSON_INSIDE_ROOT, what, kind, line, column)
            : Messages.error(
                code, at.line(), at.column(), pointer, Text.SYNTAX_JSON_INSIDE, what, kind, name, line, column));
  }

  private static String constraintMessage(StreamConstraintsException e) {
    String message = e.getOriginalMessage();
    if (message.contains("String value length")) {
      return Messages.render(Text.PART_LONG_STRING);
    }
    if (message.contains("Name length")) {
      return Messages.render(Text.PART_LONG_NAME);
    }
    if (message.contains("Number value length")) {
      return Messages.render(Text.PART_LONG_NUMBER);
    }
    if (message.contains("nesting depth")) {
      return Messages.render(Text.PART_TOO_DEEP);
    }
    return JsonSyntaxMessages.describe(message);
  }

  /**
   * Where the current token starts, when positions are being recorded; without them an error is placed by reading
   * again, so working it out for every token would be wasted.
   */
  private static TextPosition tokenStart(JsonParser parser, Reading reading) {
    return reading.locate ? position(parser.currentTokenLocation()) : TextPosition.NONE;
  }

  private static TextPosition position(JsonLocation location) {
    if (location == null) {
      return TextPosition.NONE;
    }
    return new TextPosition(Math.max(location.getLineNr(), 0), Math.max(location.getColumnNr(), 0));
  }
}
