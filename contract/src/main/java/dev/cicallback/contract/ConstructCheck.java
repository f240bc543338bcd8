package dev.cicallback.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/**
 * Finds the {@link RefusedConstruct}s a schema file uses, with their lines: the XSD vocabulary the contract may use
 * is a list of elements, each with the attributes and children it may have; the JSON Schema vocabulary is a list of
 * keywords.
 */
final class ConstructCheck {

  private static final String XS = XMLConstants.W3C_XML_SCHEMA_NS_URI;

  /** The attributes each XSD element may carry (the occurrence attributes are checked by value as well). */
  private static final Map<String, Set<String>> ATTRIBUTES = Map.ofEntries(
      Map.entry("schema", Set.of("elementFormDefault", "attributeFormDefault", "version")),
      Map.entry("include", Set.of("schemaLocation")),
      Map.entry("element", Set.of("name", "type", "minOccurs", "maxOccurs")),
      Map.entry("complexType", Set.of("name")),
      Map.entry("simpleType", Set.of("name")),
      Map.entry("restriction", Set.of("base")),
      Map.entry("enumeration", Set.of("value")),
      Map.entry("pattern", Set.of("value")),
      Map.entry("sequence", Set.of("minOccurs", "maxOccurs")),
      Map.entry("choice", Set.of("minOccurs", "maxOccurs")),
      Map.entry("all", Set.of()),
      Map.entry("group", Set.of("name", "ref", "minOccurs", "maxOccurs")),
      Map.entry("unique", Set.of("name")),
      Map.entry("key", Set.of("name")),
      Map.entry("selector", Set.of("xpath")),
      Map.entry("field", Set.of("xpath")),
      Map.entry("annotation", Set.of()),
      Map.entry("documentation", Set.of("source")),
      Map.entry("appinfo", Set.of("source")));

  /** JSON Schema keywords with an effect on what a payload may be. */
  private static final Set<String> JSON_ASSERTIONS = Set.of("type", "enum", "pattern", "minimum", "maximum",
      "properties", "additionalProperties", "required", "items", "minItems", "oneOf", "$ref");
  /** JSON Schema keywords that only annotate. */
  static final Set<String> JSON_ANNOTATIONS = Set.of("$schema", "$id", "$defs", "$comment", "title", "description",
      "examples", "default", "javaType", "existingJavaType");

  private final String file;
  private final List<Refusal> found = new ArrayList<>();

  private ConstructCheck(String file) {
    this.file = file;
  }

  /** The refused constructs of an XSD file. */
  static List<Refusal> xsd(String file, Document document) {
    ConstructCheck check = new ConstructCheck(file);
    check.xsdElement(document.getDocumentElement(), true);
    return check.found;
  }

  /** The refused constructs of a JSON Schema file. */
  static List<Refusal> json(String file, LocatedJson document) {
    ConstructCheck check = new ConstructCheck(file);
    check.jsonSchema(document.root(), document, document.line(document.root()));
    return check.found;
  }

  // ------------------------------------------------------------------------------------------------ XSD

  private void xsdElement(Element element, boolean top) {
    String name = element.getLocalName();
    if (!XS.equals(element.getNamespaceURI())) {
      refuse(RefusedConstruct.NAMESPACE, element, "the element " + element.getNodeName());
      return;
    }
    switch (name) {
      case "annotation", "documentation", "appinfo" -> {
        return; // their content is documentation
      }
      case "import" -> refuse(RefusedConstruct.NAMESPACE, element, "xs:import");
      case "redefine", "override" -> refuse(RefusedConstruct.OUTSIDE_INCLUDE, element, "xs:" + name);
      case "attribute", "attributeGroup", "anyAttribute" ->
          refuse(RefusedConstruct.ATTRIBUTE, element, "xs:" + name + named(element));
      case "any" -> {
        if (!isTextMap(element)) {
          refuse(RefusedConstruct.WILDCARD, element, "xs:any");
        }
      }
      case "complexContent", "simpleContent" -> refuse(RefusedConstruct.COMPLEX_TYPE_OPTION, element, "xs:" + name);
      case "list", "union" -> refuse(RefusedConstruct.SIMPLE_TYPE_OTHER_THAN_STRING, element, "xs:" + name);
      case "keyref" -> refuse(RefusedConstruct.IDENTITY_CONSTRAINT, element, "xs:keyref" + named(element));
      case "minLength", "maxLength", "length", "minInclusive", "maxInclusive", "minExclusive", "maxExclusive",
          "whiteSpace", "totalDigits", "fractionDigits", "assertion" ->
          refuse(RefusedConstruct.FACET, element, "xs:" + name);
      default -> checkKnown(element, name, top);
    }
  }

  private void checkKnown(Element element, String name, boolean top) {
    Set<String> allowed = ATTRIBUTES.get(name);
    if (allowed == null) {
      refuse(RefusedConstruct.NAMESPACE, element, "xs:" + name);
      return;
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      org.w3c.dom.Node attribute = attributes.item(i);
      String attributeName = attribute.getNodeName();
      if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI()) || allowed.contains(attributeName)) {
        continue;
      }
      RefusedConstruct construct = switch (name) {
        case "schema" -> RefusedConstruct.NAMESPACE;
        case "element" -> RefusedConstruct.ELEMENT_OPTION;
        case "complexType" -> RefusedConstruct.COMPLEX_TYPE_OPTION;
        case "all" -> RefusedConstruct.REPEATED_ALL;
        default -> RefusedConstruct.SIMPLE_TYPE_OTHER_THAN_STRING;
      };
      refuse(construct, element, "xs:" + name + named(element) + " with " + attributeName + "=\""
          + attribute.getNodeValue() + "\"");
    }
    switch (name) {
      case "include" -> {
        if (!element.getAttribute("schemaLocation").matches("[a-z0-9-]+\\.xsd")) {
          refuse(RefusedConstruct.OUTSIDE_INCLUDE, element,
              "xs:include schemaLocation=\"" + element.getAttribute("schemaLocation") + "\"");
        }
      }
      case "element" -> element(element);
      case "sequence", "choice", "group" -> occurrences(element);
      case "all" -> all(element);
      case "complexType" -> complexType(element);
      case "restriction" -> {
        if (!isXs(element, element.getAttribute("base"), "string")) {
          refuse(RefusedConstruct.SIMPLE_TYPE_OTHER_THAN_STRING, element,
              "xs:restriction base=\"" + element.getAttribute("base") + "\"");
        }
      }
      case "pattern" -> {
        try {
          XsdRegex.compile(element.getAttribute("value"));
        } catch (IllegalArgumentException e) {
          refuse(RefusedConstruct.PATTERN_SYNTAX, element, e.getMessage());
        }
      }
      case "selector" -> {
        if (!element.getAttribute("xpath").strip().equals(".")) {
          refuse(RefusedConstruct.IDENTITY_CONSTRAINT, element,
              "xs:selector xpath=\"" + element.getAttribute("xpath") + "\"");
        }
      }
      case "field" -> {
        if (!element.getAttribute("xpath").strip()
            .matches("[A-Za-z_][A-Za-z0-9_.-]*(/[A-Za-z_][A-Za-z0-9_.-]*)*")) {
          refuse(RefusedConstruct.IDENTITY_CONSTRAINT, element,
              "xs:field xpath=\"" + element.getAttribute("xpath") + "\"");
        }
      }
      default -> { }
    }
    for (Element child : XsdReader.children(element, null)) {
      xsdElement(child, false);
    }
    for (org.w3c.dom.Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element child && !XS.equals(child.getNamespaceURI())) {
        xsdElement(child, false);
      }
    }
  }

  private void element(Element element) {
    occurrences(element);
    String type = element.getAttribute("type");
    if (type.contains(":") && !isXs(element, type, "string")) {
      refuse(RefusedConstruct.SIMPLE_TYPE_OTHER_THAN_STRING, element, "xs:element" + named(element)
          + " type=\"" + type + "\"");
    }
    boolean inline = !XsdReader.children(element, "complexType").isEmpty()
        || !XsdReader.children(element, "simpleType").isEmpty();
    if (type.isEmpty() && !inline && element.hasAttribute("name")) {
      refuse(RefusedConstruct.WILDCARD, element, "xs:element" + named(element) + " without a type");
    }
  }

  private void complexType(Element type) {
    if (type.getAttribute("mixed").equals("true")) {
      return; // refused as an attribute already
    }
    long particles = XsdReader.children(type, null).stream()
        .filter(c -> Set.of("sequence", "choice", "all", "group").contains(c.getLocalName())).count();
    if (particles > 1) {
      refuse(RefusedConstruct.COMPLEX_TYPE_OPTION, type, "xs:complexType" + named(type) + " with " + particles
          + " particles");
    }
  }

  private void all(Element all) {
    java.util.Set<String> names = new java.util.HashSet<>();
    for (Element child : XsdReader.children(all, "element")) {
      String max = child.getAttribute("maxOccurs");
      if (!max.isEmpty() && !max.equals("1")) {
        refuse(RefusedConstruct.REPEATED_ALL, child, "xs:element" + named(child) + " maxOccurs=\"" + max
            + "\" in xs:all");
      }
      if (!names.add(child.getAttribute("name"))) {
        refuse(RefusedConstruct.REPEATED_ALL, child, "xs:all naming " + child.getAttribute("name") + " twice");
      }
    }
  }

  private void occurrences(Element particle) {
    String min = particle.getAttribute("minOccurs");
    if (!min.isEmpty() && !min.equals("0") && !min.equals("1")) {
      refuse(RefusedConstruct.OCCURRENCES, particle, "minOccurs=\"" + min + "\"");
    }
    String max = particle.getAttribute("maxOccurs");
    if (!max.isEmpty() && !max.equals("1") && !max.equals("unbounded")) {
      refuse(RefusedConstruct.OCCURRENCES, particle, "maxOccurs=\"" + max + "\"");
    }
  }

  private static boolean isXs(Element at, String qname, String local) {
    int colon = qname.indexOf(':');
    return colon > 0 && XS.equals(at.lookupNamespaceURI(qname.substring(0, colon)))
        && qname.substring(colon + 1).equals(local);
  }

  /**
   * Whether an xs:any is a map of text values: the one particle of a complex type's only sequence, any number of
   * elements of no namespace, their content skipped ({@code <xs:sequence><xs:any namespace="##local"
   * processContents="skip" minOccurs="0" maxOccurs="unbounded"/></xs:sequence>}). The JSON form of the same node is
   * an object of string members; the contract tree reads both as an open container without children.
   */
  private static boolean isTextMap(Element any) {
    NamedNodeMap attributes = any.getAttributes();
    int expected = 0;
    for (String[] pair : TEXT_MAP_ANY) {
      if (!pair[1].equals(any.getAttribute(pair[0]))) {
        return false;
      }
      expected++;
    }
    if (attributes.getLength() != expected || !(any.getParentNode() instanceof Element sequence)
        || !"sequence".equals(sequence.getLocalName()) || sequence.getAttributes().getLength() != 0
        || !(sequence.getParentNode() instanceof Element type) || !"complexType".equals(type.getLocalName())) {
      return false;
    }
    return particles(sequence) == 1 && particles(type) == 1;
  }

  private static final String[][] TEXT_MAP_ANY = {
      {"namespace", "##local"}, {"processContents", "skip"}, {"minOccurs", "0"}, {"maxOccurs", "unbounded"}};

  /** The children of {@code parent} but its annotations. */
  private static int particles(Element parent) {
    int count = 0;
    for (org.w3c.dom.Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e && !"annotation".equals(e.getLocalName())) {
        count++;
      }
    }
    return count;
  }

  private static String named(Element element) {
    String name = element.hasAttribute("name") ? element.getAttribute("name") : element.getAttribute("ref");
    return name.isEmpty() ? "" : " " + name;
  }

  private void refuse(RefusedConstruct construct, Element element, String detail) {
    found.add(new Refusal(construct, new Location(file, LocatedDom.line(element)), detail));
  }

  // ------------------------------------------------------------------------------------------------ JSON Schema

  private void jsonSchema(JsonNode schema, LocatedJson document, int line) {
    if (!schema.isObject()) {
      return;
    }
    int here = document.line(schema) > 0 ? document.line(schema) : line;
    for (Iterator<Map.Entry<String, JsonNode>> fields = schema.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      String keyword = field.getKey();
      JsonNode value = field.getValue();
      if (!JSON_ASSERTIONS.contains(keyword) && !JSON_ANNOTATIONS.contains(keyword) && !keyword.startsWith("x-")) {
        json(RefusedConstruct.JSON_KEYWORD, here, "\"" + keyword + "\"");
        continue;
      }
      switch (keyword) {
        case "enum" -> {
          for (JsonNode v : value) {
            if (!v.isTextual()) {
              json(RefusedConstruct.JSON_ENUM_NOT_TEXT, here, "\"enum\": " + value);
              break;
            }
          }
        }
        case "additionalProperties" -> {
          boolean closed = value.isBoolean() && !value.booleanValue() && schema.has("properties");
          boolean textMap = !schema.has("properties") && schema.path("type").asText("").equals("object")
              && value.isObject() && value.size() == 1 && value.path("type").asText("").equals("string");
          if (!closed && !textMap) {
            json(RefusedConstruct.JSON_OPEN_OBJECT, here, "\"additionalProperties\": " + value);
          }
        }
        case "properties", "$defs" -> value.forEach(member -> jsonSchema(member, document, here));
        case "items" -> jsonSchema(value, document, here);
        case "oneOf" -> value.forEach(branch -> jsonSchema(branch, document, here));
        default -> { }
      }
    }
    if (schema.has("$ref")) {
      for (Iterator<String> names = schema.fieldNames(); names.hasNext(); ) {
        String keyword = names.next();
        if (!keyword.equals("$ref") && JSON_ASSERTIONS.contains(keyword)) {
          json(RefusedConstruct.JSON_REF_WITH_ASSERTIONS, here, "\"" + keyword + "\" beside \"$ref\"");
        }
      }
    }
    if (schema.has("oneOf") && !OneOrMany.matches(schema) && !exactlyOneMember(schema)) {
      json(RefusedConstruct.JSON_UNION, here, "\"oneOf\": " + schema.get("oneOf"));
    }
    if (schema.has("required") && schema.has("properties")) { // a oneOf branch's "required" is its parent's
      for (JsonNode name : schema.get("required")) {
        if (!schema.path("properties").has(name.asText())) {
          json(RefusedConstruct.JSON_REQUIRED_UNDECLARED, here, "\"required\": " + name);
        }
      }
    }
  }

  /** A oneOf beside properties whose branches each require one declared member and say nothing else. */
  private static boolean exactlyOneMember(JsonNode schema) {
    if (!schema.has("properties")) {
      return false;
    }
    for (JsonNode branch : schema.get("oneOf")) {
      if (branch.size() != 1 || branch.path("required").size() != 1
          || !schema.get("properties").has(branch.get("required").get(0).asText())) {
        return false;
      }
    }
    return true;
  }

  private void json(RefusedConstruct construct, int line, String detail) {
    found.add(new Refusal(construct, new Location(file, line), detail));
  }
}
