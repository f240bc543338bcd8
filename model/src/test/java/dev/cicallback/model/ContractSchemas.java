package dev.cicallback.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.cicallback.contract.Contract;
import dev.cicallback.contract.SchemaFiles;
import dev.cicallback.contract.SchemaForm;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Validator;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * The packaged schemas, loaded from this module's classpath with every external access off: the union entry, and
 * each per-Tag entry ({@code <tag>-callback.*}) for the payloads of its Tag, as docs/contract.md tells xmllint and ajv.
 */
final class ContractSchemas {

  private static final javax.xml.validation.Schema XSD = SchemaFiles.newXsdSchema(SchemaFiles.CALLBACK_XSD);
  private static final Schema JSON_SCHEMA = loadJsonSchema(SchemaFiles.CALLBACK_JSON_SCHEMA);
  static final ObjectMapper MAPPER = new ObjectMapper();

  private ContractSchemas() {}

  /** Problems the XSD finds in {@code payload}; empty when valid. */
  static List<String> xmlProblems(byte[] payload) {
    return xmlProblems(payload, XSD);
  }

  /**
   * Problems the union XSD finds in {@code payload}, then those of the per-Tag entry of each job Tag that has one
   * (a TTS job's {@code tts-callback.xsd}); empty when every one finds it valid.
   */
  static List<String> xmlProblemsWithTagEntries(byte[] payload) {
    List<String> problems = new ArrayList<>(xmlProblems(payload, XSD));
    for (String entry : entries(SchemaForm.XSD, xmlTags(payload))) {
      xmlProblems(payload, SchemaFiles.newXsdSchema(entry + ".xsd")).forEach(p -> problems.add(entry + ": " + p));
    }
    return problems;
  }

  /** As {@link #xmlProblemsWithTagEntries}, for the JSON Schema. */
  static List<String> jsonProblemsWithTagEntries(byte[] payload) {
    List<String> problems = new ArrayList<>(jsonProblems(payload));
    try {
      JsonNode tree = MAPPER.readTree(payload);
      for (String entry : entries(SchemaForm.JSON_SCHEMA, jsonTags(tree))) {
        loadJsonSchema(entry + ".schema.json").validate(tree).forEach(e -> problems.add(entry + ": " + e));
      }
    } catch (IOException e) {
      // not JSON: jsonProblems said so
    }
    return problems;
  }

  /** The per-Tag entries of {@code form} for {@code tags}, from the contract. */
  private static Set<String> entries(SchemaForm form, Set<String> tags) {
    Set<String> entries = new TreeSet<>();
    for (String tag : tags) {
      Contract.packaged().tagRequirements(form).getOrDefault(tag, List.of()).forEach(r -> entries.add(r.entry()));
    }
    return entries;
  }

  /** The Tags of an XML payload's jobs ({@code /Response/JobsDetail/Tag}); none when it cannot be read. */
  private static Set<String> xmlTags(byte[] payload) {
    Set<String> tags = new TreeSet<>();
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Element root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(payload)).getDocumentElement();
      for (Node job = root.getFirstChild(); job != null; job = job.getNextSibling()) {
        if (job.getNodeName().equals("JobsDetail")) {
          for (Node child = job.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeName().equals("Tag")) {
              tags.add(child.getTextContent());
            }
          }
        }
      }
    } catch (Exception e) {
      // not XML: xmlProblems says so
    }
    return tags;
  }

  /** The Tags of a JSON payload's jobs ({@code /JobsDetail/Tag}, or each item's). */
  private static Set<String> jsonTags(JsonNode tree) {
    Set<String> tags = new TreeSet<>();
    JsonNode jobs = tree.path("JobsDetail");
    for (JsonNode job : jobs.isArray() ? jobs : List.of(jobs)) {
      if (job.path("Tag").isTextual()) {
        tags.add(job.path("Tag").asText());
      }
    }
    return tags;
  }

  private static List<String> xmlProblems(byte[] payload, javax.xml.validation.Schema xsd) {
    List<String> problems = new ArrayList<>();
    try {
      Validator validator = xsd.newValidator();
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      validator.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      validator.setErrorHandler(
          new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {}

            @Override
            public void error(SAXParseException e) {
              problems.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
              error(e);
            }
          });
      validator.validate(new StreamSource(new ByteArrayInputStream(payload)));
    } catch (SAXParseException e) {
      if (problems.isEmpty()) {
        problems.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
      }
    } catch (Exception e) {
      problems.add(e.toString());
    }
    return problems;
  }

  /** Problems the JSON Schema finds in {@code payload}; empty when valid. */
  static List<String> jsonProblems(byte[] payload) {
    try {
      return JSON_SCHEMA.validate(MAPPER.readTree(payload)).stream().map(Error::toString).toList();
    } catch (IOException e) {
      return List.of("not JSON: " + e.getMessage());
    }
  }

  private static Schema loadJsonSchema(String entry) {
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder ->
                builder.schemaIdResolvers(
                    resolvers ->
                        resolvers.mapPrefix(
                            SchemaFiles.JSON_ID_PREFIX, "classpath:" + SchemaFiles.JSON_DIR)));
    return registry.getSchema(SchemaLocation.of(SchemaFiles.jsonSchemaId(entry)));
  }
}
