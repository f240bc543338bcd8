package dev.cicallback.spring.autoconfigure;

import dev.cicallback.validator.Problem;
import dev.cicallback.validator.ReadResult;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A Kafka record whose value is not a valid callback (invalid, over the size limit, or not a body at all): thrown by
 * {@link CallbackRecordInterceptor} before the listener is called, never retried, and published to the dead-letter
 * topic with its problems in headers.
 */
public final class InvalidCallbackRecordException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient ReadResult read;

  public InvalidCallbackRecordException(String topic, int partition, long offset, ReadResult read) {
    super("not a valid callback at " + topic + "-" + partition + "@" + offset + ": "
        + read.problems().stream().filter(Problem::isError).limit(3)
            .map(p -> p.line() + ":" + p.column() + ": " + p.message())
            .collect(Collectors.joining("; ")), null, false, false);
    this.read = Objects.requireNonNull(read, "read");
  }

  /** What the reader made of the record's value. */
  public ReadResult read() {
    return read;
  }
}
