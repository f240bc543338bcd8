package dev.cicallback.spring.autoconfigure;

import dev.cicallback.model.json.Callback;
import dev.cicallback.validator.CallbackReader;
import dev.cicallback.validator.ProblemCode;
import dev.cicallback.validator.ReadResult;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Turns each record of a callback topic into the model before the {@code @KafkaListener} method sees it: the value
 * (bytes: the body CI would have POSTed) is read with the {@link CallbackReader}, so the method takes {@link Callback}.
 *
 * <ul>
 *   <li>An invalid value (or one over the size limit, garbage, a tombstone) throws
 *       {@link InvalidCallbackRecordException}: the error handler publishes the record, unchanged, to the dead-letter
 *       topic with its problems in headers, and the partition goes on.
 *   <li>With a {@link CallbackDeduplicator}, a valid callback claims its key; a second delivery is skipped (committed,
 *       the method not called); the key is kept when the method returns and released when it throws. A store that
 *       cannot be asked throws {@link DeduplicationStoreException}: the record is not committed and is tried again
 *       until the store answers.
 * </ul>
 *
 * Every record is told to the {@link CallbackMetrics} with transport {@code kafka}. Records of one consumer thread are
 * handled one after the other, so the claimed key is kept per thread.
 */
public final class CallbackRecordInterceptor implements RecordInterceptor<Object, Object> {

  private final CallbackReader reader;
  private final CallbackDeduplicator deduplicator;
  private final CallbackMetrics metrics;
  private final ThreadLocal<String> claimed = new ThreadLocal<>();

  /** Reads with {@code reader}, drops duplicates through {@code deduplicator} (null: none dropped). */
  public CallbackRecordInterceptor(
      CallbackReader reader, CallbackDeduplicator deduplicator, CallbackMetrics metrics) {
    this.reader = Objects.requireNonNull(reader, "reader");
    this.deduplicator = deduplicator;
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  @Override
  public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record, Consumer<Object, Object> c) {
    claimed.remove();
    long start = System.nanoTime();
    byte[] body = record.value() instanceof byte[] bytes ? bytes : new byte[0];
    ReadResult read = reader.read(body);
    long nanos = System.nanoTime() - start;
    if (!read.isValid()) {
      boolean tooLarge = read.format().isEmpty() && read.problems().size() == 1
          && read.problems().get(0).code() == ProblemCode.LIMIT;
      metrics.record(CallbackMetrics.KAFKA, tooLarge ? CallbackOutcome.TOO_LARGE : CallbackOutcome.INVALID, read,
          nanos);
      throw new InvalidCallbackRecordException(record.topic(), record.partition(), record.offset(), read);
    }
    Callback callback = read.callback().orElseThrow();
    if (deduplicator != null) {
      Optional<String> key = CallbackKeys.of(callback);
      if (key.isPresent()) {
        boolean first;
        try {
          first = deduplicator.claim(key.get());
        } catch (DeduplicationStoreException e) {
          metrics.record(CallbackMetrics.KAFKA, CallbackOutcome.STORE_UNAVAILABLE, read, nanos);
          throw e;
        }
        if (!first) {
          metrics.record(CallbackMetrics.KAFKA, CallbackOutcome.DUPLICATE, read, nanos);
          return null; // skipped: the listener is not called, the offset is committed
        }
        claimed.set(key.get());
      }
    }
    metrics.record(CallbackMetrics.KAFKA, CallbackOutcome.VALID, read, nanos);
    return new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.timestamp(),
        record.timestampType(), record.serializedKeySize(), record.serializedValueSize(), record.key(), callback,
        record.headers(), record.leaderEpoch());
  }

  @Override
  public void success(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
    String key = claimed.get();
    claimed.remove();
    if (key != null) {
      try {
        deduplicator.handled(key);
      } catch (DeduplicationStoreException e) {
        // handled already: the claim runs out with its lease
      }
    }
  }

  @Override
  public void failure(ConsumerRecord<Object, Object> record, Exception exception, Consumer<Object, Object> consumer) {
    String key = claimed.get();
    claimed.remove();
    if (key != null) {
      try {
        deduplicator.release(key);
      } catch (DeduplicationStoreException e) {
        // the claim runs out with its lease, and the retry claims it then
      }
    }
  }
}
