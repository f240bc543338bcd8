package dev.cicallback.kafka;

import dev.cicallback.validator.ReadResult;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * {@link CallbackDeserializer} and {@link CallbackSerializer} as one {@link Serde} (Kafka Streams'
 * {@code default.value.serde=dev.cicallback.kafka.CallbackSerde}), configured from the same properties.
 */
public final class CallbackSerde implements Serde<ReadResult> {

  private final CallbackDeserializer deserializer;
  private final CallbackSerializer serializer = new CallbackSerializer();

  /** For Kafka: configured from the client's properties. */
  public CallbackSerde() {
    this.deserializer = new CallbackDeserializer();
  }

  /** Over {@code deserializer} as it is. */
  public CallbackSerde(CallbackDeserializer deserializer) {
    this.deserializer = deserializer;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    deserializer.configure(configs, isKey);
  }

  @Override
  public Serializer<ReadResult> serializer() {
    return serializer;
  }

  @Override
  public Deserializer<ReadResult> deserializer() {
    return deserializer;
  }
}
