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
