package dev.cicallback.validator;

/** How bad a {@link Problem} is: an error makes a payload invalid, a warning does not. */
public enum Severity {
  ERROR,
  WARNING;

  /** Lower-case name, as reports print it. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
