package dev.cicallback.compat.internal;

import dev.cicallback.compat.Location;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A node of a normalized contract tree: an element (XSD) or a property (JSON Schema) with how often it occurs, and
 * either the nodes it contains or the values it takes. Built by the readers, read by {@link TreeComparer}.
 */
public final class Node {

  /** What a node holds. */
  public enum Kind {
    /** Child nodes ({@link #children()}), open or closed to undeclared ones. */
    CONTAINER,
    /** A value ({@link #value()}). */
    VALUE,
    /** Anything at all (an element without a type, a JSON schema {@code true} or {@code {}}). */
    ANY,
    /** A container whose type is one of its ancestors' ({@link #recursiveType()}): compared by the type's name. */
    RECURSIVE
  }

  /** {@link #max()} of a node that may repeat without limit. */
  public static final long UNBOUNDED = Long.MAX_VALUE;

  private final String name;
  private final Kind kind;
  private long min = 1;
  private long max = 1;
  private boolean open;
  private final Map<String, Node> children = new LinkedHashMap<>();
  private ValueType value = ValueType.ANY_TEXT;
  private String recursiveType = "";
  private Location declaredAt;
  private Location typeAt;

  public Node(String name, Kind kind, Location declaredAt) {
    this.name = name;
    this.kind = kind;
    this.declaredAt = declaredAt;
    this.typeAt = declaredAt;
  }

  public String name() {
    return name;
  }

  public Kind kind() {
    return kind;
  }

  public long min() {
    return min;
  }

  public long max() {
    return max;
  }

  public Node occurs(long min, long max) {
    this.min = min;
    this.max = max;
    return this;
  }

  /** Whether a container accepts child nodes it does not declare. */
  public boolean open() {
    return open;
  }

  public Node open(boolean open) {
    this.open = open;
    return this;
  }

  /** The declared children by name, in declaration order. */
  public Map<String, Node> children() {
    return children;
  }

  /** Adds {@code child}, unless a child of that name is declared already (the first declaration stands). */
  public void addChild(Node child) {
    children.putIfAbsent(child.name(), child);
  }

  public ValueType value() {
    return value;
  }

  public Node value(ValueType value) {
    this.value = value;
    return this;
  }

  public String recursiveType() {
    return recursiveType;
  }

  public Node recursiveType(String type) {
    this.recursiveType = type;
    return this;
  }

  /** Where the element or property is declared. */
  public Location declaredAt() {
    return declaredAt;
  }

  public Node declaredAt(Location location) {
    this.declaredAt = location;
    return this;
  }

  /** Where its type (and so its facets) is declared; the declaration itself for an inline type. */
  public Location typeAt() {
    return typeAt;
  }

  public Node typeAt(Location location) {
    this.typeAt = location;
    return this;
  }
}
