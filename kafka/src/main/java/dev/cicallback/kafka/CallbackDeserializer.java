package dev.cicallback.kafka;

import dev.cicallback.validator.CallbackReader;
import dev.cicallback.validator.ReadResult;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a record's value as the body CI would have POSTed, XML or JSON as its content shows (whatever a header says),
 * validated: the consumer receives a {@link ReadResult} for every record, valid or not, and this never throws, so a
 * bad record (invalid, over the size limit, not text at all, a tombstone) cannot stop the partition. The record's key
 * and headers are not read: Tencent documents no record layout for callbacks delivered to Kafka.
 *
 * <p>Made by Kafka from {@code value.deserializer=dev.cicallback.kafka.CallbackDeserializer}, it takes the reader's
 * options from the consumer's properties ({@link CallbackKafkaConfig}); made by hand, it uses the reader given. Kafka's
 * consumer hands a tombstone ({@code null} value) on as {@code null} without calling a deserializer; called with
 * {@code null}, this reads an empty body: a result with the empty-body problem.
 */
public final class CallbackDeserializer implements Deserializer<ReadResult> {

  private static final byte[] EMPTY = new byte[0];

  private volatile CallbackReader reader;
  /** Whether the reader was given, so that {@link #configure} keeps it. */
  private final boolean given;

  /** For Kafka: the reader is made from the consumer's properties in {@link #configure}. */
  public CallbackDeserializer() {
    this.reader = CallbackReader.create(CallbackKafkaConfig.options(Map.of()));
    this.given = false;
  }

  /** Reads with {@code reader}; {@link #configure} leaves it as it is. */
  public CallbackDeserializer(CallbackReader reader) {
    this.reader = Objects.requireNonNull(reader, "reader");
    this.given = true;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    if (!given) {
      reader = CallbackReader.create(CallbackKafkaConfig.options(configs));
    }
  }

  /** The reader in use. */
  public CallbackReader reader() {
    return reader;
  }

  @Override
  public ReadResult deserialize(String topic, byte[] data) {
    return reader.read(data == null ? EMPTY : data);
  }

  @Override
  public ReadResult deserialize(String topic, Headers headers, byte[] data) {
    return deserialize(topic, data);
  }
}
