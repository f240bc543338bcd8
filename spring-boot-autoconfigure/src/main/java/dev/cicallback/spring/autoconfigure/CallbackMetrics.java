package dev.cicallback.spring.autoconfigure;

import dev.cicallback.validator.ReadResult;

/**
 * Told of every body read: by the HTTP converter ({@link #HTTP}) and by the Kafka listener's interceptor
 * ({@link #KAFKA}). {@link MicrometerCallbackMetrics} counts them when Micrometer is present; otherwise nothing is
 * recorded.
 */
public interface CallbackMetrics {

  /** The transport of a body posted to the HTTP endpoint. */
  String HTTP = "http";
  /** The transport of a record read from Kafka. */
  String KAFKA = "kafka";

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

  /**
   * One body read through {@code transport} ({@link #HTTP}, {@link #KAFKA}); {@link #record(CallbackOutcome,
   * ReadResult, long)}, which is HTTP's, unless overridden.
   */
  default void record(String transport, CallbackOutcome outcome, ReadResult read, long nanos) {
    record(outcome, read, nanos);
  }
}
