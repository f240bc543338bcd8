package dev.cicallback.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.cicallback.contract.SchemaFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/** The packaged schemas, loaded from this module's classpath with every external access off. */
final class ContractSchemas {

  private static final javax.xml.validation.Schema XSD = SchemaFiles.newXsdSchema(SchemaFiles.CALLBACK_XSD);
  private static final Schema JSON_SCHEMA = loadJsonSchema();
  static final ObjectMapper MAPPER = new ObjectMapper();

  private ContractSchemas() {}

  /** Problems the XSD finds in {@code payload}; empty when valid. */
  static List<String> xmlProblems(byte[] payload) {
    List<String> problems = new ArrayList<>();
    try {
      Validator validator = XSD.newValidator();
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

  private static Schema loadJsonSchema() {
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder ->
                builder.schemaIdResolvers(
                    resolvers ->
                        resolvers.mapPrefix(
                            SchemaFiles.JSON_ID_PREFIX, "classpath:" + SchemaFiles.JSON_DIR)));
    return registry.getSchema(SchemaLocation.of(SchemaFiles.jsonSchemaId(SchemaFiles.CALLBACK_JSON_SCHEMA)));
  }
}
