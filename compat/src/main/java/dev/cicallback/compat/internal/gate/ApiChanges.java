package dev.cicallback.compat.internal.gate;

import dev.cicallback.contract.SecureXml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The incompatible changes in a japicmp XML report: each {@code compatibilityChange} that is not binary or not source
 * compatible, with the class it is in (and the member, when it is in one).
 */
public final class ApiChanges {

  /**
   * One incompatible change of the model's API.
   *
   * @param type the class, fully qualified
   * @param member the method, constructor or field, or "" for the class itself
   * @param change japicmp's name for the change ({@code METHOD_REMOVED}, ...)
   * @param binaryCompatible whether code compiled against the old jar still links
   * @param sourceCompatible whether code written against the old jar still compiles
   */
  public record Change(String type, String member, String change, boolean binaryCompatible, boolean sourceCompatible) {
    @Override
    public String toString() {
      return type + (member.isEmpty() ? "" : "#" + member) + " " + change
          + (binaryCompatible ? "" : " (binary incompatible)") + (sourceCompatible ? "" : " (source incompatible)");
    }
  }

  private ApiChanges() {}

  /** The incompatible changes in the report at {@code file}. */
  public static List<Change> read(Path file) throws IOException {
    XMLInputFactory factory = SecureXml.streamReaders();
    Set<Change> changes = new LinkedHashSet<>();
    try (InputStream in = Files.newInputStream(file)) {
      XMLStreamReader xml = factory.createXMLStreamReader(in);
      Deque<String[]> open = new ArrayDeque<>(); // element name, its name-like attribute
      try {
        while (xml.hasNext()) {
          int event = xml.next();
          if (event == XMLStreamConstants.START_ELEMENT) {
            String element = xml.getLocalName();
            String name = switch (element) {
              case "class" -> attribute(xml, "fullyQualifiedName");
              case "method", "constructor", "field" -> attribute(xml, "name");
              default -> "";
            };
            open.push(new String[] {element, name});
            if (element.equals("compatibilityChange")) {
              boolean binary = !"false".equals(xml.getAttributeValue(null, "binaryCompatible"));
              boolean source = !"false".equals(xml.getAttributeValue(null, "sourceCompatible"));
              if (!binary || !source) {
                changes.add(new Change(enclosing(open, "class"), member(open), attribute(xml, "type"), binary,
                    source));
              }
            }
          } else if (event == XMLStreamConstants.END_ELEMENT) {
            open.pop();
          }
        }
      } finally {
        xml.close();
      }
    } catch (XMLStreamException e) {
      throw new IOException(file + ": not a japicmp XML report: " + e.getMessage(), e);
    }
    return new ArrayList<>(changes);
  }

  private static String attribute(XMLStreamReader xml, String name) {
    String value = xml.getAttributeValue(null, name);
    return value == null ? "" : value;
  }

  private static String enclosing(Deque<String[]> open, String element) {
    for (String[] entry : open) {
      if (entry[0].equals(element)) {
        return entry[1];
      }
    }
    return "";
  }

  private static String member(Deque<String[]> open) {
    for (String[] entry : open) {
      if (entry[0].equals("class")) {
        return "";
      }
      if (entry[0].equals("method") || entry[0].equals("constructor") || entry[0].equals("field")) {
        return entry[1];
      }
    }
    return "";
  }
}
