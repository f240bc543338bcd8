package dev.cicallback.cli.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cicallback.contract.SecureXml;
import dev.cicallback.validator.PayloadFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The few nodes a line about a body shows (EventName; the first job's Tag, State and JobId; the workflow run's State
 * and RunId), read from a body the validator found well-formed and within its limits, valid or not: so a body the
 * contract refuses for one value still says which job it is. Never asked about one it did not (that body is
 * hostile): {@link Received} asks only then.
 */
final class Glance {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final XMLInputFactory XML = SecureXml.streamReaders();

  static {
    XML.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
  }

  private static final java.util.regex.Pattern WANTED =
      java.util.regex.Pattern.compile("Response/(JobsDetail|WorkflowExecution)/(Tag|State|JobId|RunId)");

  private Glance() {}

  /** Node paths ({@code EventName}, {@code JobsDetail/Tag}, {@code WorkflowExecution/RunId}, ...) to their text. */
  static Map<String, String> of(byte[] body, PayloadFormat format) {
    try {
      return format == PayloadFormat.JSON ? json(body) : xml(body);
    } catch (IOException | XMLStreamException | RuntimeException e) {
      return Map.of(); // a glance only: the verdict has the problems
    }
  }

  private static Map<String, String> json(byte[] body) throws IOException {
    Map<String, String> found = new HashMap<>();
    JsonNode tree = JSON.readTree(body);
    put(found, "EventName", tree.get("EventName"));
    // A content-moderation callback's Simple form: its event and trace_id.
    put(found, "data/event", tree.path("data").get("event"));
    put(found, "data/trace_id", tree.path("data").get("trace_id"));
    for (String parent : new String[] {"JobsDetail", "WorkflowExecution"}) {
      JsonNode node = tree.get(parent);
      node = node != null && node.isArray() ? node.get(0) : node;
      if (node != null && node.isObject()) {
        for (String child : new String[] {"Tag", "State", "JobId", "RunId"}) {
          put(found, parent + "/" + child, node.get(child));
        }
      }
    }
    return found;
  }

  private static void put(Map<String, String> found, String path, JsonNode value) {
    if (value != null && value.isValueNode() && !value.isNull()) {
      found.putIfAbsent(path, value.asText());
    }
  }

  private static Map<String, String> xml(byte[] body) throws XMLStreamException {
    Map<String, String> found = new HashMap<>();
    XMLStreamReader reader = XML.createXMLStreamReader(new ByteArrayInputStream(body));
    try {
      Deque<String> path = new ArrayDeque<>();
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          path.addLast(reader.getLocalName());
          String at = String.join("/", path);
          if (path.size() == 2 && at.equals("Response/EventName")
              || path.size() == 3 && WANTED.matcher(at).matches()) {
            String text = reader.getElementText(); // leaves the reader on the end tag
            path.removeLast();
            found.putIfAbsent(at.substring("Response/".length()), text);
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          path.removeLast();
        }
      }
    } catch (XMLStreamException e) {
      // an element with children where text was looked for: what was found so far stands
    } finally {
      reader.close();
    }
    return found;
  }
}
