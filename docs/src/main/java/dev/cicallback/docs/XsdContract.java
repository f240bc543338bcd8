package dev.cicallback.docs;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reads the node tree, cardinalities, types and annotations of {@code schema/xml/callback.xsd} and its includes. */
final class XsdContract {

  static final String XS = XMLConstants.W3C_XML_SCHEMA_NS_URI;
  private static final String DIFFERS = "differs-from-tencent-docs";
  /** The entry schema the documentation describes. */
  static final String ENTRY = "callback.xsd";

  private final Map<String, Element> complexTypes = new HashMap<>();
  private final Map<String, Element> simpleTypes = new HashMap<>();
  private final Map<String, Element> groups = new HashMap<>();
  private final Map<String, Element> elements = new HashMap<>();
  /** The {@code version} attribute of the entry schema's {@code xs:schema} ("" when it has none). */
  private String version = "";

  private XsdContract() {}

  /** The contract's version as the entry schema states it, "" when it states none. */
  String version() {
    return version;
  }

  static XsdContract read(Path xmlDir) throws Exception {
    XsdContract contract = new XsdContract();
    DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    // The entry file and what it includes: tts-callback.xsd, the TTS-only entry, defines the same names otherwise.
    java.util.Deque<String> pending = new java.util.ArrayDeque<>(List.of(ENTRY));
    java.util.Set<String> seen = new java.util.HashSet<>();
    while (!pending.isEmpty()) {
      String file = pending.pop();
      if (!seen.add(file)) {
        continue;
      }
      Document document = factory.newDocumentBuilder().parse(xmlDir.resolve(file).toFile());
      if (file.equals(ENTRY)) {
        contract.version = document.getDocumentElement().getAttribute("version").strip();
      }
      for (Element include : children(document.getDocumentElement())) {
        if (include.getLocalName().equals("include")) {
          pending.add(include.getAttribute("schemaLocation"));
        }
      }
      for (Element top : children(document.getDocumentElement())) {
        String name = top.getAttribute("name");
        switch (top.getLocalName()) {
          case "complexType" -> contract.complexTypes.put(name, top);
          case "simpleType" -> contract.simpleTypes.put(name, top);
          case "group" -> contract.groups.put(name, top);
          case "element" -> contract.elements.put(name, top);
          default -> {}
        }
      }
    }
    return contract;
  }

  /** Each job Tag's own Operation parts, by Tag, from the groups named {@code <Tag>OperationParts}. */
  java.util.SortedMap<String, List<String>> partsByTag() {
    java.util.SortedMap<String, List<String>> parts = new java.util.TreeMap<>();
    for (Map.Entry<String, Element> group : groups.entrySet()) {
      String name = group.getKey();
      if (name.endsWith("OperationParts") && !name.equals("CommonOperationParts")) {
        List<String> elements = new java.util.ArrayList<>();
        collectElementNames(group.getValue(), elements);
        parts.put(name.substring(0, name.length() - "OperationParts".length()), elements);
      }
    }
    return parts;
  }

  private static void collectElementNames(Element model, List<String> into) {
    for (Element particle : children(model)) {
      if (particle.getLocalName().equals("element")) {
        into.add(particle.getAttribute("name"));
      } else if (!particle.getLocalName().equals("annotation")) {
        collectElementNames(particle, into);
      }
    }
  }

  /** The job Tags the contract knows: the values of simple type {@code Tag}. */
  List<String> tags() {
    Element restriction = children(simpleTypes.get("Tag")).stream()
        .filter(e -> e.getLocalName().equals("restriction")).findFirst().orElseThrow();
    return children(restriction).stream().map(e -> e.getAttribute("value")).toList();
  }

  /** The tree under the root element {@code Response}. */
  DocNode tree() {
    Element root = elements.get("Response");
    DocNode node = new DocNode("Response", null);
    node.minOccurs = 1;
    describe(node, root);
    return node;
  }

  private void describe(DocNode node, Element declaration) {
    annotate(node, declaration);
    String type = declaration.getAttribute("type");
    node.typeName = type.startsWith("xs:") ? type.substring(3) : type;
    if (complexTypes.containsKey(type)) {
      node.container = true;
      Element complexType = complexTypes.get(type);
      annotate(node, complexType);
      addChildren(node, complexType, false);
    } else if (simpleTypes.containsKey(type)) {
      Element simpleType = simpleTypes.get(type);
      annotate(node, simpleType);
      allowed(simpleType, node);
    } else {
      node.allowed = "any text";
    }
  }

  private void addChildren(DocNode parent, Element model, boolean inRepeatedChoice) {
    for (Element particle : children(model)) {
      switch (particle.getLocalName()) {
        case "element" -> {
          String name = particle.getAttribute("name");
          if (parent.children.stream().anyMatch(c -> c.name.equals(name))) {
            continue;
          }
          DocNode child = new DocNode(name, parent);
          child.minOccurs = inRepeatedChoice ? 0 : occurs(particle.getAttribute("minOccurs"));
          child.repeatable = "unbounded".equals(particle.getAttribute("maxOccurs"));
          parent.children.add(child);
          describe(child, particle);
        }
        case "choice" -> addChildren(
            parent, particle, inRepeatedChoice || "unbounded".equals(particle.getAttribute("maxOccurs")));
        case "sequence", "all" -> addChildren(parent, particle, inRepeatedChoice);
        case "group" -> addChildren(parent, groups.get(particle.getAttribute("ref")), inRepeatedChoice);
        case "complexContent" -> {
          Element extension = children(particle).get(0);
          Element base = complexTypes.get(extension.getAttribute("base"));
          annotate(parent, base);
          addChildren(parent, base, inRepeatedChoice);
          addChildren(parent, extension, inRepeatedChoice);
        }
        default -> {}
      }
    }
  }

  private static int occurs(String value) {
    return value.isEmpty() ? 1 : Integer.parseInt(value);
  }

  /**
   * Documentation (first English and Chinese text found wins) and difference notes of a declaration. A note is an
   * {@code xs:appinfo source="differs-from-tencent-docs"} in English (no {@code xml:lang}, or "en"); one with
   * {@code xml:lang="zh"} right after it is its Chinese text.
   */
  private static void annotate(DocNode node, Element declaration) {
    for (Element annotation : children(declaration)) {
      if (!annotation.getLocalName().equals("annotation")) {
        continue;
      }
      String lastDifference = null;
      for (Element item : children(annotation)) {
        String text = item.getTextContent().strip().replaceAll("\\s+", " ");
        if (item.getLocalName().equals("documentation")) {
          String lang = item.getAttributeNS(XMLConstants.XML_NS_URI, "lang");
          if (lang.equals("en") && node.english.isEmpty()) {
            node.english = text;
          } else if (lang.equals("zh") && node.chinese.isEmpty()) {
            node.chinese = text;
          }
        } else if (item.getLocalName().equals("appinfo") && DIFFERS.equals(item.getAttribute("source"))) {
          if (item.getAttributeNS(XMLConstants.XML_NS_URI, "lang").equals("zh")) {
            if (lastDifference != null) {
              node.differencesZh.putIfAbsent(lastDifference, text);
            }
          } else {
            node.differences.add(text);
            lastDifference = text;
            continue;
          }
        }
        lastDifference = null;
      }
    }
  }

  /** What a simple type allows, into {@code node}: the words ({@code allowed}) and the pattern, if any. */
  private static void allowed(Element simpleType, DocNode node) {
    Element restriction = children(simpleType).stream()
        .filter(e -> e.getLocalName().equals("restriction")).findFirst().orElseThrow();
    List<String> values = children(restriction).stream()
        .filter(e -> e.getLocalName().equals("enumeration")).map(e -> e.getAttribute("value")).toList();
    if (!values.isEmpty()) {
      node.allowed = "one of " + String.join(", ", values);
      return;
    }
    DocNode type = new DocNode(simpleType.getAttribute("name"), null);
    annotate(type, simpleType);
    node.pattern = children(restriction).stream()
        .filter(e -> e.getLocalName().equals("pattern"))
        .map(e -> e.getAttribute("value"))
        .findFirst()
        .orElse("");
    node.allowed = type.english.isEmpty() && node.pattern.isEmpty() ? "any text" : type.english;
  }

  static List<Element> children(Node parent) {
    java.util.ArrayList<Element> list = new java.util.ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && XS.equals(e.getNamespaceURI())) {
        list.add(e);
      }
    }
    return list;
  }

}
