package dev.cicallback.validator.internal.xml.quick;

import dev.cicallback.contract.ContentModel;
import dev.cicallback.contract.Contract;
import dev.cicallback.contract.ContractNode;
import dev.cicallback.contract.Identity;
import dev.cicallback.contract.ValueType;
import dev.cicallback.contract.XsdRegex;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The packaged XSD compiled for {@link XsdVerdict}: every element declaration with its type, each complex type's
 * content model as a deterministic automaton over child names (Glushkov's construction; XSD's unique particle
 * attribution makes it deterministic), {@code xs:all} as a set of slots, simple types as their enumeration and
 * patterns, and each {@code xs:unique}/{@code xs:key} as the child paths its fields name.
 *
 * <p>It compiles the contract module's tree of the XSD form ({@link ContractNode#content()},
 * {@link ContractNode#identities()}, {@link ContractNode#value()}), not the schema files, and refuses a contract that
 * uses any construct of {@link dev.cicallback.contract.RefusedConstruct} (the one list, printed in
 * {@code schema/README.md}): a construct it does not know can never be silently ignored.
 */
final class XsdAutomaton {

  /** The entry the validator applies. */
  private static final String ENTRY = "callback";

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
      for (Pattern pattern : patterns) { // one per restriction step (its alternatives joined): all must match
        if (!pattern.matcher(value).matches()) {
          return false;
        }
      }
      return true;
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

  private final Map<String, ComplexType> compiledComplex = new HashMap<>();
  private final Map<String, SimpleType> compiledSimple = new HashMap<>();
  /** Tables by the follow lists they are made of, compared by identity: a repeated choice's positions share one. */
  private final Map<FollowKey, Map<String, Position>> tables = new HashMap<>();

  /** Compiles the packaged contract's XSD form (entry {@code callback}): the build step's input. */
  static XsdAutomaton compile() {
    return compile(Contract.packaged());
  }

  /**
   * Compiles the XSD form of {@code contract}'s entry {@code callback} from its tree.
   *
   * @throws IllegalArgumentException when the contract uses a construct it may not ({@link Contract#refusals()}), or
   *     a content model that is not deterministic
   */
  static XsdAutomaton compile(Contract contract) {
    if (!contract.refusals().isEmpty()) {
      throw new IllegalArgumentException("the quick XML pass does not read what the contract may not use: "
          + contract.refusals());
    }
    XsdAutomaton automaton = new XsdAutomaton();
    for (ContractNode root : contract.xsd().getOrDefault(ENTRY, Map.of()).values()) {
      automaton.roots.put(root.name(), automaton.declaration(root));
    }
    return automaton;
  }

  private Declaration declaration(ContractNode node) {
    Declaration declaration = new Declaration(node.name());
    switch (node.kind()) {
      case VALUE -> declaration.simple = simpleType(node);
      case CONTAINER -> declaration.complex = complexType(node);
      case RECURSIVE -> {
        declaration.complex = compiledComplex.get(node.recursiveType());
        if (declaration.complex == null) {
          throw unsupported("the recursive type " + node.recursiveType() + " of " + node.name());
        }
      }
      default -> throw unsupported("xs:element " + node.name() + " of xs:anyType");
    }
    for (Identity constraint : node.identities()) {
      identity(declaration, constraint);
    }
    return declaration;
  }

  private SimpleType simpleType(ContractNode node) {
    SimpleType known = node.typeName().isEmpty() ? null : compiledSimple.get(node.typeName());
    if (known != null) {
      return known;
    }
    ValueType value = node.value();
    if (!value.types().equals(Set.of("xs:string"))) {
      throw unsupported("the type " + value.types() + " of " + node.name());
    }
    SimpleType type = value.enumeration() == null && value.patterns().isEmpty() ? SimpleType.STRING
        : new SimpleType(value.enumeration() == null ? null : Set.copyOf(value.enumeration()),
            value.patterns().isEmpty() ? null
                : value.patterns().stream().map(XsdRegex::compile).toArray(Pattern[]::new));
    if (!node.typeName().isEmpty()) {
      compiledSimple.put(node.typeName(), type);
    }
    return type;
  }

  /** A container's content, compiled once per named type (before its content: a type may contain itself). */
  private ComplexType complexType(ContractNode node) {
    String name = node.typeName();
    ComplexType known = name.isEmpty() ? null : compiledComplex.get(name);
    if (known != null) {
      return known;
    }
    ComplexType type = new ComplexType();
    if (!name.isEmpty()) {
      compiledComplex.put(name, type);
    }
    fill(type, node);
    return type;
  }

  /** Compiles a complex type's content: no particle (empty), an {@code xs:all}, or an automaton. */
  private void fill(ComplexType type, ContractNode node) {
    ContentModel model = node.content();
    if (model instanceof ContentModel.All all) {
      type.all = all(all, node);
      type.empty = type.all.size == 0;
      return;
    }
    Fragment fragment = model == null ? Fragment.EMPTY : particle(model, node);
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

  private All all(ContentModel.All all, ContractNode parent) {
    All compiled = new All();
    compiled.emptiable = all.min() == 0;
    if (all.max() != 1) {
      throw unsupported("a repeated xs:all");
    }
    List<Boolean> required = new ArrayList<>();
    for (ContentModel.Element element : all.parts()) {
      if (element.max() != 1) {
        throw unsupported("xs:all holding more than elements that occur at most once");
      }
      Declaration declaration = declaration(child(parent, element.name()));
      if (compiled.slots.put(declaration.name, compiled.size++) != null) {
        throw unsupported("xs:all naming " + declaration.name + " twice");
      }
      compiled.declarations.add(declaration);
      required.add(element.min() == 1);
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

  private Fragment particle(ContentModel particle, ContractNode parent) {
    Fragment inner;
    if (particle instanceof ContentModel.Element element) {
      Position position = new Position(declaration(child(parent, element.name())));
      inner = new Fragment(false, List.of(position), List.of(position));
    } else if (particle instanceof ContentModel.Sequence sequence) {
      inner = Fragment.EMPTY;
      for (ContentModel part : sequence.parts()) {
        Fragment next = particle(part, parent);
        for (Position last : inner.last) {
          last.follows.add(next.first);
        }
        inner = new Fragment(
            inner.nullable && next.nullable,
            inner.nullable ? union(inner.first, next.first) : inner.first,
            next.nullable ? union(inner.last, next.last) : next.last);
      }
    } else if (particle instanceof ContentModel.Choice choice) {
      boolean nullable = false;
      List<Position> first = List.of();
      List<Position> last = List.of();
      for (ContentModel part : choice.parts()) {
        Fragment branch = particle(part, parent);
        nullable |= branch.nullable;
        first = union(first, branch.first);
        last = union(last, branch.last);
      }
      inner = new Fragment(nullable, first, last);
    } else {
      throw unsupported("xs:all inside another particle");
    }
    if (particle.max() == ContractNode.UNBOUNDED) {
      for (Position last : inner.last) {
        last.follows.add(inner.first);
      }
    } else if (particle.max() != 1) {
      throw unsupported("maxOccurs=\"" + particle.max() + "\"");
    }
    if (particle.min() > 1) {
      throw unsupported("minOccurs=\"" + particle.min() + "\"");
    }
    return particle.min() == 0 ? new Fragment(true, inner.first, inner.last) : inner;
  }

  private static ContractNode child(ContractNode parent, String name) {
    ContractNode child = parent.child(name);
    if (child == null) {
      throw unsupported("the undeclared child " + name + " of " + parent.name());
    }
    return child;
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

  private void identity(Declaration declaration, Identity constraint) {
    Fields fields = declaration.fields == null ? new Fields() : declaration.fields;
    declaration.fields = fields;
    if (!constraint.selector().equals(".")) {
      throw unsupported("an identity constraint whose selector is not \".\": " + constraint.name());
    }
    for (String xpath : constraint.fields()) {
      if (!xpath.matches("[A-Za-z_][A-Za-z0-9_.-]*(/[A-Za-z_][A-Za-z0-9_.-]*)*")) {
        throw unsupported("a field other than a path of child names: " + xpath);
      }
      Step step = fields.root;
      for (String name : xpath.split("/")) {
        step = step.children.computeIfAbsent(name, n -> new Step());
      }
      int index = fields.count++;
      step.fields = java.util.Arrays.copyOf(step.fields, step.fields.length + 1);
      step.fields[step.fields.length - 1] = index;
      if (constraint.key()) {
        fields.keys.add(index);
      }
    }
    fields.keyFields = fields.keys.stream().mapToInt(Integer::intValue).toArray();
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
