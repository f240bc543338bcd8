package dev.cicallback.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import org.openjdk.jmh.infra.Blackhole;

/** The baseline every benchmark is measured against: a parse that touches every token, no validation, no objects. */
final class BareParse {

  private BareParse() {}

  static void touchEveryToken(byte[] payload, boolean isXml, XMLInputFactory stax, JsonFactory json, Blackhole sink)
      throws Exception {
    if (isXml) {
      XMLStreamReader xml = stax.createXMLStreamReader(new ByteArrayInputStream(payload));
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamReader.START_ELEMENT) {
          sink.consume(xml.getLocalName());
        } else if (event == XMLStreamReader.CHARACTERS) {
          sink.consume(xml.getText());
        }
      }
      xml.close();
    } else {
      try (JsonParser parser = json.createParser(payload)) {
        JsonToken token;
        while ((token = parser.nextToken()) != null) {
          sink.consume(token == JsonToken.FIELD_NAME || token.isScalarValue() ? parser.getText() : token);
        }
      }
    }
  }
}
