/**
 * CI callbacks from Kafka: a {@code Deserializer} and a {@code Serde} of {@code ReadResult} over the validator's
 * reader. The Kafka client is the service's own (an automatic module, {@code kafka.clients}, named after its jar).
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.cicallback.kafka {
  requires transitive dev.cicallback.validator;
  requires transitive kafka.clients;

  exports dev.cicallback.kafka;
}
