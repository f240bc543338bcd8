package dev.cicallback.validator.internal.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cicallback.contract.Contract;
import dev.cicallback.contract.Identity;
import dev.cicallback.contract.SchemaForm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validator's view of a contract tree, built fresh from a small schema of each kind of node: what a message says
 * a leaf allows, which children a container has, which repeat and which are required; and the packaged contract's
 * two views agree on the callback's nodes.
 */
class ContractTreeTest {

  private static final String SCHEMA = """
      <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
        <xs:element name="R"><xs:complexType><xs:sequence>
          <xs:element name="Kind" type="Kind"/>
          <xs:element name="When" type="When" minOccurs="0"/>
          <xs:element name="Code" type="Code" minOccurs="0"/>
          <xs:element name="Note" minOccurs="0">
            <xs:annotation><xs:documentation xml:lang="en">Two letters.</xs:documentation></xs:annotation>
            <xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="[a-z]{2}"/></xs:restriction></xs:simpleType>
          </xs:element>
          <xs:element name="Free" type="xs:string" minOccurs="0"/>
          <xs:element name="Item" type="Item" minOccurs="0" maxOccurs="unbounded"/>
        </xs:sequence></xs:complexType>
          <xs:unique name="ItemIds"><xs:selector xpath="Item"/><xs:field xpath="Id"/></xs:unique>
        </xs:element>
        <xs:simpleType name="Kind"><xs:restriction base="xs:string">
          <xs:enumeration value="A"/><xs:enumeration value="B"/>
        </xs:restriction></xs:simpleType>
        <xs:simpleType name="When">
          <xs:annotation><xs:documentation xml:lang="en">Eight digits: a day.</xs:documentation></xs:annotation>
          <xs:restriction base="xs:string"><xs:pattern value="[0-9]{8}"/></xs:restriction>
        </xs:simpleType>
        <xs:simpleType name="Code"><xs:restriction base="xs:string"><xs:pattern value="[A-Z]+"/></xs:restriction>
        </xs:simpleType>
        <xs:complexType name="Item"><xs:all><xs:element name="Id" type="xs:string"/></xs:all></xs:complexType>
      </xs:schema>
      """;

  private static ContractTree.Node root(Path temp) throws Exception {
    Files.createDirectories(temp.resolve("xml"));
    Files.writeString(temp.resolve("xml/callback.xsd"), SCHEMA, StandardCharsets.UTF_8);
    return new ContractTree(Contract.of(temp).root(SchemaForm.XSD, "callback")).root();
  }

  @Test
  void a_leaf_says_what_it_allows(@TempDir Path temp) throws Exception {
    ContractTree.Node root = root(temp);
    assertEquals(List.of("A", "B"), root.child("Kind").values());
    assertEquals("one of A, B.", root.child("Kind").allowed(), "an enumeration, in the schema's order");
    assertEquals("Eight digits: a day.", root.child("When").allowed(), "a named type's own words");
    assertEquals("text matching [A-Z]+", root.child("Code").allowed(), "a named type without words: its pattern");
    assertEquals("Two letters.", root.child("Note").allowed(), "an inline type: the element's words");
    assertEquals("", root.child("Free").allowed(), "any text");
    assertEquals(List.of(), root.child("When").values());
    assertEquals("eight digits: a day.", ContractTree.expectedValue(root.child("When")));
    assertEquals("another value", ContractTree.expectedValue(root.child("Free")));
    assertEquals("another value", ContractTree.expectedValue(null));
  }

  @Test
  void a_container_knows_its_children(@TempDir Path temp) throws Exception {
    ContractTree.Node root = root(temp);
    assertTrue(root.container());
    assertFalse(root.child("Kind").container());
    assertTrue(root.child("Item").container());
    assertEquals(List.of("Kind", "When", "Code", "Note", "Free", "Item"), root.childNames());
    assertEquals(List.of("Kind"), root.required());
    assertEquals(List.of("Id"), root.child("Item").required());
    assertTrue(root.child("Item").repeatable());
    assertFalse(root.child("Kind").repeatable());
    assertEquals("", root.child("Item").allowed(), "a container allows no value");
    assertNull(root.child("Other"));
    assertEquals("R", root.name());
  }

  @Test
  void an_element_keeps_the_identity_constraints_it_declares(@TempDir Path temp) throws Exception {
    ContractTree.Node root = root(temp);
    assertEquals(List.of(new Identity("ItemIds", false, "Item", List.of("Id"))), root.identities());
    assertEquals(List.of(), root.child("Item").identities());
    assertEquals(List.of(), ContractTree.json().root().identities(), "JSON Schema declares none");
  }

  @Test
  void the_packaged_views_of_both_forms_agree_on_the_callback() {
    ContractTree.Node xml = ContractTree.xml().root();
    ContractTree.Node json = ContractTree.json().root();
    assertEquals(xml.childNames(), json.childNames());
    assertEquals(List.of("EventName"), json.required());
    assertEquals(xml.required(), json.required());
    ContractTree.Node xmlTag = xml.child("JobsDetail").child("Tag");
    ContractTree.Node jsonTag = json.child("JobsDetail").child("Tag");
    assertTrue(xmlTag.values().contains("Tts"), xmlTag.values()::toString);
    assertEquals(xmlTag.values(), jsonTag.values());
    assertEquals(xmlTag.allowed(), jsonTag.allowed());
    assertTrue(xml.child("JobsDetail").repeatable());
    assertTrue(json.child("JobsDetail").repeatable());
  }
}
