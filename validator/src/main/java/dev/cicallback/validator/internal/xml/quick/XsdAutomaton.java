package dev.cicallback.validator.internal.xml.quick;

import dev.cicallback.contract.SchemaFiles;
import dev.cicallback.contract.XsdRegex;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The packaged XSD compiled for {@link XsdVerdict}: every element declaration with its type, each complex type's
 * content model as a deterministic automaton over child names (Glushkov's construction; XSD's unique particle
 * attribution makes it deterministic), {@code xs:all} as a set of slots, simple types as their enumeration and
 * patterns, and each {@code xs:unique}/{@code xs:key} as the child paths its fields name.
 *
 * <p>It reads exactly the constructs the contract uses and refuses any other (a namespace, an attribute declaration,
 * mixed content, a base type other than {@code xs:string}, a count other than 0, 1 or unbounded, an identity
 * constraint whose selector is not {@code .}): a construct it does not know can never be silently ignored.
 */
final class XsdAutomaton {

  private static final String XS = XMLConstants.W3C_XML_SCHEMA_NS_URI;

  /** A declared element: its name, its type, and the identity constraints it scopes (null if none). */
  static final class Declaration {
    final String name;
    SimpleType simple;
    ComplexType complex;
    Fields fields;

    Declaration(String name) {
      this.name = name;
    }
  }

  /** A restriction of {@code xs:string}; {@code plain} if it has no facet at all. */
  static final class SimpleType {
    static final SimpleType STRING = new SimpleType(null, null);

    final Set<String> enumeration;
    final Pattern[] patterns;
    final boolean plain;

    SimpleType(Set<String> enumeration, Pattern[] patterns) {
      this.enumeration = enumeration;
      this.patterns = patterns;
      this.plain = enumeration == null && patterns == null;
    }

    boolean allows(String value) {
      if (enumeration != null && !enumeration.contains(value)) {
        return false;
      }
      if (patterns == null) {
        return true;
      }
      for (Pattern pattern : patterns) { // the patterns of one restriction step: any one may match
        if (pattern.matcher(value).matches()) {
          return true;
        }
      }
      return false;
    }
  }

  /** Element-only content: an automaton ({@code start}) or an {@code xs:all} ({@code all}). */
  static final class ComplexType {
    Position start;
    All all;
    /** Whether the content type is empty (no element can occur): then not even white space may. */
    boolean empty;
  }

  /**
   * A state of a content model's automaton: the start, or the element particle last matched. {@code next} is shared
   * between positions with the same follow set (in a repeated choice of hundreds of elements, all of them).
   */
  static final class Position {
    final Declaration declaration;
    Map<String, Position> next;
    boolean accepting;
    final List<List<Position>> follows = new ArrayList<>(2);

    Position(Declaration declaration) {
      this.declaration = declaration;
    }
  }

  /** An {@code xs:all}: each child at most once, the required ones present, in any order. */
  static final class All {
    final Map<String, Integer> slots = new HashMap<>();
    final List<Declaration> declarations = new ArrayList<>();
    boolean emptiable;
    int size;
    boolean[] requiredSlots;
  }

  /**
   * The fields of the identity constraints an element scopes (their selectors are all {@code .}), as a tree of child
   * steps; a step that completes a field carries that field's indices. {@code keys} are the fields that must match
   * exactly once ({@code xs:key}); every field may match at most once.
   */
  static final class Fields {
    final Step root = new Step();
    int count;
    final List<Integer> keys = new ArrayList<>();
    int[] keyFields;
  }

  static final class Step {
    final Map<String, Step> children = new HashMap<>();
    int[] fields = new int[0];
  }

  final Map<String, Declaration> roots = new HashMap<>();

  private final Map<String, Element> complexTypes = new HashMap<>();
  private final Map<String, Element> simpleTypes = new HashMap<>();
  private final Map<String, Element> groups = new HashMap<>();
  private final Map<String, ComplexType> compiledComplex = new HashMap<>();
  private final Map<String, SimpleType> compiledSimple = new HashMap<>();
  private final Map<Element, Declaration> compiledDeclarations = new IdentityHashMap<>();
  /** Tables by the follow lists they are made of, compared by identity: a repeated choice's positions share one. */
  private final Map<FollowKey, Map<String, Position>> tables = new HashMap<>();
  private int groupDepth;

  /** Compiles the packaged entry XSD {@code name} with the files it includes. */
  static XsdAutomaton compile(String name) {
    return compile(name, file -> SchemaFiles.open(SchemaFiles.XML_DIR + file));
  }

  /** Compiles the entry XSD {@code name} with the files it includes, each opened by {@code files}. */
  static XsdAutomaton compile(String name, Function<String, InputStream> files) {
    XsdAutomaton automaton = new XsdAutomaton();
    List<Element> schemas = read(name, files);
    for (Element schema : schemas) {
      automaton.collect(schema);
    }
    for (Element schema : schemas) {
      for (Element child : children(schema)) {
        if (child.getLocalName().equals("element")) {
          automaton.roots.put(child.getAttribute("name"), automaton.declaration(child));
        }
      }
    }
    return automaton;
  }

  /** Reads the entry file and, once each, every file it includes. */
  private static List<Element> read(String entry, Function<String, InputStream> files) {
    DocumentBuilder builder = documentBuilder();
    List<Element> schemas = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Deque<String> pending = new ArrayDeque<>(List.of(entry));
    while (!pending.isEmpty()) {
      String name = pending.pop();
      if (!seen.add(name)) {
        continue;
      }
      if (!name.matches("[a-z0-9-]+\\.xsd")) {
        throw unsupported("an include outside the contract's folder: " + name);
      }
      Element schema;
      try (InputStream in = files.apply(name)) {
        schema = builder.parse(in).getDocumentElement();
      } catch (IOException | SAXException e) {
        throw new IllegalStateException("cannot read the packaged " + name, e);
      }
      for (String attribute : attributes(schema)) {
        if (!Set.of("elementFormDefault", "attributeFormDefault", "version").contains(attribute)) {
          throw unsupported(name + ": xs:schema/@" + attribute);
        }
      }
      schemas.add(schema);
      for (Element child : children(schema)) {
        if (child.getLocalName().equals("include")) {
          pending.add(child.getAttribute("schemaLocation"));
        }
      }
    }
    return schemas;
  }

  private static DocumentBuilder documentBuilder() {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setExpandEntityReferences(false);
      return factory.newDocumentBuilder();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("cannot read the packaged XSD", e);
    }
  }

  private void collect(Element schema) {
    for (Element child : children(schema)) {
      String name = child.getAttribute("name");
      switch (child.getLocalName()) {
        case "include", "element" -> {}
        case "complexType" -> complexTypes.put(name, child);
        case "simpleType" -> simpleTypes.put(name, child);
        case "group" -> groups.put(name, child);
        default -> throw unsupported("xs:" + child.getLocalName() + " at the top of a schema");
      }
    }
  }

  private Declaration declaration(Element element) {
    Declaration known = compiledDeclarations.get(element);
    if (known != null) {
      return known;
    }
    allowAttributes(element, "name", "type", "minOccurs", "maxOccurs");
    Declaration declaration = new Declaration(element.getAttribute("name"));
    compiledDeclarations.put(element, declaration); // before the type: a type may contain its own element
    String type = element.getAttribute("type");
    for (Element child : children(element)) {
      switch (child.getLocalName()) {
        case "complexType" -> declaration.complex = complexType(child);
        case "simpleType" -> declaration.simple = simpleType(child);
        case "unique", "key" -> identity(declaration, child);
        default -> throw unsupported("xs:" + child.getLocalName() + " in xs:element " + declaration.name);
      }
    }
    if (!type.isEmpty()) {
      if (declaration.complex != null || declaration.simple != null) {
        throw unsupported("xs:element " + declaration.name + " with both a type and an inline one");
      }
      int colon = type.indexOf(':');
      if (colon >= 0) {
        if (!XS.equals(element.lookupNamespaceURI(type.substring(0, colon)))
            || !type.substring(colon + 1).equals("string")) {
          throw unsupported("the type " + type + " of " + declaration.name);
        }
        declaration.simple = SimpleType.STRING;
      } else if (simpleTypes.containsKey(type)) {
        declaration.simple = namedSimpleType(type);
      } else if (complexTypes.containsKey(type)) {
        declaration.complex = namedComplexType(type);
      } else {
        throw unsupported("the undeclared type " + type + " of " + declaration.name);
      }
    }
    if (declaration.complex == null && declaration.simple == null) {
      throw unsupported("xs:element " + declaration.name + " of xs:anyType");
    }
    return declaration;
  }

  private SimpleType namedSimpleType(String name) {
    SimpleType known = compiledSimple.get(name);
    if (known == null) {
      known = simpleType(simpleTypes.get(name));
      compiledSimple.put(name, known);
    }
    return known;
  }

  private ComplexType namedComplexType(String name) {
    ComplexType known = compiledComplex.get(name);
    if (known == null) {
      known = new ComplexType();
      compiledComplex.put(name, known); // before the content: recursive types
      fill(known, complexTypes.get(name));
    }
    return known;
  }

  private SimpleType simpleType(Element simpleType) {
    allowAttributes(simpleType, "name");
    List<Element> content = children(simpleType);
    if (content.size() != 1 || !content.get(0).getLocalName().equals("restriction")) {
      throw unsupported("a simple type other than a restriction: " + simpleType.getAttribute("name"));
    }
    Element restriction = content.get(0);
    allowAttributes(restriction, "base");
    String base = restriction.getAttribute("base");
    int colon = base.indexOf(':');
    if (colon < 0 || !XS.equals(restriction.lookupNamespaceURI(base.substring(0, colon)))
        || !base.substring(colon + 1).equals("string")) {
      throw unsupported("a restriction of " + base);
    }
    Set<String> enumeration = null;
    List<Pattern> patterns = null;
    for (Element facet : children(restriction)) {
      String value = facet.getAttribute("value");
      switch (facet.getLocalName()) {
        case "enumeration" -> {
          enumeration = enumeration == null ? new HashSet<>() : enumeration;
          enumeration.add(value);
        }
        case "pattern" -> {
          patterns = patterns == null ? new ArrayList<>() : patterns;
          patterns.add(XsdRegex.compile(value));
        }
        default -> throw unsupported("the facet xs:" + facet.getLocalName());
      }
    }
    return new SimpleType(
        enumeration == null ? null : Set.copyOf(enumeration),
        patterns == null ? null : patterns.toArray(Pattern[]::new));
  }

  private ComplexType complexType(Element complexType) {
    ComplexType type = new ComplexType();
    fill(type, complexType);
    return type;
  }

  /** Compiles a complex type's content: no particle (empty), an {@code xs:all}, or an automaton. */
  private void fill(ComplexType type, Element complexType) {
    allowAttributes(complexType, "name");
    List<Element> content = children(complexType);
    if (content.size() > 1) {
      throw unsupported("a complex type with more than one particle, or with attributes");
    }
    Element particle = content.isEmpty() ? null : content.get(0);
    Element all = particle == null ? null : allOf(particle);
    if (all != null) {
      type.all = all(all, particle);
      type.empty = type.all.size == 0;
      return;
    }
    Fragment fragment = particle == null ? Fragment.EMPTY : particle(particle);
    Position start = new Position(null);
    start.follows.add(fragment.first);
    for (Position last : fragment.last) {
      last.accepting = true;
    }
    start.accepting = fragment.nullable;
    type.start = start;
    link(start, new HashSet<>());
    type.empty = start.next.isEmpty();
  }

  /** The {@code xs:all} a complex type's particle is, directly or through a group; null if it is not one. */
  private Element allOf(Element particle) {
    if (particle.getLocalName().equals("all")) {
      return particle;
    }
    if (particle.getLocalName().equals("group")) {
      Element group = group(particle);
      List<Element> content = children(group);
      return content.size() == 1 && content.get(0).getLocalName().equals("all") ? content.get(0) : null;
    }
    return null;
  }

  private All all(Element all, Element particle) {
    All compiled = new All();
    compiled.emptiable = minOccurs(particle) == 0 || minOccurs(all) == 0;
    if (maxUnbounded(particle) || maxUnbounded(all)) {
      throw unsupported("a repeated xs:all");
    }
    List<Boolean> required = new ArrayList<>();
    for (Element element : children(all)) {
      if (!element.getLocalName().equals("element") || maxUnbounded(element)) {
        throw unsupported("xs:all holding more than elements that occur at most once");
      }
      Declaration declaration = declaration(element);
      if (compiled.slots.put(declaration.name, compiled.size++) != null) {
        throw unsupported("xs:all naming " + declaration.name + " twice");
      }
      compiled.declarations.add(declaration);
      required.add(minOccurs(element) == 1);
    }
    compiled.requiredSlots = new boolean[compiled.size];
    for (int i = 0; i < compiled.size; i++) {
      compiled.requiredSlots[i] = required.get(i);
    }
    return compiled;
  }

  /** What a particle contributes to Glushkov's construction. */
  private record Fragment(boolean nullable, List<Position> first, List<Position> last) {
    static final Fragment EMPTY = new Fragment(true, List.of(), List.of());
  }

  private Fragment particle(Element particle) {
    Fragment inner;
    switch (particle.getLocalName()) {
      case "element" -> {
        Position position = new Position(declaration(particle));
        inner = new Fragment(false, List.of(position), List.of(position));
      }
      case "sequence" -> {
        allowAttributes(particle, "minOccurs", "maxOccurs");
        inner = Fragment.EMPTY;
        for (Element child : children(particle)) {
          Fragment next = particle(child);
          for (Position last : inner.last) {
            last.follows.add(next.first);
          }
          inner = new Fragment(
              inner.nullable && next.nullable,
              inner.nullable ? union(inner.first, next.first) : inner.first,
              next.nullable ? union(inner.last, next.last) : next.last);
        }
      }
      case "choice" -> {
        allowAttributes(particle, "minOccurs", "maxOccurs");
        boolean nullable = false;
        List<Position> first = List.of();
        List<Position> last = List.of();
        for (Element child : children(particle)) {
          Fragment branch = particle(child);
          nullable |= branch.nullable;
          first = union(first, branch.first);
          last = union(last, branch.last);
        }
        inner = new Fragment(nullable, first, last);
      }
      case "group" -> {
        allowAttributes(particle, "ref", "minOccurs", "maxOccurs");
        if (++groupDepth > 32) {
          throw unsupported("groups nested deeper than 32 (a group that refers to itself?)");
        }
        List<Element> content = children(group(particle));
        if (content.size() != 1 || content.get(0).getLocalName().equals("all")) {
          throw unsupported("group " + particle.getAttribute("ref") + " other than one sequence or choice");
        }
        inner = particle(content.get(0));
        groupDepth--;
      }
      default -> throw unsupported("the particle xs:" + particle.getLocalName());
    }
    if (maxUnbounded(particle)) {
      for (Position last : inner.last) {
        last.follows.add(inner.first);
      }
    }
    return minOccurs(particle) == 0 ? new Fragment(true, inner.first, inner.last) : inner;
  }

  private Element group(Element reference) {
    Element group = groups.get(reference.getAttribute("ref"));
    if (group == null) {
      throw unsupported("the undeclared group " + reference.getAttribute("ref"));
    }
    allowAttributes(group, "name");
    return group;
  }

  /** Gives each position reachable from {@code position} its table of next positions by child name. */
  private void link(Position position, Set<Position> done) {
    Deque<Position> pending = new ArrayDeque<>(List.of(position));
    while (!pending.isEmpty()) {
      Position current = pending.pop();
      if (!done.add(current)) {
        continue;
      }
      current.next = table(current.follows);
      pending.addAll(current.next.values());
    }
  }

  private Map<String, Position> table(List<List<Position>> follows) {
    FollowKey key = new FollowKey(List.copyOf(follows));
    Map<String, Position> known = tables.get(key);
    if (known != null) {
      return known;
    }
    Map<String, Position> table = new HashMap<>();
    for (List<Position> follow : follows) {
      for (Position next : follow) {
        Position other = table.put(next.declaration.name, next);
        if (other != null && other != next) {
          throw unsupported("a content model that is not deterministic at " + next.declaration.name);
        }
      }
    }
    tables.put(key, table);
    return table;
  }

  /** A list of follow lists, equal to another when it holds the very same lists in the same order. */
  private record FollowKey(List<List<Position>> lists) {
    @Override
    public boolean equals(Object other) {
      if (!(other instanceof FollowKey that) || that.lists.size() != lists.size()) {
        return false;
      }
      for (int i = 0; i < lists.size(); i++) {
        if (lists.get(i) != that.lists.get(i)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public int hashCode() {
      int hash = 1;
      for (List<Position> list : lists) {
        hash = 31 * hash + System.identityHashCode(list);
      }
      return hash;
    }
  }

  private static List<Position> union(List<Position> a, List<Position> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    Set<Position> union = new LinkedHashSet<>(a);
    union.addAll(b);
    return List.copyOf(union);
  }

  private void identity(Declaration declaration, Element constraint) {
    allowAttributes(constraint, "name");
    boolean key = constraint.getLocalName().equals("key");
    Fields fields = declaration.fields == null ? new Fields() : declaration.fields;
    declaration.fields = fields;
    List<Element> parts = children(constraint);
    if (parts.isEmpty() || !parts.get(0).getLocalName().equals("selector")
        || !parts.get(0).getAttribute("xpath").strip().equals(".")) {
      throw unsupported("an identity constraint whose selector is not \".\": " + constraint.getAttribute("name"));
    }
    for (Element field : parts.subList(1, parts.size())) {
      String xpath = field.getAttribute("xpath").strip();
      if (!field.getLocalName().equals("field") || !xpath.matches("[A-Za-z_][A-Za-z0-9_.-]*(/[A-Za-z_][A-Za-z0-9_.-]*)*")) {
        throw unsupported("a field other than a path of child names: " + xpath);
      }
      Step step = fields.root;
      for (String name : xpath.split("/")) {
        step = step.children.computeIfAbsent(name, n -> new Step());
      }
      int index = fields.count++;
      step.fields = java.util.Arrays.copyOf(step.fields, step.fields.length + 1);
      step.fields[step.fields.length - 1] = index;
      if (key) {
        fields.keys.add(index);
      }
    }
    fields.keyFields = fields.keys.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int minOccurs(Element particle) {
    String value = particle.getAttribute("minOccurs");
    if (value.isEmpty() || value.equals("1")) {
      return 1;
    }
    if (value.equals("0")) {
      return 0;
    }
    throw unsupported("minOccurs=\"" + value + "\"");
  }

  private static boolean maxUnbounded(Element particle) {
    String value = particle.getAttribute("maxOccurs");
    if (value.isEmpty() || value.equals("1")) {
      return false;
    }
    if (value.equals("unbounded")) {
      return true;
    }
    throw unsupported("maxOccurs=\"" + value + "\"");
  }

  private static void allowAttributes(Element element, String... allowed) {
    Set<String> names = Set.of(allowed);
    for (String attribute : attributes(element)) {
      if (!names.contains(attribute)) {
        throw unsupported("@" + attribute + " on xs:" + element.getLocalName() + " " + element.getAttribute("name"));
      }
    }
  }

  /** Attribute names, namespace declarations left out. */
  private static Collection<String> attributes(Element element) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < element.getAttributes().getLength(); i++) {
      Node attribute = element.getAttributes().item(i);
      if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())) {
        names.add(attribute.getNodeName());
      }
    }
    return names;
  }

  /** The XSD children of {@code parent}, annotations left out; anything outside the XSD namespace is refused. */
  private static List<Element> children(Element parent) {
    List<Element> children = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element child) {
        if (!XS.equals(child.getNamespaceURI())) {
          throw unsupported("the element " + child.getNodeName() + " inside an XSD");
        }
        if (!child.getLocalName().equals("annotation")) {
          children.add(child);
        }
      }
    }
    return children;
  }

  private static IllegalArgumentException unsupported(String what) {
    return new IllegalArgumentException("the quick XML pass does not read " + what);
  }

  private XsdAutomaton() {}

  /** An automaton with no declaration yet, for {@link XsdAutomatonFile} to fill. */
  static XsdAutomaton empty() {
    return new XsdAutomaton();
  }
}
