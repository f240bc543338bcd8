package dev.cicallback.contract;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The values a value node accepts: its base types, and the facets that restrict them.
 *
 * @param types the base types: one XSD built-in ({@code xs:string}, {@code xs:int}) or a set of JSON types
 *     ({@code string}, {@code integer}); see {@link TypeOrder}
 * @param enumeration the values allowed, or null for no enumeration
 * @param patterns the patterns a value must match, all of them (an XSD restriction's several patterns, which are
 *     alternatives, make one entry); JSON anchors {@code ^(...)$} are removed
 * @param lower the lower bound, or null
 * @param upper the upper bound, or null
 * @param minLength the least length, or null
 * @param maxLength the greatest length, or null
 */
public record ValueType(
    Set<String> types,
    Set<String> enumeration,
    Set<String> patterns,
    Bound lower,
    Bound upper,
    Long minLength,
    Long maxLength) {

  /** Any text: an XSD {@code xs:string} without facets. */
  public static final ValueType ANY_TEXT = new ValueType(Set.of("xs:string"), null, Set.of(), null, null, null, null);

  public ValueType {
    types = Set.copyOf(new TreeSet<>(types));
    enumeration = enumeration == null ? null : java.util.Collections.unmodifiableSet(new LinkedHashSet<>(enumeration));
    patterns = new TreeSet<>(patterns);
  }

  /** This type with other base types. */
  public ValueType withTypes(Set<String> newTypes) {
    return new ValueType(newTypes, enumeration, patterns, lower, upper, minLength, maxLength);
  }

  /**
   * This type restricted further by {@code facets} (an XSD restriction step, a JSON Schema's own keywords over a
   * referenced schema's): an enumeration replaces this one, patterns add up, and each bound keeps the stricter.
   */
  public ValueType restrictedBy(Facets facets) {
    Set<String> allPatterns = new TreeSet<>(patterns);
    allPatterns.addAll(facets.patterns());
    Bound newLower = Bound.lowerStricter(facets.lower(), lower) ? facets.lower() : lower;
    Bound newUpper = Bound.upperStricter(facets.upper(), upper) ? facets.upper() : upper;
    Long newMinLength = max(minLength, facets.minLength());
    Long newMaxLength = min(maxLength, facets.maxLength());
    return new ValueType(types, facets.enumeration() != null ? facets.enumeration() : enumeration, allPatterns,
        newLower, newUpper, newMinLength, newMaxLength);
  }

  private static Long max(Long a, Long b) {
    return a == null ? b : b == null ? a : Long.valueOf(Math.max(a, b));
  }

  private static Long min(Long a, Long b) {
    return a == null ? b : b == null ? a : Long.valueOf(Math.min(a, b));
  }

  /**
   * The facets of one restriction step.
   *
   * @param enumeration the values allowed, or null
   * @param patterns the patterns (each one a must)
   * @param lower lower bound or null
   * @param upper upper bound or null
   * @param minLength least length or null
   * @param maxLength greatest length or null
   */
  public record Facets(
      Set<String> enumeration, Set<String> patterns, Bound lower, Bound upper, Long minLength, Long maxLength) {}
}
