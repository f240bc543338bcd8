package dev.cicallback.validator;

/** The wire format of a callback body. CI sends XML unless the job or queue asks for JSON. */
public enum PayloadFormat {
  XML,
  JSON;

  /** Lower-case name, as reports print it. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
