package dev.cicallback.cli;

import dev.cicallback.validator.ValidationResult;

/**
 * The verdict on one payload, with the name the reports show for it ({@code -} for standard input) and how long
 * reading and judging it took, in nanoseconds.
 */
record PayloadResult(String path, ValidationResult result, long nanos) {

  /** A verdict whose time is not measured. */
  PayloadResult(String path, ValidationResult result) {
    this(path, result, 0);
  }
}
