package dev.cicallback.validator;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cicallback.model.json.Callback;
import dev.cicallback.validator.internal.core.Sentences;
import dev.cicallback.validator.internal.json.LeftOutWhenEmpty;
import dev.cicallback.validator.internal.json.ModelMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/**
 * Writes the model in either wire form, as CI does: JSON with arrays for repeatable nodes and empty nodes left out;
 * XML under a {@code Response} root, one element per member and one per array item.
 */
public final class CallbackWriter {

  private static final ObjectMapper MAPPER = ModelMapper.MAPPER;
  /** Four-space indents and {@code "Key": value}, like CI's own samples. */
  private static final DefaultPrettyPrinter PRETTY =
      new DefaultPrettyPrinter(
              Separators.createDefaultInstance()
                  .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                  .withRootSeparator(""))
          .withObjectIndenter(new DefaultIndenter("    ", "\n"))
          .withArrayIndenter(new DefaultIndenter("    ", "\n"));
  private static final String INDENT = "    ";

  private CallbackWriter() {}

  public static byte[] write(Callback callback, PayloadFormat format) {
    return format == PayloadFormat.XML ? toXml(callback) : toJson(callback);
  }

  public static byte[] toJson(Callback callback) {
    return toJson(tree(callback));
  }

  /**
   * A content-moderation callback as CI sends it: JSON, its numbers as JSON numbers and CosHeaders as an object; every
   * value read is written back, empty texts included.
   */
  public static byte[] toJson(ModerationCallback moderation) {
    return toJson(tree(moderation));
  }

  /**
   * A content-moderation callback in the contract's XML reading ({@code schema/xml/moderation-detail.xsd},
   * {@code moderation-simple.xsd}), which CI never sends: a {@code Response} root, one element per member and array
   * item, a number as its decimal text, each CosHeaders member an element named after its key. For XML tools; the
   * validator and the reader take moderation callbacks as JSON.
   *
   * @throws UnwritableAsXml if the body holds what XML cannot carry: a CosHeaders key that is no element name, or a
   *     character XML 1.0 cannot carry
   */
  public static byte[] toXml(ModerationCallback moderation) {
    return toXml(tree(moderation));
  }

  /** A moderation callback's JSON tree: its form's model as Jackson writes it (null members left out). */
  static ObjectNode tree(ModerationCallback moderation) {
    Objects.requireNonNull(moderation, "moderation");
    Object body = moderation instanceof ModerationCallback.Detail detail ? detail.body()
        : ((ModerationCallback.Simple) moderation).body();
    return MAPPER.valueToTree(body);
  }

  /**
   * A callback's JSON tree (as read, or edited) in CI's JSON layout, node for node: nothing is left out, and nothing
   * is checked against the contract.
   */
  public static byte[] toJson(JsonNode tree) {
    Objects.requireNonNull(tree, "tree");
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      MAPPER.writer(PRETTY).writeValue(out, tree);
      out.write('\n');
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The callback as CI's XML: no declaration, a {@code Response} root, one element per member and array item. A node
   * the XSD requires that may be empty, and that the model does not hold (CI's JSON leaves such a node out when it
   * is empty: {@code "MediaResult": {}}), is written as an empty element ({@code <OutputFile></OutputFile>}), so
   * that a valid callback read from JSON is valid XML too.
   *
   * @throws UnwritableAsXml if a text holds a character XML 1.0 cannot carry (a control character other than tab,
   *     line feed and carriage return, or U+FFFE/U+FFFF), which JSON can
   */
  public static byte[] toXml(Callback callback) {
    ObjectNode tree = tree(callback);
    LeftOutWhenEmpty.restore(tree);
    return toXml(tree);
  }

  /**
   * A callback's JSON tree (as read, or edited) as CI's XML, node for node: nothing is left out (a null or an empty
   * text is an empty element), and nothing is checked against the contract.
   *
   * @throws UnwritableAsXml if the tree holds what XML cannot carry: a member name that is no element name, an array
   *     in an array, or a character XML 1.0 cannot carry
   */
  public static byte[] toXml(ObjectNode tree) {
    Objects.requireNonNull(tree, "tree");
    StringBuilder xml = new StringBuilder(4096).append("<Response>");
    writeMembers(xml, tree, 1);
    xml.append("\n</Response>\n");
    return xml.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** An XML element name without a colon (the callback has no namespaces); ASCII covers every name CI uses. */
  private static final java.util.regex.Pattern XML_NAME =
      java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9._-]*");

  /** A callback whose text XML 1.0 cannot carry; the message names the node and the character. */
  public static final class UnwritableAsXml extends IllegalArgumentException {
    UnwritableAsXml(String message) {
      super(message);
    }
  }

  /** The model as CI's JSON tree: empty strings, arrays and objects left out. */
  static ObjectNode tree(Callback callback) {
    Objects.requireNonNull(callback, "callback");
    ObjectNode tree = MAPPER.valueToTree(callback);
    prune(tree);
    return tree;
  }

  private static boolean prune(JsonNode node) {
    if (node instanceof ObjectNode object) {
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        if (prune(it.next().getValue())) {
          it.remove();
        }
      }
      return object.isEmpty();
    }
    if (node instanceof ArrayNode array) {
      for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
        if (prune(it.next())) {
          it.remove();
        }
      }
      return array.isEmpty();
    }
    return node.isNull() || node.isTextual() && node.asText().isEmpty();
  }

  private static void writeMembers(StringBuilder xml, JsonNode object, int depth) {
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> member = it.next();
      if (member.getValue().isArray()) {
        for (JsonNode item : member.getValue()) {
          writeElement(xml, member.getKey(), item, depth);
        }
      } else {
        writeElement(xml, member.getKey(), member.getValue(), depth);
      }
    }
  }

  private static void writeElement(StringBuilder xml, String name, JsonNode value, int depth) {
    // Only nodes the contract does not know (kept by a tolerant read of JSON, or edited in) can break these.
    if (!XML_NAME.matcher(name).matches()) {
      throw new UnwritableAsXml(
          "the member \"" + Sentences.abbreviate(name, 60) + "\" is not an XML element name; only JSON can carry it");
    }
    if (value.isArray()) {
      throw new UnwritableAsXml(name + " holds an array inside an array; only JSON can carry it");
    }
    xml.append('\n').append(INDENT.repeat(depth)).append('<').append(name).append('>');
    if (value.isObject() && !value.isEmpty()) {
      writeMembers(xml, value, depth + 1);
      xml.append('\n').append(INDENT.repeat(depth));
    } else if (!value.isNull()) {
      escape(xml, name, value.asText());
    }
    xml.append("</").append(name).append('>');
  }

  /**
   * Element text as XML writes it: {@code & < >} escaped, a carriage return as {@code &#13;} (a parser would turn a
   * literal one into a line feed), and no character XML 1.0 cannot carry.
   */
  private static void escape(StringBuilder xml, String name, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> xml.append("&amp;");
        case '<' -> xml.append("&lt;");
        case '>' -> xml.append("&gt;");
        case '\r' -> xml.append("&#13;");
        case '\t', '\n' -> xml.append(c);
        default -> {
          if (c < 0x20 || c == '\uFFFE' || c == '\uFFFF') {
            throw new UnwritableAsXml(
                String.format("%s holds U+%04X, a character XML 1.0 cannot carry; only JSON can", name, (int) c));
          }
          xml.append(c);
        }
      }
    }
  }
}
