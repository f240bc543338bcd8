package dev.cicallback.compat;

/**
 * The kinds of difference between two contracts, each with a stable id (its name). The verdicts given here are the
 * usual ones; a {@link Finding} carries the verdicts of its own case, which for a node added or removed depend on
 * whether the content around it is open (accepts undeclared nodes) or closed.
 */
public enum Rule {
  NODE_REMOVED("a node is no longer declared",
      "breaks backward when its parent is closed; breaks forward when it was required"),
  NODE_ADDED_OPTIONAL("an optional node is declared", "breaks forward when its parent was closed"),
  NODE_ADDED_REQUIRED("a required node is declared",
      "breaks backward; breaks forward when its parent was closed"),
  OPTIONAL_MADE_REQUIRED("an optional node is now required", "breaks backward"),
  REQUIRED_MADE_OPTIONAL("a required node is now optional", "breaks forward"),
  MIN_OCCURS_RAISED("a node must now occur more often (minOccurs, minItems)", "breaks backward"),
  MIN_OCCURS_LOWERED("a node may now occur less often (minOccurs, minItems)", "breaks forward"),
  MAX_OCCURS_LOWERED("a node may occur fewer times, or a repeatable node is now single (maxOccurs, maxItems)",
      "breaks backward"),
  MAX_OCCURS_RAISED("a node may occur more times, or a single node is now repeatable (maxOccurs, maxItems)",
      "breaks forward"),
  TYPE_NARROWED("a value's type accepts less (a narrower built-in type, or an enumeration where there was none)",
      "breaks backward"),
  TYPE_WIDENED("a value's type accepts more (a wider built-in type, or no enumeration where there was one)",
      "breaks forward"),
  TYPE_CHANGED("a node's type changed to one neither narrower nor wider (a value became a container, or back)",
      "breaks both"),
  ENUM_VALUE_REMOVED("an enumeration lost values", "breaks backward"),
  ENUM_VALUE_ADDED("an enumeration gained values", "breaks forward"),
  RANGE_TIGHTENED("a numeric bound is stricter (minimum, maximum, min/maxInclusive, min/maxExclusive)",
      "breaks backward"),
  RANGE_RELAXED("a numeric bound is looser or gone", "breaks forward"),
  LENGTH_TIGHTENED("a length bound is stricter (length, minLength, maxLength)", "breaks backward"),
  LENGTH_RELAXED("a length bound is looser or gone", "breaks forward"),
  PATTERN_ADDED("a value must now match a pattern", "breaks backward"),
  PATTERN_REMOVED("a value no longer has to match a pattern", "breaks forward"),
  PATTERN_CHANGED("a pattern's text changed; whether it accepts more or less is not decided, so it counts as both",
      "breaks both"),
  CONTENT_CLOSED("a container no longer accepts undeclared nodes (xs:any, additionalProperties)", "breaks backward"),
  CONTENT_OPENED("a container now accepts undeclared nodes (xs:any, additionalProperties)", "breaks forward"),
  SIDES_DRIFT("a change made in one form of the contract (XSD or JSON Schema) and not in the other",
      "breaks both: the two forms of a contract must accept the same callbacks");

  private final String meaning;
  private final String usualVerdict;

  Rule(String meaning, String usualVerdict) {
    this.meaning = meaning;
    this.usualVerdict = usualVerdict;
  }

  /** What the rule finds, in a phrase. */
  public String meaning() {
    return meaning;
  }

  /** Which checks a finding of this rule usually breaks, in a phrase. */
  public String usualVerdict() {
    return usualVerdict;
  }
}
