package dev.cicallback.contract;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads the XSD form of a contract ({@code xml/*.xsd} of a folder) into normalized trees: one per global element of
 * each entry file (a file that declares global elements itself), with includes, named types, element references,
 * groups, attribute groups and type derivations resolved. Names are compared by local name: the contract has no
 * target namespace, and an imported namespace's components are merged by name.
 */
final class XsdReader {

  static final String XS = XMLConstants.W3C_XML_SCHEMA_NS_URI;
  private static final int MAX_DEPTH = 64;
  private static final String DIFFERS = "differs-from-tencent-docs";
  /** The entries whose files {@link RefusedConstruct}s are checked in: those the validator compiles. */
  static final List<String> CHECKED_ENTRIES = List.of("xml/" + SchemaFiles.CALLBACK_XSD,
      "xml/" + SchemaFiles.MODERATION_DETAIL_XSD, "xml/" + SchemaFiles.MODERATION_SIMPLE_XSD);

  private final SchemaSource source;
  private final Map<String, Document> documents = new HashMap<>();

  private final List<Refusal> refusals;

  private XsdReader(SchemaSource source, List<Refusal> refusals) {
    this.source = source;
    this.refusals = refusals;
  }

  /**
   * The trees of the XSD form of {@code source}: entry name (the file name without {@code .xsd}) to its root
   * elements, by name. Empty when the contract has no {@code xml/} folder.
   */
  static Map<String, Map<String, ContractNode>> read(SchemaSource source, List<Refusal> refusals)
      throws UnreadableSchemaException {
    if (!source.hasFolder("xml")) {
      return Map.of();
    }
    XsdReader reader = new XsdReader(source, refusals);
    Map<String, Map<String, ContractNode>> entries = new TreeMap<>();
    List<String> files;
    try {
      files = source.list("xml", ".xsd");
    } catch (IOException e) {
      throw new UnreadableSchemaException(source + "/xml: cannot be listed: " + e, e);
    }
    for (String file : files) {
      Document document = reader.document(file);
      List<Element> globals = children(document.getDocumentElement(), "element");
      if (globals.isEmpty()) {
        continue;
      }
      Scope scope = reader.scope(file);
      Map<String, ContractNode> roots = new LinkedHashMap<>();
      for (Element global : globals) {
        ContractNode root = reader.element(global, scope, 1, 1, new ArrayList<>());
        roots.putIfAbsent(root.name(), root);
      }
      String name = file.substring(file.lastIndexOf('/') + 1);
      entries.put(name.substring(0, name.length() - ".xsd".length()), roots);
    }
    if (refusals != null) {
      Set<String> checked = new java.util.LinkedHashSet<>();
      for (String entry : CHECKED_ENTRIES) {
        if (source.exists(entry)) {
          checked.addAll(reader.closure(entry));
        }
      }
      for (String file : checked) {
        refusals.addAll(ConstructCheck.xsd(file, reader.document(file)));
      }
    }
    return entries;
  }

  /** The named components visible from one file: its own and those of the files it includes or imports. */
  private static final class Scope {
    final Map<String, Element> elements = new HashMap<>();
    final Map<String, Element> complexTypes = new HashMap<>();
    final Map<String, Element> simpleTypes = new HashMap<>();
    final Map<String, Element> groups = new HashMap<>();
    final Map<String, Element> attributeGroups = new HashMap<>();
    final Map<String, Element> attributes = new HashMap<>();
    final Map<Element, String> fileOf = new HashMap<>();
  }

  private Document document(String file) throws UnreadableSchemaException {
    Document document = documents.get(file);
    if (document == null) {
      if (!source.exists(file)) {
        throw new UnreadableSchemaException(file + ": no such schema file");
      }
      document = LocatedDom.read(source, file);
      Element root = document.getDocumentElement();
      if (!XS.equals(root.getNamespaceURI()) || !"schema".equals(root.getLocalName())) {
        throw new UnreadableSchemaException(file + ":" + LocatedDom.line(root) + ": not an XML Schema");
      }
      documents.put(file, document);
    }
    return document;
  }

  private Scope scope(String file) throws UnreadableSchemaException {
    Scope scope = new Scope();
    collect(file, scope, new HashSet<>());
    return scope;
  }

  private void collect(String file, Scope scope, Set<String> seen) throws UnreadableSchemaException {
    if (!seen.add(file)) {
      return;
    }
    Element schema = document(file).getDocumentElement();
    for (Element child : children(schema, null)) {
      String kind = child.getLocalName();
      String name = child.getAttribute("name");
      Map<String, Element> table = switch (kind) {
        case "element" -> scope.elements;
        case "complexType" -> scope.complexTypes;
        case "simpleType" -> scope.simpleTypes;
        case "group" -> scope.groups;
        case "attributeGroup" -> scope.attributeGroups;
        case "attribute" -> scope.attributes;
        default -> null;
      };
      if (table != null && !name.isEmpty()) {
        table.putIfAbsent(name, child);
      }
      scope.fileOf.put(child, file);
    }
    for (Element child : children(schema, null)) {
      String kind = child.getLocalName();
      if (kind.equals("include") || kind.equals("import") || kind.equals("redefine") || kind.equals("override")) {
        String location = child.getAttribute("schemaLocation");
        if (location.isEmpty()) {
          continue;
        }
        String target = SchemaSource.resolve(file, location);
        if (target == null) {
          throw new UnreadableSchemaException(at(file, child) + ": " + kind + " of " + location
              + ": only files of the contract's folder are read");
        }
        collect(target, scope, seen);
      }
    }
  }

  // ------------------------------------------------------------------------------------------------ elements

  private ContractNode element(Element declaration, Scope scope, long min, long max, List<String> typeStack)
      throws UnreadableSchemaException {
    Element actual = declaration;
    if (declaration.hasAttribute("ref")) {
      String ref = localName(declaration.getAttribute("ref"));
      actual = scope.elements.get(ref);
      if (actual == null) {
        throw new UnreadableSchemaException(at(scope, declaration) + ": element ref=\"" + ref + "\" is not declared");
      }
    }
    String name = actual.getAttribute("name");
    Location declaredAt = location(scope, declaration);
    if (typeStack.size() > MAX_DEPTH) {
      throw new UnreadableSchemaException(at(scope, declaration) + ": elements nest deeper than " + MAX_DEPTH);
    }
    ContractNode node;
    if (actual.hasAttribute("type")) {
      node = typed(name, actual, actual.getAttribute("type"), scope, declaredAt, typeStack);
    } else {
      Element complex = child(actual, "complexType");
      Element simple = child(actual, "simpleType");
      if (complex != null) {
        node = complex(name, complex, null, scope, declaredAt, typeStack);
      } else if (simple != null) {
        node = new ContractNode(name, ContractNode.Kind.VALUE, declaredAt).value(simple(simple, scope, new HashSet<>()))
            .typeAt(location(scope, simple));
      } else {
        node = new ContractNode(name, ContractNode.Kind.ANY, declaredAt);
      }
    }
    Docs own = annotation(declaration);
    if (actual != declaration) {
      own = own.completedBy(annotation(actual));
    }
    keysRequire(actual, node);
    node.identities(identities(actual));
    return node.docs(own.completedBy(node.typeDocs())).group(groupOf(declaration)).occurs(min, max);
  }

  /**
   * An {@code xs:key} makes its fields required: each node along a field's path from the selected nodes occurs at
   * least once ({@code <xs:key><xs:selector xpath="."/><xs:field xpath="Region"/></xs:key>} requires Region).
   */
  private static void keysRequire(Element declaration, ContractNode node) {
    for (Element key : children(declaration, "key")) {
      List<Element> parts = new ArrayList<>(children(key, null));
      parts.removeIf(part -> part.getLocalName().equals("annotation"));
      if (parts.isEmpty() || !parts.get(0).getLocalName().equals("selector")) {
        continue;
      }
      ContractNode selected = step(node, parts.get(0).getAttribute("xpath"));
      for (Element field : parts.subList(1, parts.size())) {
        ContractNode at = selected;
        for (String name : field.getAttribute("xpath").strip().split("/")) {
          at = at == null ? null : at.child(name);
          if (at != null) {
            at.occurs(Math.max(1, at.min()), at.max());
          }
        }
      }
    }
  }

  /** The node a selector's path of child names leads to from {@code node} ({@code .} is the node), or null. */
  private static ContractNode step(ContractNode node, String xpath) {
    ContractNode at = node;
    for (String name : xpath.strip().split("/")) {
      if (!name.equals(".")) {
        at = at == null ? null : at.child(name);
      }
    }
    return at;
  }

  /** The files {@code entry} includes, itself first, each once. */
  Set<String> closure(String entry) throws UnreadableSchemaException {
    Set<String> seen = new LinkedHashSet<>();
    collect(entry, new Scope(), seen);
    return seen;
  }

  /** A node of the named type {@code type} (a QName). */
  private ContractNode typed(String name, Element at, String type, Scope scope, Location declaredAt,
      List<String> typeStack) throws UnreadableSchemaException {
    if (isBuiltin(at, type)) {
      String builtin = "xs:" + localName(type);
      if (builtin.equals("xs:anyType")) {
        return new ContractNode(name, ContractNode.Kind.ANY, declaredAt).typeName(builtin);
      }
      return new ContractNode(name, ContractNode.Kind.VALUE, declaredAt).value(builtin(at, builtin, scope))
          .typeName(builtin);
    }
    String local = localName(type);
    Element complex = scope.complexTypes.get(local);
    if (complex != null) {
      return complex(name, complex, local, scope, declaredAt, typeStack);
    }
    Element simple = scope.simpleTypes.get(local);
    if (simple != null) {
      return new ContractNode(name, ContractNode.Kind.VALUE, declaredAt).value(simple(simple, scope, new HashSet<>()))
          .typeAt(location(scope, simple)).typeName(local).typeDocs(annotation(simple));
    }
    throw new UnreadableSchemaException(at(scope, at) + ": type \"" + local + "\" is not declared");
  }

  private ContractNode complex(String name, Element type, String typeName, Scope scope, Location declaredAt,
      List<String> typeStack) throws UnreadableSchemaException {
    if (typeName != null && typeStack.contains(typeName)) {
      return new ContractNode(name, ContractNode.Kind.RECURSIVE, declaredAt).recursiveType(typeName)
          .typeAt(location(scope, type)).typeName(typeName).typeDocs(complexDocs(type, scope));
    }
    List<String> stack = new ArrayList<>(typeStack);
    stack.add(typeName == null ? "(anonymous " + name + ")" : typeName);
    Content content = new Content();
    ContractNode node = contentOf(name, type, scope, declaredAt, content, stack);
    node.open(content.open).typeAt(location(scope, type)).typeName(typeName == null ? "" : typeName)
        .typeDocs(complexDocs(type, scope));
    if (node.kind() == ContractNode.Kind.CONTAINER && !content.models.isEmpty()) {
      node.content(content.models.size() == 1 ? content.models.get(0)
          : new ContentModel.Sequence(content.models, 1, 1));
    }
    for (Map.Entry<String, Particles.Occurrence> entry : content.particles.byName.entrySet()) {
      Particles.Occurrence occurrence = entry.getValue();
      node.addChild(element(occurrence.declaration(), scope, occurrence.min(), occurrence.max(), stack));
    }
    for (Element attribute : content.attributes) {
      ContractNode declared = attribute(attribute, scope);
      if (declared != null) {
        node.addChild(declared);
      }
    }
    return node;
  }

  /** What a complex type holds: its particles, whether it admits undeclared elements, its attributes. */
  private static final class Content {
    Particles particles = Particles.EMPTY;
    final List<ContentModel> models = new ArrayList<>();
    boolean open;
    final List<Element> attributes = new ArrayList<>();
  }

  /**
   * Fills {@code content} from {@code type} (following complexContent derivations) and returns the node to fill: a
   * container, or for simple content a value node.
   */
  private ContractNode contentOf(String name, Element type, Scope scope, Location declaredAt, Content content,
      List<String> stack) throws UnreadableSchemaException {
    ContractNode node = new ContractNode(name, ContractNode.Kind.CONTAINER, declaredAt);
    for (Element child : children(type, null)) {
      switch (child.getLocalName()) {
        case "sequence", "choice", "all", "group", "any" -> {
          Particles particles = particles(child, scope, content);
          content.particles = Particles.sequence(List.of(content.particles, particles));
          ContentModel model = model(child, scope);
          if (model != null) {
            content.models.add(model);
          }
        }
        case "attribute", "attributeGroup", "anyAttribute" -> attributes(child, scope, content);
        case "complexContent" -> {
          Element derivation = derivation(child, scope);
          String base = derivation.getAttribute("base");
          if (derivation.getLocalName().equals("extension") && !isBuiltin(derivation, base)) {
            Element baseType = scope.complexTypes.get(localName(base));
            if (baseType == null) {
              throw new UnreadableSchemaException(at(scope, derivation) + ": base type \"" + localName(base)
                  + "\" is not a declared complex type");
            }
            contentOf(name, baseType, scope, declaredAt, content, stack);
          }
          contentOf(name, derivation, scope, declaredAt, content, stack);
        }
        case "simpleContent" -> {
          Element derivation = derivation(child, scope);
          ValueType value = derivation.getLocalName().equals("extension")
              ? baseValue(derivation, derivation.getAttribute("base"), scope)
              : baseValue(derivation, derivation.getAttribute("base"), scope).restrictedBy(facets(derivation));
          node = new ContractNode(name, ContractNode.Kind.VALUE, declaredAt).value(value);
          for (Element attribute : children(derivation, null)) {
            attributes(attribute, scope, content);
          }
        }
        default -> { }
      }
    }
    return node;
  }

  private Element derivation(Element contentElement, Scope scope) throws UnreadableSchemaException {
    Element derivation = child(contentElement, "extension");
    if (derivation == null) {
      derivation = child(contentElement, "restriction");
    }
    if (derivation == null) {
      throw new UnreadableSchemaException(at(scope, contentElement) + ": " + contentElement.getLocalName()
          + " without extension or restriction");
    }
    return derivation;
  }

  private Particles particles(Element particle, Scope scope, Content content) throws UnreadableSchemaException {
    long min = occurs(particle, "minOccurs", scope);
    long max = occurs(particle, "maxOccurs", scope);
    return switch (particle.getLocalName()) {
      case "element" -> Particles.element(particle.hasAttribute("ref")
          ? localName(particle.getAttribute("ref")) : particle.getAttribute("name"), particle, min, max);
      case "any" -> {
        content.open = true;
        yield Particles.EMPTY;
      }
      case "group" -> {
        String ref = localName(particle.getAttribute("ref"));
        Element group = scope.groups.get(ref);
        if (group == null) {
          throw new UnreadableSchemaException(at(scope, particle) + ": group ref=\"" + ref + "\" is not declared");
        }
        List<Particles> inner = new ArrayList<>();
        for (Element child : children(group, null)) {
          if (!child.getLocalName().equals("annotation")) {
            inner.add(particles(child, scope, content));
          }
        }
        yield Particles.sequence(inner).times(min, max);
      }
      case "sequence", "all", "choice" -> {
        List<Particles> inner = new ArrayList<>();
        for (Element child : children(particle, null)) {
          if (!child.getLocalName().equals("annotation")) {
            inner.add(particles(child, scope, content));
          }
        }
        if (particle.getLocalName().equals("choice") && max == ContractNode.UNBOUNDED) {
          // The contract's way to say "these elements, in any order": each occurs as its declaration says.
          yield Particles.choice(inner).times(min, 1);
        }
        Particles combined = particle.getLocalName().equals("choice")
            ? Particles.choice(inner) : Particles.sequence(inner);
        yield combined.times(min, max);
      }
      default -> Particles.EMPTY;
    };
  }

  private void attributes(Element child, Scope scope, Content content) throws UnreadableSchemaException {
    switch (child.getLocalName()) {
      case "attribute" -> content.attributes.add(child);
      case "anyAttribute" -> content.open = true;
      case "attributeGroup" -> {
        String ref = localName(child.getAttribute("ref"));
        Element group = scope.attributeGroups.get(ref);
        if (group == null) {
          throw new UnreadableSchemaException(
              at(scope, child) + ": attributeGroup ref=\"" + ref + "\" is not declared");
        }
        for (Element inner : children(group, null)) {
          attributes(inner, scope, content);
        }
      }
      default -> { }
    }
  }

  /** An attribute as a child node named {@code @name}, required when {@code use="required"}; null if prohibited. */
  private ContractNode attribute(Element declaration, Scope scope) throws UnreadableSchemaException {
    Element actual = declaration;
    if (declaration.hasAttribute("ref")) {
      actual = scope.attributes.get(localName(declaration.getAttribute("ref")));
      if (actual == null) {
        throw new UnreadableSchemaException(at(scope, declaration) + ": attribute ref=\""
            + localName(declaration.getAttribute("ref")) + "\" is not declared");
      }
    }
    if (declaration.getAttribute("use").equals("prohibited")) {
      return null;
    }
    String name = "@" + actual.getAttribute("name");
    long min = declaration.getAttribute("use").equals("required") ? 1 : 0;
    Location declaredAt = location(scope, declaration);
    ValueType value;
    Location typeAt = declaredAt;
    if (actual.hasAttribute("type")) {
      value = baseValue(actual, actual.getAttribute("type"), scope);
      Element named = scope.simpleTypes.get(localName(actual.getAttribute("type")));
      if (named != null && !isBuiltin(actual, actual.getAttribute("type"))) {
        typeAt = location(scope, named);
      }
    } else if (child(actual, "simpleType") != null) {
      value = simple(child(actual, "simpleType"), scope, new HashSet<>());
    } else {
      value = ValueType.ANY_TEXT.withTypes(Set.of("xs:anySimpleType"));
    }
    return new ContractNode(name, ContractNode.Kind.VALUE, declaredAt).value(value).typeAt(typeAt).occurs(min, 1);
  }

  // ------------------------------------------------------------------------------------------------ simple types

  private ValueType simple(Element simpleType, Scope scope, Set<Element> seen) throws UnreadableSchemaException {
    if (!seen.add(simpleType)) {
      throw new UnreadableSchemaException(at(scope, simpleType) + ": simple type derives from itself");
    }
    Element restriction = child(simpleType, "restriction");
    if (restriction != null) {
      ValueType base;
      if (restriction.hasAttribute("base")) {
        String baseName = restriction.getAttribute("base");
        base = isBuiltin(restriction, baseName) ? builtin(restriction, "xs:" + localName(baseName), scope)
            : simple(namedSimple(restriction, baseName, scope), scope, seen);
      } else {
        Element inline = child(restriction, "simpleType");
        base = inline == null ? ValueType.ANY_TEXT : simple(inline, scope, seen);
      }
      return base.restrictedBy(facets(restriction));
    }
    Element union = child(simpleType, "union");
    if (union != null) {
      Set<String> types = new LinkedHashSet<>();
      for (String member : union.getAttribute("memberTypes").trim().split("\\s+")) {
        if (!member.isEmpty()) {
          types.addAll(baseValue(union, member, scope).types());
        }
      }
      for (Element inline : children(union, "simpleType")) {
        types.addAll(simple(inline, scope, seen).types());
      }
      return ValueType.ANY_TEXT.withTypes(types);
    }
    // xs:list: a space-separated list; compared as text.
    return ValueType.ANY_TEXT;
  }

  private ValueType baseValue(Element at, String type, Scope scope) throws UnreadableSchemaException {
    return isBuiltin(at, type) ? builtin(at, "xs:" + localName(type), scope)
        : simple(namedSimple(at, type, scope), scope, new HashSet<>());
  }

  private Element namedSimple(Element at, String type, Scope scope) throws UnreadableSchemaException {
    Element named = scope.simpleTypes.get(localName(type));
    if (named == null) {
      throw new UnreadableSchemaException(at(scope, at) + ": simple type \"" + localName(type) + "\" is not declared");
    }
    return named;
  }

  private ValueType builtin(Element at, String name, Scope scope) throws UnreadableSchemaException {
    if (!TypeOrder.knowsXsd(name)) {
      throw new UnreadableSchemaException(at(scope, at) + ": built-in type " + name + " is not one this tool knows");
    }
    return ValueType.ANY_TEXT.withTypes(Set.of(name));
  }

  private ValueType.Facets facets(Element restriction) {
    Set<String> enumeration = null;
    List<String> patterns = new ArrayList<>();
    Bound lower = null;
    Bound upper = null;
    Long minLength = null;
    Long maxLength = null;
    for (Element facet : children(restriction, null)) {
      String value = facet.getAttribute("value");
      switch (facet.getLocalName()) {
        case "enumeration" -> {
          if (enumeration == null) {
            enumeration = new LinkedHashSet<>();
          }
          enumeration.add(value);
        }
        case "pattern" -> patterns.add(value);
        case "minInclusive" -> lower = new Bound(new BigDecimal(value.trim()), true);
        case "minExclusive" -> lower = new Bound(new BigDecimal(value.trim()), false);
        case "maxInclusive" -> upper = new Bound(new BigDecimal(value.trim()), true);
        case "maxExclusive" -> upper = new Bound(new BigDecimal(value.trim()), false);
        case "length" -> {
          minLength = Long.valueOf(value.trim());
          maxLength = minLength;
        }
        case "minLength" -> minLength = Long.valueOf(value.trim());
        case "maxLength" -> maxLength = Long.valueOf(value.trim());
        default -> { }
      }
    }
    Set<String> patternSet = patterns.isEmpty() ? Set.of()
        : Set.of(patterns.size() == 1 ? patterns.get(0) : "(" + String.join(")|(", patterns) + ")");
    return new ValueType.Facets(enumeration, patternSet, lower, upper, minLength, maxLength);
  }

  // ------------------------------------------------------------------------------------------------ documentation

  /** A complex type's documentation, completed by that of the type it extends. */
  private static Docs complexDocs(Element type, Scope scope) {
    Docs docs = annotation(type);
    Set<Element> seen = new HashSet<>();
    for (Element current = type; current != null && seen.add(current); ) {
      Element content = child(current, "complexContent");
      Element extension = content == null ? null : child(content, "extension");
      current = extension == null ? null : scope.complexTypes.get(localName(extension.getAttribute("base")));
      if (current != null) {
        docs = docs.completedBy(annotation(current));
      }
    }
    return docs;
  }

  /**
   * The documentation of a declaration (the first English and Chinese text found wins) and its difference notes: an
   * {@code xs:appinfo source="differs-from-tencent-docs"} in English (no {@code xml:lang}, or "en"); one with
   * {@code xml:lang="zh"} right after it is its Chinese text.
   */
  static Docs annotation(Element declaration) {
    String en = "";
    String zh = "";
    List<Docs.Note> notes = new ArrayList<>();
    for (Element annotation : children(declaration, "annotation")) {
      String lastNote = null;
      for (Element item : children(annotation, null)) {
        String text = item.getTextContent().strip().replaceAll("\\s+", " ");
        String lang = item.getAttributeNS(XMLConstants.XML_NS_URI, "lang");
        if (item.getLocalName().equals("documentation")) {
          if (lang.equals("en") && en.isEmpty()) {
            en = text;
          } else if (lang.equals("zh") && zh.isEmpty()) {
            zh = text;
          }
        } else if (item.getLocalName().equals("appinfo") && DIFFERS.equals(item.getAttribute("source"))) {
          if (lang.equals("zh")) {
            if (lastNote != null) {
              int last = notes.size() - 1;
              notes.set(last, new Docs.Note(notes.get(last).en(), text));
            }
          } else {
            notes.add(new Docs.Note(text, ""));
            lastNote = text;
            continue;
          }
        }
        lastNote = null;
      }
    }
    return en.isEmpty() && zh.isEmpty() && notes.isEmpty() ? Docs.NONE : new Docs(en, zh, notes);
  }

  /** The content model of a particle as written, groups expanded; null for a wildcard. */
  private ContentModel model(Element particle, Scope scope) throws UnreadableSchemaException {
    long min = occurs(particle, "minOccurs", scope);
    long max = occurs(particle, "maxOccurs", scope);
    switch (particle.getLocalName()) {
      case "element" -> {
        return new ContentModel.Element(particle.hasAttribute("ref")
            ? localName(particle.getAttribute("ref")) : particle.getAttribute("name"), min, max);
      }
      case "group" -> {
        String ref = localName(particle.getAttribute("ref"));
        Element group = scope.groups.get(ref);
        if (group == null) {
          throw new UnreadableSchemaException(at(scope, particle) + ": group ref=\"" + ref + "\" is not declared");
        }
        List<ContentModel> inner = models(group, scope);
        if (inner.size() == 1 && min == 1 && max == 1) {
          return inner.get(0);
        }
        return new ContentModel.Sequence(inner, min, max);
      }
      case "sequence" -> {
        return new ContentModel.Sequence(models(particle, scope), min, max);
      }
      case "choice" -> {
        return new ContentModel.Choice(models(particle, scope), min, max);
      }
      case "all" -> {
        List<ContentModel.Element> elements = new ArrayList<>();
        for (ContentModel part : models(particle, scope)) {
          if (part instanceof ContentModel.Element element) {
            elements.add(element);
          }
        }
        return new ContentModel.All(elements, min, max);
      }
      default -> {
        return null;
      }
    }
  }

  private List<ContentModel> models(Element parent, Scope scope) throws UnreadableSchemaException {
    List<ContentModel> models = new ArrayList<>();
    for (Element child : children(parent, null)) {
      if (!child.getLocalName().equals("annotation")) {
        ContentModel model = model(child, scope);
        if (model != null) {
          models.add(model);
        }
      }
    }
    return models;
  }

  /** The identity constraints {@code declaration} declares. */
  private static List<Identity> identities(Element declaration) {
    List<Identity> identities = new ArrayList<>();
    for (Element constraint : children(declaration, null)) {
      String kind = constraint.getLocalName();
      if (!kind.equals("unique") && !kind.equals("key")) {
        continue;
      }
      String selector = "";
      List<String> fields = new ArrayList<>();
      for (Element part : children(constraint, null)) {
        if (part.getLocalName().equals("selector")) {
          selector = part.getAttribute("xpath").strip();
        } else if (part.getLocalName().equals("field")) {
          fields.add(part.getAttribute("xpath").strip());
        }
      }
      identities.add(new Identity(constraint.getAttribute("name"), kind.equals("key"), selector, fields));
    }
    return identities;
  }

  /** The name of the top-level {@code xs:group} that {@code declaration} sits in, "" when none. */
  private static String groupOf(Element declaration) {
    for (org.w3c.dom.Node n = declaration.getParentNode(); n instanceof Element e; n = e.getParentNode()) {
      if (XS.equals(e.getNamespaceURI()) && e.getLocalName().equals("group") && e.hasAttribute("name")) {
        return e.getAttribute("name");
      }
    }
    return "";
  }

  // ------------------------------------------------------------------------------------------------ helpers

  private long occurs(Element particle, String attribute, Scope scope) throws UnreadableSchemaException {
    String value = particle.getAttribute(attribute).trim();
    if (value.isEmpty()) {
      return 1;
    }
    if (value.equals("unbounded")) {
      return ContractNode.UNBOUNDED;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new UnreadableSchemaException(at(scope, particle) + ": " + attribute + "=\"" + value
          + "\" is not a number");
    }
  }

  private static boolean isBuiltin(Element at, String qname) {
    int colon = qname.indexOf(':');
    String prefix = colon < 0 ? null : qname.substring(0, colon);
    return XS.equals(at.lookupNamespaceURI(prefix));
  }

  static String localName(String qname) {
    return qname.substring(qname.indexOf(':') + 1).trim();
  }

  static List<Element> children(Element parent, String localName) {
    List<Element> result = new ArrayList<>();
    for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && XS.equals(e.getNamespaceURI())
          && (localName == null || localName.equals(e.getLocalName()))) {
        result.add(e);
      }
    }
    return result;
  }

  private static Element child(Element parent, String localName) {
    List<Element> found = children(parent, localName);
    return found.isEmpty() ? null : found.get(0);
  }

  private Location location(Scope scope, Element element) {
    return new Location(fileOf(scope, element), LocatedDom.line(element));
  }

  private String fileOf(Scope scope, Element element) {
    Element top = element;
    while (top.getParentNode() instanceof Element parent && parent.getParentNode() instanceof Element) {
      top = parent;
    }
    String file = scope.fileOf.get(top);
    if (file == null) {
      for (Map.Entry<String, Document> entry : documents.entrySet()) {
        if (entry.getValue() == element.getOwnerDocument()) {
          return entry.getKey();
        }
      }
    }
    return file;
  }

  private String at(Scope scope, Element element) {
    return location(scope, element).toString();
  }

  private static String at(String file, Element element) {
    return file + ":" + LocatedDom.line(element);
  }
}
