package dev.cicallback.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The version a contract folder states: the {@code version} attribute of its entry XSD ({@code xml/callback.xsd})
 * and the {@code x-contract-version} of its entry JSON Schema ({@code json/callback.schema.json}), which must agree.
 * {@code 1.0} and {@code 1.0.0} are the same version.
 *
 * @param text the version as written
 */
public record ContractVersion(String text) {

  private static final String XSD = "xml/callback.xsd";
  private static final String JSON = "json/callback.schema.json";

  /** The major number: {@code 1} of {@code 1.2.0}. */
  public int major() {
    return Integer.parseInt(text.split("\\.")[0]);
  }

  /** The version with three numbers: {@code 1.0} becomes {@code 1.0.0}. */
  public String normalized() {
    String[] parts = text.split("\\.");
    StringBuilder out = new StringBuilder(parts[0]);
    for (int i = 1; i < 3; i++) {
      out.append('.').append(i < parts.length ? parts[i] : "0");
    }
    return out.toString();
  }

  /** Whether {@code other} names the same version ({@code 1.0} and {@code 1.0.0} do). */
  public boolean sameAs(String other) {
    return other.matches("[0-9]+(\\.[0-9]+){0,2}") && new ContractVersion(other).normalized().equals(normalized());
  }

  /** The version of the contract in {@code folder}; the two entries must state one, and the same. */
  public static ContractVersion of(Path folder) throws UnreadableSchemaException {
    return of(SchemaSource.folder(folder));
  }

  static ContractVersion of(SchemaSource source) throws UnreadableSchemaException {
    Map<String, String> stated = new TreeMap<>();
    if (source.exists(XSD)) {
      stated.put(XSD, xsdVersion(source));
    }
    if (source.exists(JSON)) {
      stated.put(JSON, jsonVersion(source));
    }
    if (stated.isEmpty()) {
      throw new UnreadableSchemaException(source + ": neither " + XSD + " nor " + JSON + " states a version");
    }
    String version = null;
    for (Map.Entry<String, String> entry : stated.entrySet()) {
      String value = entry.getValue();
      if (value == null || !value.matches("[0-9]+(\\.[0-9]+){0,2}")) {
        throw new UnreadableSchemaException(source + "/" + entry.getKey() + ": no contract version of the form 1.0 ("
            + (entry.getKey().equals(XSD) ? "the version attribute of xs:schema" : "x-contract-version") + ")");
      }
      if (version != null && !new ContractVersion(version).sameAs(value)) {
        throw new UnreadableSchemaException(source + ": the two forms state different versions: " + stated);
      }
      version = value;
    }
    return new ContractVersion(version);
  }

  /** The {@code version} attribute of the entry XSD's {@code xs:schema}, read without reading further. */
  private static String xsdVersion(SchemaSource source) throws UnreadableSchemaException {
    try (InputStream in = source.open(XSD)) {
      XMLStreamReader xml = SecureXml.streamReaders().createXMLStreamReader(in);
      try {
        while (xml.hasNext()) {
          if (xml.next() == XMLStreamConstants.START_ELEMENT) {
            String version = xml.getAttributeValue(null, "version");
            return version == null ? null : version.strip();
          }
        }
        return null;
      } finally {
        xml.close();
      }
    } catch (IOException | XMLStreamException e) {
      throw new UnreadableSchemaException(XSD + ": cannot be read: " + e.getMessage(), e);
    }
  }

  private static String jsonVersion(SchemaSource source) throws UnreadableSchemaException {
    JsonNode version = LocatedJson.read(source, JSON).root().get("x-contract-version");
    return version == null ? null : version.asText().strip();
  }

  @Override
  public String toString() {
    return text;
  }
}
