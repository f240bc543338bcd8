package dev.cicallback.cli.simulate;

import java.util.Optional;

/**
 * How a body was answered: the status (empty when no answer came: {@link #failure()} says why), the time the last
 * attempt took, how many attempts were made, and the first line of the answer's body.
 */
record Delivery(Body body, Optional<Integer> status, long nanos, int attempts, String failure, String answer) {

  /** Whether the answer is the one the body expects. */
  boolean asExpected() {
    return body.expect().matches(status);
  }

  long millis() {
    return nanos / 1_000_000;
  }
}
