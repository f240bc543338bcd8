package dev.cicallback.spring.autoconfigure;

import dev.cicallback.validator.ReadResult;

/**
 * Told of every body the converter reads. {@link MicrometerCallbackMetrics} counts them when Micrometer is present;
 * otherwise nothing is recorded.
 */
public interface CallbackMetrics {

  /** Records nothing. */
  CallbackMetrics NONE = (outcome, read, nanos) -> {};

  /**
   * One body read.
   *
   * @param outcome what became of it
   * @param read what the reader made of it; null when it was refused before reading ({@code Content-Length} over the
   *     limit)
   * @param nanos how long reading took, in nanoseconds
   */
  void record(CallbackOutcome outcome, ReadResult read, long nanos);
}
