package dev.cicallback.kafka;

import dev.cicallback.validator.CallbackWriter;
import dev.cicallback.validator.PayloadFormat;
import dev.cicallback.validator.ReadResult;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes the callback of a valid {@link ReadResult} in the format it was read in ({@code CallbackWriter}), unknown
 * nodes kept: what a Kafka Streams topology needs to pass read callbacks on. An invalid result has no callback to
 * write: it throws {@link SerializationException} (route invalid results elsewhere, by their problems, before writing
 * them). {@code null} is written as {@code null}.
 */
public final class CallbackSerializer implements Serializer<ReadResult> {

  @Override
  public byte[] serialize(String topic, ReadResult read) {
    if (read == null) {
      return null;
    }
    return read.callback()
        .map(callback -> CallbackWriter.write(callback, read.format().orElse(PayloadFormat.JSON)))
        .orElseThrow(() -> new SerializationException(
            "an invalid callback has nothing to write: " + read.problems().size() + " problem(s)"));
  }
}
