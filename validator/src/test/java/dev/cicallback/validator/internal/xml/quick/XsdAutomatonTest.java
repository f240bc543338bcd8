package dev.cicallback.validator.internal.xml.quick;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cicallback.contract.Contract;
import dev.cicallback.contract.UnreadableSchemaException;
import dev.cicallback.validator.ValidatorOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The XSD compiled for the quick verdict: the packaged file is what compiling the packaged XSD gives, two compilations
 * write the same bytes, and a construct the compiler does not read is refused rather than ignored.
 */
class XsdAutomatonTest {

  @Test
  void the_packaged_file_is_the_packaged_xsd_compiled() throws IOException {
    byte[] compiled = XsdAutomatonFile.write(XsdAutomaton.compile());
    byte[] packaged;
    try (InputStream in = getClass().getResourceAsStream("/" + XsdAutomatonFile.RESOURCE)) {
      assertTrue(in != null, "no " + XsdAutomatonFile.RESOURCE + " on the classpath: the build step did not run");
      packaged = in.readAllBytes();
    }

    assertArrayEquals(compiled, packaged, "the packaged compiled XSD is stale: rebuild the validator");
    assertArrayEquals(compiled, XsdAutomatonFile.write(XsdAutomaton.compile()));
  }

  @Test
  void the_file_reads_back_into_the_same_automaton() throws IOException {
    byte[] written = XsdAutomatonFile.write(XsdAutomaton.compile());

    XsdAutomaton read = XsdAutomatonFile.read(new ByteArrayInputStream(written));

    assertArrayEquals(written, XsdAutomatonFile.write(read));
    assertEquals(1, read.roots.size(), "callback.xsd declares one root, Response");
  }

  @Test
  void reads_a_small_schema_of_every_construct_it_knows() {
    XsdAutomaton automaton = compile("""
        <xs:element name="R"><xs:complexType><xs:sequence>
          <xs:element name="A" type="Word"/>
          <xs:choice minOccurs="0" maxOccurs="unbounded">
            <xs:element name="B" type="xs:string"/>
            <xs:group ref="G"/>
          </xs:choice>
          <xs:element name="D" type="Pair" minOccurs="0">
            <xs:key name="D-has-X"><xs:selector xpath="."/><xs:field xpath="X"/></xs:key>
          </xs:element>
        </xs:sequence></xs:complexType></xs:element>
        <xs:group name="G"><xs:choice><xs:element name="C" type="xs:string"/></xs:choice></xs:group>
        <xs:complexType name="Pair"><xs:all>
          <xs:element name="X" type="xs:string"/><xs:element name="Y" type="xs:string" minOccurs="0"/>
        </xs:all></xs:complexType>
        <xs:simpleType name="Word"><xs:restriction base="xs:string">
          <xs:pattern value="[a-z]+"/><xs:pattern value="[0-9]{2}"/>
        </xs:restriction></xs:simpleType>""");
    XsdVerdict verdict = new XsdVerdict(automaton);

    for (String valid : new String[] {"<R><A>ab</A></R>", "<R><A>12</A><C/><B>x</B><C/></R>", "<R><A>a</A><D><X/></D></R>",
        "<R><A>a</A><D><Y>y</Y><X>x</X></D></R>"}) {
      assertTrue(passes(verdict, valid), valid);
    }
    for (String invalid : new String[] {"<R/>", "<R><A>1</A></R>", "<R><A>a</A><D/></R>", "<R><A>a</A><D><Y/></D></R>",
        "<R><A>a</A><D><X/><X/></D></R>", "<R><A>a</A><D/><B/></R>", "<R><B/><A>a</A></R>", "<A>a</A>"}) {
      assertEquals(false, passes(verdict, invalid), invalid);
    }
  }

  private static final String CONTENT_KINDS = """
      <xs:element name="R"><xs:complexType><xs:sequence>
        <xs:element name="E" minOccurs="0"><xs:complexType/></xs:element>
        <xs:element name="A" type="Word" minOccurs="0"/>
        <xs:element name="S" type="xs:string" minOccurs="0"/>
      </xs:sequence></xs:complexType></xs:element>
      <xs:simpleType name="Word"><xs:restriction base="xs:string"><xs:pattern value="[a-z]+"/></xs:restriction>
      </xs:simpleType>""";

  /**
   * CDATA sections, comments and processing instructions in empty, element-only and simple content, judged by the
   * verdict and by the JDK's schema validator behind its parser, as the full pass runs them: the same verdict, except
   * that a CDATA section in an element declared empty is left to the parser.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "<R><E/></R>", "<R><E><!--c--></E></R>", "<R><E><?pi d?></E></R>", "<R><E><!--c--><?pi?><!--d--></E></R>",
      "<R><E> </E></R>", "<R><E><!--c--> </E></R>", "<R><E><![CDATA[x]]></E></R>", "<R><E><![CDATA[ ]]></E></R>",
      "<R> <!--c--> <E/> <?pi?> </R>", "<R><![CDATA[ ]]><E/><![CDATA[\n]]></R>", "<R><![CDATA[x]]><E/></R>",
      "<R><!--c-->x<E/></R>", "<R><A>ab<![CDATA[c]]><!--c-->d</A></R>", "<R><A>ab<![CDATA[1]]></A></R>",
      "<R><A><![CDATA[]]>ab</A></R>", "<R><A><!--c--></A></R>", "<R><A><![CDATA[]]></A></R>",
      "<R><A>a<?pi x?>b</A></R>", "<R><A>a<?pi x?> b</A></R>", "<R><S><![CDATA[&amp;<]]></S></R>",
      "<R><A><![CDATA[&#97;]]></A></R>", "<R><A>&#97;<![CDATA[b]]></A></R>", "<R><A>a]]></A></R>",
      "<R><A><![CDATA[a]]]></A></R>", "<R><A>a<!--b--c--></A></R>", "<R><A>a<?xml x?></A></R>",
      "<R><A>a<?XmL x?></A></R>", "<R><A>a<?xml-x?></A></R>", "<R><A>a<?p:i?></A></R>"})
  void reads_sections_in_each_kind_of_content_as_the_jdk_does(String xml) throws Exception {
    XsdVerdict verdict = new XsdVerdict(compile(CONTENT_KINDS));
    javax.xml.validation.Schema schema = javax.xml.validation.SchemaFactory
        .newInstance(javax.xml.XMLConstants.W3C_XML_SCHEMA_NS_URI)
        .newSchema(new javax.xml.transform.stream.StreamSource(new java.io.StringReader(
            "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">" + CONTENT_KINDS + "</xs:schema>")));
    javax.xml.parsers.SAXParserFactory parsers = javax.xml.parsers.SAXParserFactory.newDefaultInstance();
    parsers.setNamespaceAware(true);
    org.xml.sax.XMLReader reader = parsers.newSAXParser().getXMLReader();
    javax.xml.validation.ValidatorHandler validator = schema.newValidatorHandler();
    org.xml.sax.ErrorHandler strict = new org.xml.sax.helpers.DefaultHandler() {
      @Override
      public void error(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
        throw e;
      }
    };
    validator.setErrorHandler(strict);
    reader.setErrorHandler(strict);
    reader.setContentHandler(validator);
    boolean jdk;
    try {
      reader.parse(new org.xml.sax.InputSource(new java.io.StringReader(xml)));
      jdk = !xml.contains("<?p:"); // the JDK lets a colon through, Namespaces in XML does not (the full pass refuses)
    } catch (org.xml.sax.SAXException e) {
      jdk = false;
    }

    boolean quick = passes(verdict, xml);

    if (xml.startsWith("<R><E><![CDATA[")) {
      assertEquals(false, quick, xml);
    } else {
      assertEquals(jdk, quick, xml);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "<xs:element name=\"R\"/>",
      "<xs:element name=\"R\" type=\"xs:int\"/>",
      "<xs:element name=\"R\" nillable=\"true\" type=\"xs:string\"/>",
      "<xs:element name=\"R\"><xs:complexType mixed=\"true\"/></xs:element>",
      "<xs:element name=\"R\"><xs:complexType><xs:attribute name=\"a\"/></xs:complexType></xs:element>",
      "<xs:element name=\"R\"><xs:complexType><xs:sequence><xs:any/></xs:sequence></xs:complexType></xs:element>",
      "<xs:element name=\"R\"><xs:complexType><xs:sequence maxOccurs=\"2\"/></xs:complexType></xs:element>",
      "<xs:element name=\"R\"><xs:simpleType><xs:restriction base=\"xs:string\"><xs:maxLength value=\"3\"/>"
          + "</xs:restriction></xs:simpleType></xs:element>",
      "<xs:element name=\"R\"><xs:simpleType><xs:restriction base=\"xs:string\"><xs:pattern value=\"\\d\"/>"
          + "</xs:restriction></xs:simpleType></xs:element>",
      "<xs:element name=\"R\" type=\"xs:string\"><xs:unique name=\"u\"><xs:selector xpath=\"A\"/>"
          + "<xs:field xpath=\"B\"/></xs:unique></xs:element>",
      "<xs:element name=\"R\" type=\"xs:string\"><xs:unique name=\"u\"><xs:selector xpath=\".\"/>"
          + "<xs:field xpath=\"@b\"/></xs:unique></xs:element>",
      "<xs:element name=\"R\"><xs:complexType><xs:choice><xs:element name=\"A\" type=\"xs:string\"/>"
          + "<xs:sequence><xs:element name=\"A\" type=\"xs:string\"/></xs:sequence></xs:choice></xs:complexType>"
          + "</xs:element>",
      "<xs:attribute name=\"a\"/>"})
  void refuses_what_it_does_not_read(String declarations) {
    assertThrows(IllegalArgumentException.class, () -> compile(declarations));
  }

  private static boolean passes(XsdVerdict verdict, String xml) {
    byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
    return verdict.passes(bytes, 0, bytes.length, ValidatorOptions.defaults());
  }

  /** The automaton of a contract whose callback.xsd holds {@code declarations}, read by the contract module. */
  private static XsdAutomaton compile(String declarations) {
    String schema = "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">" + declarations + "</xs:schema>";
    try {
      Path folder = Files.createTempDirectory("contract");
      Files.createDirectories(folder.resolve("xml"));
      Files.writeString(folder.resolve("xml/callback.xsd"), schema, StandardCharsets.UTF_8);
      return XsdAutomaton.compile(Contract.of(folder));
    } catch (IOException | UnreadableSchemaException e) {
      throw new IllegalStateException(e);
    }
  }
}
