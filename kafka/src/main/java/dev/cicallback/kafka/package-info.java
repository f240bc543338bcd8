/**
 * CI callbacks from a Kafka topic. {@link dev.cicallback.kafka.CallbackDeserializer} reads each record's value with a
 * {@code CallbackReader} (XML or JSON, told apart by content) configured from the consumer's properties
 * ({@link dev.cicallback.kafka.CallbackKafkaConfig}) and never throws: a bad record reaches the consumer as a
 * {@code ReadResult} with its problems, so one bad record cannot stop a partition.
 * {@link dev.cicallback.kafka.CallbackSerde} pairs it with {@link dev.cicallback.kafka.CallbackSerializer} for Kafka
 * Streams.
 */
package dev.cicallback.kafka;
