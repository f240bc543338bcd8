package dev.cicallback.benchmarks.kafka;

import com.sun.management.OperatingSystemMXBean;
import dev.cicallback.kafka.CallbackDeserializer;
import dev.cicallback.kafka.CallbackKafkaConfig;
import dev.cicallback.validator.ReadResult;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Callbacks consumed per second from one partition: a plain {@link KafkaConsumer} reads the whole partition from its
 * beginning with ci-callback-kafka's {@link CallbackDeserializer} (each record validated and read; the loop counts
 * the valid ones and fails unless all are), and with a {@link ByteArrayDeserializer} whose loop does nothing but
 * count, alternating, against a real broker (Kafka's own KRaft broker, started in this JVM by spring-kafka-test).
 *
 * <p>Each body given (a file, XML or JSON) fills a topic of one partition with {@code RECORDS} copies, each with a
 * JobId of its own in place of the seed's. Per body: one pass of each deserializer to warm up, then {@code ROUNDS}
 * rounds of one pass each, the order swapped every round; a pass is timed from its first poll to its last record.
 * Prints a Markdown row per round: records per second of each pass, the ratio CallbackDeserializer / ByteArray, and
 * each pass's CPU time per record (the whole process's, broker included: on a shared machine it moves less with the
 * other work than the wall time does).
 */
public final class ConsumerBenchmark {

  /** The JobId of the seed's TTS callback, replaced by a distinct one of the same form in every record. */
  static final String SEED_JOB_ID = "j707f4864f86811ecb90d0b03267ce0e5";
  private static final Duration STALL = Duration.ofSeconds(60);
  private static final OperatingSystemMXBean PROCESS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private final String bootstrap;
  private final int maxPollRecords;

  private ConsumerBenchmark(String bootstrap, int maxPollRecords) {
    this.bootstrap = bootstrap;
    this.maxPollRecords = maxPollRecords;
  }

  /** Arguments: the body files; environment: RECORDS, ROUNDS, MAX_POLL_RECORDS. */
  public static void main(String[] args) throws Exception {
    int records = positive("RECORDS", 200_000);
    int rounds = positive("ROUNDS", 3);
    int maxPollRecords = positive("MAX_POLL_RECORDS", 2_000);
    if (args.length == 0) {
      System.err.println("usage: ConsumerBenchmark BODY.xml|BODY.json ...   (RECORDS, ROUNDS, MAX_POLL_RECORDS)");
      System.exit(2);
    }
    List<String> forms = new ArrayList<>();
    List<String> bodies = new ArrayList<>();
    for (String arg : args) {
      Path file = Path.of(arg);
      String body = Files.readString(file, StandardCharsets.UTF_8);
      if (!body.contains(SEED_JOB_ID)) {
        throw new IllegalArgumentException(file + " does not hold the seed's JobId " + SEED_JOB_ID);
      }
      String name = file.getFileName().toString();
      forms.add(name.substring(name.lastIndexOf('.') + 1));
      bodies.add(body);
    }
    List<String> topics = new ArrayList<>();
    for (int i = 0; i < forms.size(); i++) {
      topics.add("callbacks-" + i + "-" + forms.get(i));
    }

    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1, topics.toArray(String[]::new));
    // Standard output holds the table alone (in UTF-8 whatever the locale): Kafka's storage formatter prints to it.
    PrintStream table = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.setOut(System.err);
    broker.afterPropertiesSet();
    try {
      ConsumerBenchmark benchmark = new ConsumerBenchmark(broker.getBrokersAsString(), maxPollRecords);
      for (int i = 0; i < topics.size(); i++) {
        long bytes = benchmark.fill(topics.get(i), bodies.get(i), records);
        System.err.printf(Locale.ROOT, "kafka.sh: %s: %,d records of %,d bytes on average in topic %s%n",
            forms.get(i), records, bytes / records, topics.get(i));
      }
      table.println("| body | round | ByteArrayDeserializer records/s | CallbackDeserializer records/s"
          + " | CallbackDeserializer / ByteArray | ByteArrayDeserializer CPU µs/record"
          + " | CallbackDeserializer CPU µs/record |");
      table.println("|---|---:|---:|---:|---:|---:|---:|");
      for (int i = 0; i < topics.size(); i++) {
        String topic = topics.get(i);
        benchmark.bare(topic, records);   // warm-up of both
        benchmark.ours(topic, records);
        for (int round = 1; round <= rounds; round++) {
          Pass bare;
          Pass ours;
          if (round % 2 == 1) {
            bare = benchmark.bare(topic, records);
            ours = benchmark.ours(topic, records);
          } else {
            ours = benchmark.ours(topic, records);
            bare = benchmark.bare(topic, records);
          }
          table.printf(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.2fx | %.1f | %.1f |%n", forms.get(i), round,
              bare.perSecond(), ours.perSecond(), ours.perSecond() / bare.perSecond(), bare.cpuMicrosPerRecord(),
              ours.cpuMicrosPerRecord());
        }
      }
    } finally {
      broker.destroy();
    }
  }

  private static int positive(String name, int fallback) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    int parsed = Integer.parseInt(value.trim());
    if (parsed <= 0) {
      throw new IllegalArgumentException(name + " must be a positive number: " + value);
    }
    return parsed;
  }

  /** Fills {@code topic}'s one partition with {@code records} copies of {@code body}; returns the bytes written. */
  private long fill(String topic, String body, int records) throws Exception {
    Map<String, Object> properties = new HashMap<>();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    properties.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
    AtomicReference<Exception> failure = new AtomicReference<>();
    long bytes = 0;
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < records; i++) {
        byte[] value = body.replace(SEED_JOB_ID, String.format(Locale.ROOT, "j%032x", i))
            .getBytes(StandardCharsets.UTF_8);
        bytes += value.length;
        producer.send(new ProducerRecord<>(topic, 0, null, value), (metadata, e) -> {
          if (e != null) {
            failure.compareAndSet(null, e);
          }
        });
      }
      producer.flush();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("filling " + topic + " failed", failure.get());
    }
    return bytes;
  }

  /**
   * One pass's figures: records per second from the first poll to the last record, and the CPU time of the whole
   * process (consumer, broker, collector) per record over the same span.
   */
  record Pass(double perSecond, double cpuMicrosPerRecord) {}

  /** A pass with the ByteArrayDeserializer, counting. */
  private Pass bare(String topic, int records) {
    return pass(topic, records, ByteArrayDeserializer::new, value -> value != null, "ByteArrayDeserializer");
  }

  /** A pass with the CallbackDeserializer (as Kafka makes it, from the properties), counting the valid records. */
  private Pass ours(String topic, int records) {
    return pass(topic, records, CallbackDeserializer::new, ReadResult::isValid, "CallbackDeserializer");
  }

  /**
   * Reads the partition of {@code topic} from its beginning until {@code records} records came, each value given to
   * {@code counted}; fails unless every one was counted.
   */
  private <V> Pass pass(String topic, int records, Supplier<Deserializer<V>> deserializer, Predicate<V> counted,
      String name) {
    Map<String, Object> properties = new HashMap<>();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
    properties.put(CallbackKafkaConfig.MODE, "tolerant");
    Deserializer<V> values = deserializer.get();
    values.configure(properties, false);
    TopicPartition partition = new TopicPartition(topic, 0);
    long seen = 0;
    long valid = 0;
    long start;
    long end;
    long cpuStart;
    long cpuEnd;
    try (KafkaConsumer<byte[], V> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), values)) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      cpuStart = PROCESS.getProcessCpuTime();
      start = System.nanoTime();
      long progress = start;
      while (seen < records) {
        ConsumerRecords<byte[], V> polled = consumer.poll(Duration.ofMillis(200));
        for (ConsumerRecord<byte[], V> record : polled) {
          seen++;
          if (counted.test(record.value())) {
            valid++;
          }
        }
        long now = System.nanoTime();
        if (!polled.isEmpty()) {
          progress = now;
        } else if (now - progress > STALL.toNanos()) {
          throw new IllegalStateException(name + ": no record from " + topic + " for " + STALL.toSeconds()
              + " s after " + seen);
        }
      }
      end = System.nanoTime();
      cpuEnd = PROCESS.getProcessCpuTime();
    }
    if (seen != records || valid != records) {
      throw new IllegalStateException(name + " on " + topic + ": " + seen + " records, " + valid + " counted, "
          + records + " expected");
    }
    return new Pass(records / ((end - start) / 1e9), (cpuEnd - cpuStart) / 1e3 / records);
  }
}
