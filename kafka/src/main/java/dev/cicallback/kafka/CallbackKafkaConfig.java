package dev.cicallback.kafka;

import dev.cicallback.validator.ValidatorOptions;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;
import org.apache.kafka.common.config.ConfigException;

/**
 * The reader's options as Kafka client properties, named as the Spring Boot starter names them, beside the consumer's
 * own ({@code value.deserializer=dev.cicallback.kafka.CallbackDeserializer}, {@code ci-callback.mode=tolerant}, ...).
 * Absent ones keep {@link ValidatorOptions}'s defaults, but the mode: tolerant unless set, since CI keeps adding fields.
 * A bad value fails {@code configure}, naming the property, when the consumer is made.
 */
public final class CallbackKafkaConfig {

  /** {@code strict} or {@code tolerant} (the default). */
  public static final String MODE = "ci-callback.mode";
  /** Largest value read, in bytes (a plain number, or with {@code KB} or {@code MB}); larger ones are refused unread. */
  public static final String MAX_BYTES = "ci-callback.max-bytes";
  /** Deepest nesting of elements, objects or arrays. */
  public static final String MAX_DEPTH = "ci-callback.max-depth";
  /** Longest text, string or name, in characters. */
  public static final String MAX_STRING_LENGTH = "ci-callback.max-string-length";
  /** Most digits in one JSON number. */
  public static final String MAX_NUMBER_LENGTH = "ci-callback.max-number-length";
  /** Most elements or JSON values. */
  public static final String MAX_NODES = "ci-callback.max-nodes";
  /** Most attributes on one XML element. */
  public static final String MAX_ATTRIBUTES = "ci-callback.max-attributes";

  private CallbackKafkaConfig() {}

  /** The options the properties {@code configs} describe. */
  public static ValidatorOptions options(Map<String, ?> configs) {
    ValidatorOptions.Builder builder = ValidatorOptions.builder().mode(ValidatorOptions.Mode.TOLERANT);
    Object mode = configs.get(MODE);
    if (mode != null) {
      try {
        builder.mode(ValidatorOptions.Mode.valueOf(mode.toString().trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(MODE, mode, "expected strict or tolerant");
      }
    }
    Object maxBytes = configs.get(MAX_BYTES);
    if (maxBytes != null) {
      builder.maxBytes(bytes(maxBytes));
    }
    integer(configs, MAX_DEPTH, builder::maxDepth);
    integer(configs, MAX_STRING_LENGTH, builder::maxStringLength);
    integer(configs, MAX_NUMBER_LENGTH, builder::maxNumberLength);
    integer(configs, MAX_NODES, builder::maxNodes);
    integer(configs, MAX_ATTRIBUTES, builder::maxAttributes);
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new ConfigException("ci-callback.*: " + e.getMessage());
    }
  }

  private static long bytes(Object value) {
    String text = value.toString().trim().toUpperCase(Locale.ROOT);
    long unit = 1;
    if (text.endsWith("KB")) {
      unit = 1024;
      text = text.substring(0, text.length() - 2).trim();
    } else if (text.endsWith("MB")) {
      unit = 1024 * 1024;
      text = text.substring(0, text.length() - 2).trim();
    } else if (text.endsWith("B")) {
      text = text.substring(0, text.length() - 1).trim();
    }
    try {
      return Math.multiplyExact(Long.parseLong(text), unit);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new ConfigException(MAX_BYTES, value, "expected a number of bytes, such as 1048576 or 1MB");
    }
  }

  private static void integer(Map<String, ?> configs, String name, IntConsumer set) {
    Object value = configs.get(name);
    if (value == null) {
      return;
    }
    try {
      set.accept(value instanceof Number n ? Math.toIntExact(n.longValue()) : Integer.parseInt(value.toString().trim()));
    } catch (NumberFormatException | ArithmeticException e) {
      throw new ConfigException(name, value, "expected a whole number");
    } catch (IllegalArgumentException e) {
      throw new ConfigException(name, value, e.getMessage());
    }
  }
}
