package dev.cicallback.compat;

import java.util.Locale;

/** Which readers a new contract must keep working for. */
public enum Check {
  /** A reader on NEW accepts every payload valid under OLD: the consumer upgrades first. */
  BACKWARD,
  /** A reader on OLD accepts every payload valid under NEW: the producer upgrades first. */
  FORWARD,
  /** Both. */
  FULL;

  /** The name on the command line and in reports: {@code backward}, {@code forward}, {@code full}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
