package dev.cicallback.contract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * The elements an XSD content model admits, by name, each with how often it may occur in one instance of the
 * content: a sequence adds occurrences up, a choice takes the least and the most of its branches (an element absent
 * from a branch may occur no times), and a particle's own minOccurs and maxOccurs multiply them.
 */
final class Particles {

  /**
   * How often one element occurs, and its (first) declaration.
   *
   * @param min least occurrences
   * @param max most occurrences, {@link ContractNode#UNBOUNDED} for no limit
   * @param declaration the xs:element that declares it
   */
  record Occurrence(long min, long max, Element declaration) {}

  static final Particles EMPTY = new Particles(Map.of());

  final Map<String, Occurrence> byName;

  private Particles(Map<String, Occurrence> byName) {
    this.byName = byName;
  }

  static Particles element(String name, Element declaration, long min, long max) {
    return new Particles(Map.of(name, new Occurrence(min, max, declaration)));
  }

  static Particles sequence(List<Particles> parts) {
    Map<String, Occurrence> all = new LinkedHashMap<>();
    for (Particles part : parts) {
      part.byName.forEach((name, occurrence) -> all.merge(name, occurrence, (a, b) ->
          new Occurrence(add(a.min, b.min), add(a.max, b.max), a.declaration)));
    }
    return new Particles(all);
  }

  static Particles choice(List<Particles> branches) {
    Map<String, Occurrence> all = new LinkedHashMap<>();
    for (Particles branch : branches) {
      branch.byName.forEach((name, occurrence) -> all.merge(name, occurrence, (a, b) ->
          new Occurrence(Math.min(a.min, b.min), Math.max(a.max, b.max), a.declaration)));
    }
    if (branches.size() > 1) {
      all.replaceAll((name, occurrence) -> branches.stream().allMatch(b -> b.byName.containsKey(name))
          ? occurrence : new Occurrence(0, occurrence.max, occurrence.declaration));
    }
    return new Particles(all);
  }

  /** These particles repeated between {@code min} and {@code max} times. */
  Particles times(long min, long max) {
    Map<String, Occurrence> all = new LinkedHashMap<>();
    byName.forEach((name, occurrence) -> all.put(name,
        new Occurrence(multiply(occurrence.min, min), multiply(occurrence.max, max), occurrence.declaration)));
    return new Particles(all);
  }

  private static long add(long a, long b) {
    return a == ContractNode.UNBOUNDED || b == ContractNode.UNBOUNDED || a + b < 0 ? ContractNode.UNBOUNDED : a + b;
  }

  private static long multiply(long a, long b) {
    if (a == 0 || b == 0) {
      return 0;
    }
    if (a == ContractNode.UNBOUNDED || b == ContractNode.UNBOUNDED || a > ContractNode.UNBOUNDED / b) {
      return ContractNode.UNBOUNDED;
    }
    return a * b;
  }
}
