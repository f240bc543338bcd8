package dev.cicallback.compat.internal;

import dev.cicallback.contract.Bound;
import dev.cicallback.contract.ContractNode;
import dev.cicallback.contract.TypeOrder;
import dev.cicallback.contract.ValueType;
import dev.cicallback.contract.Location;
import dev.cicallback.compat.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares two normalized trees of one form of a contract node by node, by name, and says what each difference means
 * for payloads: whether a reader on NEW refuses some payload valid under OLD (backward), and the reverse (forward).
 */
public final class TreeComparer {

  /**
   * One difference in one form.
   *
   * @param rule its kind
   * @param path the node's names below the root object (the JSON Pointer's steps; the XSD's root element is not in
   *     it)
   * @param oldAt where the node is declared in OLD, or null
   * @param newAt where the node is declared in NEW, or null
   * @param breaksBackward whether a reader on NEW refuses a payload valid under OLD
   * @param breaksForward whether a reader on OLD refuses a payload valid under NEW
   * @param message what it means, in a sentence
   */
  public record Difference(Rule rule, List<String> path, Location oldAt, Location newAt, boolean breaksBackward,
      boolean breaksForward, String message) {}

  private final List<Difference> differences = new ArrayList<>();

  private TreeComparer() {}

  /** The differences between two roots of the same entry; {@code path} is the root's (empty for a JSON root). */
  public static List<Difference> compare(ContractNode old, ContractNode updated, List<String> path) {
    TreeComparer comparer = new TreeComparer();
    comparer.node(old, updated, path, false);
    return comparer.differences;
  }

  /** A root present on one side only: a new or a gone entry, which a reader on the other side knows nothing of. */
  public static Difference rootOnOneSide(ContractNode old, ContractNode updated, List<String> path) {
    if (updated == null) {
      return new Difference(Rule.NODE_REMOVED, path, old.declaredAt(), null, true, false,
          "The root " + root(old) + " is gone: payloads of it, valid under OLD, are refused under NEW.");
    }
    return new Difference(Rule.NODE_ADDED_OPTIONAL, path, null, updated.declaredAt(), false, true,
        "The root " + root(updated) + " is new: payloads of it are refused by readers on OLD.");
  }

  private static String root(ContractNode node) {
    return node.name().isEmpty() ? "object" : node.name();
  }

  private void node(ContractNode old, ContractNode updated, List<String> path, boolean occurrences) {
    String name = label(updated, path);
    if (occurrences) {
      occurrences(old, updated, path, name);
    }
    if (old.kind() != updated.kind()) {
      kindChanged(old, updated, path, name);
      return;
    }
    switch (updated.kind()) {
      case CONTAINER -> container(old, updated, path, name);
      case VALUE -> {
        value(old, updated, path, name);
        if (!old.children().isEmpty() || !updated.children().isEmpty()) {
          container(old, updated, path, name);
        }
      }
      case RECURSIVE -> {
        if (!old.recursiveType().equals(updated.recursiveType())) {
          add(Rule.TYPE_CHANGED, path, old.typeAt(), updated.typeAt(), true, true,
              name + " now has the type " + updated.recursiveType() + " instead of " + old.recursiveType()
                  + ": payloads valid under either may be refused by the other.");
        }
      }
      case ANY -> { }
      default -> throw new IllegalStateException(updated.kind().toString());
    }
  }

  private void occurrences(ContractNode old, ContractNode updated, List<String> path, String name) {
    Location oldAt = old.declaredAt();
    Location newAt = updated.declaredAt();
    if (old.min() == 0 && updated.min() > 0) {
      add(Rule.OPTIONAL_MADE_REQUIRED, path, oldAt, newAt, true, false,
          name + " is now required: payloads valid under OLD that lack it are refused under NEW.");
    } else if (old.min() > 0 && updated.min() == 0) {
      add(Rule.REQUIRED_MADE_OPTIONAL, path, oldAt, newAt, false, true,
          name + " is now optional: payloads valid under NEW may lack it, which readers on OLD refuse.");
    } else if (updated.min() > old.min()) {
      add(Rule.MIN_OCCURS_RAISED, path, oldAt, newAt, true, false,
          name + " must now occur at least " + updated.min() + " times, not " + old.min()
              + ": payloads valid under OLD with fewer are refused under NEW.");
    } else if (updated.min() < old.min()) {
      add(Rule.MIN_OCCURS_LOWERED, path, oldAt, newAt, false, true,
          name + " may now occur " + updated.min() + " times, not at least " + old.min()
              + ": payloads valid under NEW with fewer are refused by readers on OLD.");
    }
    if (updated.max() < old.max()) {
      add(Rule.MAX_OCCURS_LOWERED, path, oldAt, newAt, true, false,
          name + " may now occur at most " + times(updated.max()) + ", not " + times(old.max())
              + ": payloads valid under OLD with more are refused under NEW.");
    } else if (updated.max() > old.max()) {
      add(Rule.MAX_OCCURS_RAISED, path, oldAt, newAt, false, true,
          name + " may now occur " + times(updated.max()) + ", not at most " + times(old.max())
              + ": payloads valid under NEW with more are refused by readers on OLD.");
    }
  }

  private void kindChanged(ContractNode old, ContractNode updated, List<String> path, String name) {
    if (updated.kind() == ContractNode.Kind.ANY) {
      add(Rule.TYPE_WIDENED, path, old.typeAt(), updated.typeAt(), false, true,
          name + " now takes anything: payloads valid under NEW may hold what readers on OLD refuse.");
    } else if (old.kind() == ContractNode.Kind.ANY) {
      add(Rule.TYPE_NARROWED, path, old.typeAt(), updated.typeAt(), true, false,
          name + " took anything and is now " + describe(updated)
              + ": payloads valid under OLD may hold what NEW refuses.");
    } else {
      add(Rule.TYPE_CHANGED, path, old.typeAt(), updated.typeAt(), true, true,
          name + " was " + describe(old) + " and is now " + describe(updated)
              + ": a payload valid under one is refused by the other.");
    }
  }

  private static String describe(ContractNode node) {
    return switch (node.kind()) {
      case CONTAINER -> "a container";
      case VALUE -> "a value";
      case ANY -> "anything";
      case RECURSIVE -> "a container of type " + node.recursiveType();
    };
  }

  private void container(ContractNode old, ContractNode updated, List<String> path, String name) {
    Location oldAt = old.typeAt();
    Location newAt = updated.typeAt();
    if (old.open() && !updated.open()) {
      add(Rule.CONTENT_CLOSED, path, oldAt, newAt, true, false,
          name + " no longer accepts undeclared children: payloads valid under OLD that carry some are refused "
              + "under NEW.");
    } else if (!old.open() && updated.open()) {
      add(Rule.CONTENT_OPENED, path, oldAt, newAt, false, true,
          name + " now accepts undeclared children: payloads valid under NEW may carry some, which readers on OLD "
              + "refuse.");
    }
    for (Map.Entry<String, ContractNode> entry : old.children().entrySet()) {
      ContractNode gone = entry.getValue();
      ContractNode kept = updated.children().get(entry.getKey());
      List<String> childPath = append(path, entry.getKey());
      if (kept != null) {
        node(gone, kept, childPath, true);
        continue;
      }
      boolean backward = !updated.open() && gone.max() > 0;
      boolean forward = gone.min() > 0;
      String label = label(gone, childPath);
      String means = backward
          ? "payloads valid under OLD that carry it are refused under NEW, where " + name + " is closed"
          : name + " is open in NEW, so payloads that carry it are still accepted";
      if (forward) {
        means += "; it was required, so payloads valid under NEW lack what readers on OLD require";
      }
      add(Rule.NODE_REMOVED, childPath, gone.declaredAt(), null, backward, forward,
          label + " is no longer declared: " + means + ".");
    }
    for (Map.Entry<String, ContractNode> entry : updated.children().entrySet()) {
      if (old.children().containsKey(entry.getKey())) {
        continue;
      }
      ContractNode added = entry.getValue();
      List<String> childPath = append(path, entry.getKey());
      String label = label(added, childPath);
      boolean forward = !old.open();
      String forwardMeans = forward
          ? "payloads valid under NEW that carry it are refused by readers on OLD, where " + name + " is closed"
          : name + " is open in OLD, so readers on OLD accept it";
      if (added.min() == 0) {
        add(Rule.NODE_ADDED_OPTIONAL, childPath, null, added.declaredAt(), false, forward,
            label + " is new and optional: payloads valid under OLD are still accepted; " + forwardMeans + ".");
      } else {
        add(Rule.NODE_ADDED_REQUIRED, childPath, null, added.declaredAt(), true, forward,
            label + " is new and required: payloads valid under OLD lack it and are refused under NEW; "
                + forwardMeans + ".");
      }
    }
  }

  private void value(ContractNode old, ContractNode updated, List<String> path, String name) {
    ValueType was = old.value();
    ValueType now = updated.value();
    Location oldAt = old.typeAt();
    Location newAt = updated.typeAt();
    switch (TypeOrder.relate(was.types(), now.types())) {
      case NARROWER -> add(Rule.TYPE_NARROWED, path, oldAt, newAt, true, false,
          name + "'s type is now " + types(now) + ", narrower than " + types(was)
              + ": values valid under OLD may be refused under NEW.");
      case WIDER -> add(Rule.TYPE_WIDENED, path, oldAt, newAt, false, true,
          name + "'s type is now " + types(now) + ", wider than " + types(was)
              + ": values valid under NEW may be refused by readers on OLD.");
      case OTHER -> add(Rule.TYPE_CHANGED, path, oldAt, newAt, true, true,
          name + "'s type is now " + types(now) + " instead of " + types(was)
              + ", neither wider nor narrower: values valid under either may be refused by the other.");
      case SAME -> { }
      default -> throw new IllegalStateException();
    }
    enumeration(was, now, path, name, oldAt, newAt);
    patterns(was, now, path, name, oldAt, newAt);
    boolean tightened = Bound.lowerStricter(now.lower(), was.lower()) || Bound.upperStricter(now.upper(), was.upper());
    boolean relaxed = Bound.lowerStricter(was.lower(), now.lower()) || Bound.upperStricter(was.upper(), now.upper());
    String range = " (from " + range(was) + " to " + range(now) + ")";
    if (tightened) {
      add(Rule.RANGE_TIGHTENED, path, oldAt, newAt, true, false,
          name + "'s range is stricter" + range + ": values valid under OLD may be refused under NEW.");
    }
    if (relaxed) {
      add(Rule.RANGE_RELAXED, path, oldAt, newAt, false, true,
          name + "'s range is looser" + range + ": values valid under NEW may be refused by readers on OLD.");
    }
    boolean shorter = stricterMin(now.minLength(), was.minLength()) || stricterMax(now.maxLength(), was.maxLength());
    boolean longer = stricterMin(was.minLength(), now.minLength()) || stricterMax(was.maxLength(), now.maxLength());
    String length = " (from " + length(was) + " to " + length(now) + ")";
    if (shorter) {
      add(Rule.LENGTH_TIGHTENED, path, oldAt, newAt, true, false,
          name + "'s length bound is stricter" + length + ": values valid under OLD may be refused under NEW.");
    }
    if (longer) {
      add(Rule.LENGTH_RELAXED, path, oldAt, newAt, false, true,
          name + "'s length bound is looser" + length + ": values valid under NEW may be refused by readers on OLD.");
    }
  }

  private void enumeration(ValueType was, ValueType now, List<String> path, String name, Location oldAt,
      Location newAt) {
    if (was.enumeration() == null && now.enumeration() != null) {
      add(Rule.TYPE_NARROWED, path, oldAt, newAt, true, false,
          name + " is now limited to " + now.enumeration().size() + " values (" + String.join(", ", now.enumeration())
              + "): other values, valid under OLD, are refused under NEW.");
    } else if (was.enumeration() != null && now.enumeration() == null) {
      add(Rule.TYPE_WIDENED, path, oldAt, newAt, false, true,
          name + " is no longer limited to " + was.enumeration().size()
              + " values: other values, valid under NEW, are refused by readers on OLD.");
    } else if (was.enumeration() != null) {
      Set<String> removed = new TreeSet<>(was.enumeration());
      removed.removeAll(now.enumeration());
      Set<String> added = new TreeSet<>(now.enumeration());
      added.removeAll(was.enumeration());
      if (!removed.isEmpty()) {
        add(Rule.ENUM_VALUE_REMOVED, path, oldAt, newAt, true, false,
            name + " no longer takes " + String.join(", ", removed)
                + ": payloads valid under OLD with such a value are refused under NEW.");
      }
      if (!added.isEmpty()) {
        add(Rule.ENUM_VALUE_ADDED, path, oldAt, newAt, false, true,
            name + " now also takes " + String.join(", ", added)
                + ": payloads valid under NEW with such a value are refused by readers on OLD.");
      }
    }
  }

  private void patterns(ValueType was, ValueType now, List<String> path, String name, Location oldAt,
      Location newAt) {
    if (was.patterns().equals(now.patterns())) {
      return;
    }
    if (was.patterns().isEmpty()) {
      add(Rule.PATTERN_ADDED, path, oldAt, newAt, true, false,
          name + " must now match " + String.join(" and ", now.patterns())
              + ": values valid under OLD that do not are refused under NEW.");
    } else if (now.patterns().isEmpty()) {
      add(Rule.PATTERN_REMOVED, path, oldAt, newAt, false, true,
          name + " no longer has to match " + String.join(" and ", was.patterns())
              + ": values valid under NEW that do not are refused by readers on OLD.");
    } else {
      add(Rule.PATTERN_CHANGED, path, oldAt, newAt, true, true,
          name + "'s pattern is now " + String.join(" and ", now.patterns()) + ", was "
              + String.join(" and ", was.patterns()) + "; whether it accepts more or less is not decided, so it "
              + "counts as breaking both ways.");
    }
  }

  private static boolean stricterMin(Long bound, Long other) {
    return bound != null && (other == null || bound > other);
  }

  private static boolean stricterMax(Long bound, Long other) {
    return bound != null && (other == null || bound < other);
  }

  private static String types(ValueType type) {
    return String.join(" or ", type.types());
  }

  private static String range(ValueType type) {
    return (type.lower() == null ? "no minimum" : "minimum " + type.lower()) + ", "
        + (type.upper() == null ? "no maximum" : "maximum " + type.upper());
  }

  private static String length(ValueType type) {
    return (type.minLength() == null ? "no least length" : "length at least " + type.minLength()) + ", "
        + (type.maxLength() == null ? "no greatest length" : "at most " + type.maxLength());
  }

  private static String times(long count) {
    return count == ContractNode.UNBOUNDED ? "any number of times" : count == 1 ? "once" : count + " times";
  }

  /** The node's name in a sentence: its path below the root, or "the root". */
  private static String label(ContractNode node, List<String> path) {
    return path.isEmpty() ? "the root" : String.join("/", path);
  }

  private static String capitalized(String sentence) {
    return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
  }

  private static List<String> append(List<String> path, String name) {
    List<String> longer = new ArrayList<>(path);
    longer.add(name);
    return List.copyOf(longer);
  }

  private void add(Rule rule, List<String> path, Location oldAt, Location newAt, boolean backward, boolean forward,
      String message) {
    differences.add(new Difference(rule, path, oldAt, newAt, backward, forward, capitalized(message)));
  }
}
