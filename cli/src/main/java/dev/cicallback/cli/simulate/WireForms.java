package dev.cicallback.cli.simulate;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * A callback's JSON tree written in either wire form the way {@code CallbackWriter} writes the model (four-space
 * indents; XML under {@code Response}, one element per member and per array item), but from the tree as it is: an
 * edit that the model could not hold (a value the contract refuses, a node it does not know, an empty text) is
 * written as given, never dropped. {@code WireFormsTest} holds both forms to {@code CallbackWriter}'s on every event.
 */
final class WireForms {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final DefaultPrettyPrinter PRETTY =
      new DefaultPrettyPrinter(
              Separators.createDefaultInstance()
                  .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                  .withRootSeparator(""))
          .withObjectIndenter(new DefaultIndenter("    ", "\n"))
          .withArrayIndenter(new DefaultIndenter("    ", "\n"));
  private static final String INDENT = "    ";

  private WireForms() {}

  static byte[] json(ObjectNode tree) {
    try {
      return (MAPPER.writer(PRETTY).writeValueAsString(tree) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The XML form, or a refusal naming the node when the tree holds what XML cannot carry (a member name that is no
   * element name, an array in an array, a control character).
   */
  static byte[] xml(ObjectNode tree) throws PointerEdit.Refused {
    StringBuilder xml = new StringBuilder(4096).append("<Response>");
    members(xml, tree, 1);
    return xml.append("\n</Response>\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void members(StringBuilder xml, JsonNode object, int depth) throws PointerEdit.Refused {
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> member = it.next();
      if (member.getValue().isArray()) {
        for (JsonNode item : member.getValue()) {
          element(xml, member.getKey(), item, depth);
        }
      } else {
        element(xml, member.getKey(), member.getValue(), depth);
      }
    }
  }

  private static void element(StringBuilder xml, String name, JsonNode value, int depth) throws PointerEdit.Refused {
    if (!name.matches("[A-Za-z_][A-Za-z0-9._-]*")) {
      throw new PointerEdit.Refused(
          "the member \"" + name + "\" is no XML element name: only --format json can send it");
    }
    if (value.isArray()) {
      throw new PointerEdit.Refused(name + " holds an array inside an array: only --format json can send it");
    }
    xml.append('\n').append(INDENT.repeat(depth)).append('<').append(name).append('>');
    if (value.isObject()) {
      members(xml, value, depth + 1);
      xml.append('\n').append(INDENT.repeat(depth));
    } else if (!value.isNull()) {
      escape(xml, name, value.asText());
    }
    xml.append("</").append(name).append('>');
  }

  private static void escape(StringBuilder xml, String name, String text) throws PointerEdit.Refused {
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
            throw new PointerEdit.Refused(String.format(
                "%s holds U+%04X, a character XML 1.0 cannot carry: only --format json can send it", name, (int) c));
          }
          xml.append(c);
        }
      }
    }
  }
}
