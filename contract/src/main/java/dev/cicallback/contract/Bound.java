package dev.cicallback.contract;

import java.math.BigDecimal;

/**
 * A numeric bound of a value: {@code value} and whether the value itself is allowed.
 *
 * @param value the bound
 * @param inclusive whether a value equal to the bound is accepted
 */
public record Bound(BigDecimal value, boolean inclusive) {

  /**
   * Whether this lower bound admits less than {@code other} does (null is no bound). A lower bound is stricter when
   * it is higher, or equal and exclusive where the other is inclusive.
   */
  public static boolean lowerStricter(Bound bound, Bound other) {
    if (bound == null) {
      return false;
    }
    if (other == null) {
      return true;
    }
    int order = bound.value.compareTo(other.value);
    return order > 0 || (order == 0 && !bound.inclusive && other.inclusive);
  }

  /** Whether this upper bound admits less than {@code other} does (null is no bound). */
  public static boolean upperStricter(Bound bound, Bound other) {
    if (bound == null) {
      return false;
    }
    if (other == null) {
      return true;
    }
    int order = bound.value.compareTo(other.value);
    return order < 0 || (order == 0 && !bound.inclusive && other.inclusive);
  }

  @Override
  public String toString() {
    return value.toPlainString() + (inclusive ? "" : " (exclusive)");
  }
}
