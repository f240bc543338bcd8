/**
 * The Kafka consumer benchmark: one partition read with the CallbackDeserializer against a ByteArrayDeserializer
 * (benchmarks/kafka.sh).
 */
package dev.cicallback.benchmarks.kafka;
