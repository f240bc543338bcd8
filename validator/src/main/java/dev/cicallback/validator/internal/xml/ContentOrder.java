package dev.cicallback.validator.internal.xml;

import dev.cicallback.contract.ContentModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which children may come next in a container, read from the contract's content model ({@link ContentModel}) and
 * the children seen so far: what an "expected one of" says, worked out from the contract rather than read from the
 * schema validator's sentence.
 */
final class ContentOrder {

  private ContentOrder() {}

  /**
   * The names that may follow {@code seen} in {@code model}, in the order of the element particles that would take
   * them, as the schema writes them (the order the schema validator lists them in); empty when {@code seen} cannot
   * begin a valid content (or the model is null).
   */
  static List<String> next(ContentModel model, List<String> seen) {
    if (model == null) {
      return List.of();
    }
    Map<ContentModel.Element, Integer> leaves = new IdentityHashMap<>();
    Set<String> names = new LinkedHashSet<>();
    number(model, leaves, names);
    List<String> sequence = new ArrayList<>(seen);
    sequence.add("");
    TreeMap<Integer, String> next = new TreeMap<>();
    for (String name : names) {
      sequence.set(sequence.size() - 1, name);
      Run run = new Run(sequence, leaves);
      run.reach(model, 0);
      if (run.lastLeaf < Integer.MAX_VALUE) {
        next.put(run.lastLeaf, name);
      }
    }
    return List.copyOf(next.values());
  }

  /** Numbers the element particles in the order the schema writes them, and gathers their names. */
  private static void number(ContentModel model, Map<ContentModel.Element, Integer> leaves, Set<String> names) {
    if (model instanceof ContentModel.Element element) {
      leaves.put(element, leaves.size());
      names.add(element.name());
    } else {
      parts(model).forEach(part -> number(part, leaves, names));
    }
  }

  private static List<? extends ContentModel> parts(ContentModel model) {
    if (model instanceof ContentModel.Sequence sequence) {
      return sequence.parts();
    }
    if (model instanceof ContentModel.Choice choice) {
      return choice.parts();
    }
    if (model instanceof ContentModel.All all) {
      return all.parts();
    }
    return List.of();
  }

  /**
   * One matching of a sequence of names; {@code lastLeaf} is the first element particle that takes the last name. Only
   * that is asked of it: which particles a match reaches is all it keeps.
   */
  private static final class Run {
    private final List<String> sequence;
    private final Map<ContentModel.Element, Integer> leaves;
    int lastLeaf = Integer.MAX_VALUE;

    Run(List<String> sequence, Map<ContentModel.Element, Integer> leaves) {
      this.sequence = sequence;
      this.leaves = leaves;
    }

    /**
     * Where a match of {@code model} with its occurrences, starting at {@code from}, may end. Past {@code min()}
     * occurrences each one more either adds an end or stops the count, so the count ends with an unbounded
     * {@code max()} too.
     */
    Set<Integer> reach(ContentModel model, int from) {
      Set<Integer> ends = new HashSet<>();
      if (model.min() == 0) {
        ends.add(from);
      }
      Set<Integer> frontier = Set.of(from);
      for (long count = 1; count <= model.max() && !frontier.isEmpty(); count++) {
        Set<Integer> next = new HashSet<>();
        for (int position : frontier) {
          next.addAll(once(model, position));
        }
        if (count >= model.min()) {
          if (ends.containsAll(next)) {
            break; // nothing new: more occurrences can only match nothing again
          }
          ends.addAll(next);
        }
        frontier = next;
      }
      return ends;
    }

    /** Where one occurrence of {@code model} starting at {@code from} may end. */
    private Set<Integer> once(ContentModel model, int from) {
      if (model instanceof ContentModel.Element element) {
        if (from == sequence.size() || !sequence.get(from).equals(element.name())) {
          return Set.of();
        }
        if (from + 1 == sequence.size()) {
          lastLeaf = Math.min(lastLeaf, leaves.get(element));
        }
        return Set.of(from + 1);
      }
      if (model instanceof ContentModel.Sequence sequenceModel) {
        Set<Integer> current = Set.of(from);
        for (ContentModel part : sequenceModel.parts()) {
          Set<Integer> next = new HashSet<>();
          for (int position : current) {
            next.addAll(reach(part, position));
          }
          current = next;
        }
        return current;
      }
      if (model instanceof ContentModel.Choice choice) {
        Set<Integer> ends = new HashSet<>();
        for (ContentModel part : choice.parts()) {
          ends.addAll(reach(part, from));
        }
        return ends;
      }
      if (model instanceof ContentModel.All all) {
        Set<Integer> ends = new HashSet<>();
        all(all.parts(), from, new HashSet<>(), ends);
        return ends;
      }
      throw new IllegalArgumentException("unknown content model " + model);
    }

    /** {@code xs:all}: each element at most once, in any order, the required ones present. */
    private void all(List<ContentModel.Element> parts, int from, Set<String> used, Set<Integer> ends) {
      if (parts.stream().allMatch(part -> part.min() == 0 || used.contains(part.name()))) {
        ends.add(from);
      }
      if (from == sequence.size()) {
        return;
      }
      String name = sequence.get(from);
      for (ContentModel.Element part : parts) {
        if (part.name().equals(name) && !used.contains(name)) {
          if (from + 1 == sequence.size()) {
            lastLeaf = Math.min(lastLeaf, leaves.get(part));
          }
          used.add(name);
          all(parts, from + 1, used, ends);
          used.remove(name);
          return;
        }
      }
    }
  }
}
