package dev.cicallback.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cicallback.validator.CallbackReader;
import dev.cicallback.validator.Problem;
import dev.cicallback.validator.ReadResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;

/**
 * A service's class path often holds Apache Xerces, pulled in by another library, and Xerces registers itself as the
 * JAXP provider. The library must not pick it up: it uses the JDK's own parser and schema validator, whose hardening
 * and XSD support its tests cover. (Before, every XML callback came back "cannot judge the payload".)
 */
class ForeignXmlProviderTest {

  private static final Path EXAMPLES = Path.of(System.getProperty("schema.dir", "../schema")).resolve("examples");
  private static final CallbackReader READER = CallbackReader.strict();

  @Test
  void apache_xerces_is_the_registered_provider_in_this_module() {
    assertEquals("org.apache.xerces.jaxp.SAXParserFactoryImpl", SAXParserFactory.newInstance().getClass().getName());
    assertEquals(
        "org.apache.xerces.jaxp.validation.XMLSchemaFactory",
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).getClass().getName());
  }

  @Test
  void xml_callbacks_are_read_and_refused_as_without_it() throws Exception {
    ReadResult valid = READER.read(Files.readAllBytes(EXAMPLES.resolve("xml/valid-seed-workflow.xml")));
    ReadResult invalid = READER.read(Files.readAllBytes(EXAMPLES.resolve("xml/invalid-volume-above-10.xml")));

    assertTrue(valid.isValid(), valid.problems()::toString);
    assertEquals("j707f4864f86811ecb90d0b03267ce0e5", valid.callback().orElseThrow().getJobsDetail().get(0).getJobId());
    assertEquals(1, invalid.problems().size(), invalid.problems()::toString);
    Problem problem = invalid.problems().get(0);
    assertEquals("/Response/JobsDetail[1]/Operation/TtsTpl/Volume", problem.location());
    assertEquals(43, problem.line());
  }

  @Test
  void the_hardening_holds() {
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE Response [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
        + "<Response><EventName>&x;</EventName></Response>";

    ReadResult read = READER.read(xxe.getBytes(StandardCharsets.UTF_8));

    assertFalse(read.isValid());
    assertTrue(read.problems().get(0).message().contains("DOCTYPE"), read.problems()::toString);
  }
}
