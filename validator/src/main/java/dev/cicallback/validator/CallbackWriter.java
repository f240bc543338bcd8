package dev.cicallback.validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cicallback.model.json.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the model in either wire form, as CI does: JSON with arrays for repeatable nodes and empty nodes left out;
 * XML under a {@code Response} root, one element per member and one per array item.
 */
public final class CallbackWriter {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** Four-space indents and {@code "Key": value}, like CI's own samples. */
  private static final DefaultPrettyPrinter PRETTY =
      new DefaultPrettyPrinter(
              Separators.createDefaultInstance()
                  .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                  .withRootSeparator(""))
          .withObjectIndenter(new DefaultIndenter("    ", "\n"))
          .withArrayIndenter(new DefaultIndenter("    ", "\n"));
  private static final String INDENT = "    ";
  /** Looking a factory up costs more than writing a callback; a configured factory is thread-safe. */
  private static final XMLOutputFactory XML_OUTPUT = XMLOutputFactory.newFactory();

  private CallbackWriter() {}

  public static byte[] write(Response callback, PayloadFormat format) {
    return format == PayloadFormat.XML ? toXml(callback) : toJson(callback);
  }

  public static byte[] toJson(Response callback) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      MAPPER.writer(PRETTY).writeValue(out, tree(callback));
      out.write('\n');
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] toXml(Response callback) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      XMLStreamWriter xml = XML_OUTPUT.createXMLStreamWriter(out, "UTF-8");
      xml.writeStartElement("Response");
      writeMembers(xml, tree(callback), 1);
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.flush();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write XML", e);
    }
    return out.toByteArray();
  }

  /** The model as CI's JSON tree: empty strings, arrays and objects left out. */
  static ObjectNode tree(Response callback) {
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

  private static void writeMembers(XMLStreamWriter xml, JsonNode object, int depth) throws XMLStreamException {
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

  private static void writeElement(XMLStreamWriter xml, String name, JsonNode value, int depth)
      throws XMLStreamException {
    xml.writeCharacters("\n" + INDENT.repeat(depth));
    xml.writeStartElement(name);
    if (value.isObject()) {
      writeMembers(xml, value, depth + 1);
      xml.writeCharacters("\n" + INDENT.repeat(depth));
    } else {
      xml.writeCharacters(value.asText());
    }
    xml.writeEndElement();
  }
}
