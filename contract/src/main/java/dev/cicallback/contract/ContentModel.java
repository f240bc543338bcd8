package dev.cicallback.contract;

import java.util.List;

/**
 * The content model of an XSD container as the schema writes it, groups expanded: which child elements may follow
 * which, for readers that must check order exactly (the quick XML verdict compiles it into an automaton).
 * {@link ContractNode}'s occurrences say how often each child occurs; this says in which orders.
 */
public sealed interface ContentModel {

  /** The least number of times the particle occurs. */
  long min();

  /** The most number of times the particle occurs, {@link ContractNode#UNBOUNDED} for no limit. */
  long max();

  /**
   * One child element, named as the container's {@link ContractNode#child(String)}.
   *
   * @param name the child's name
   * @param min least occurrences
   * @param max most occurrences
   */
  record Element(String name, long min, long max) implements ContentModel {}

  /**
   * Its parts in this order.
   *
   * @param parts the parts
   * @param min least occurrences of the whole
   * @param max most occurrences of the whole
   */
  record Sequence(List<ContentModel> parts, long min, long max) implements ContentModel {
    public Sequence {
      parts = List.copyOf(parts);
    }
  }

  /**
   * One of its parts (a repeated choice: any of them, in any order).
   *
   * @param parts the branches
   * @param min least occurrences of the whole
   * @param max most occurrences of the whole
   */
  record Choice(List<ContentModel> parts, long min, long max) implements ContentModel {
    public Choice {
      parts = List.copyOf(parts);
    }
  }

  /**
   * {@code xs:all}: each element at most once, in any order.
   *
   * @param parts the elements
   * @param min 0 when the whole may be absent
   * @param max 1
   */
  record All(List<Element> parts, long min, long max) implements ContentModel {
    public All {
      parts = List.copyOf(parts);
    }
  }
}
