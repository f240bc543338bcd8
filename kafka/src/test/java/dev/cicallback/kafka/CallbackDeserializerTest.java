package dev.cicallback.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cicallback.validator.CallbackReader;
import dev.cicallback.validator.PayloadFormat;
import dev.cicallback.validator.ProblemCode;
import dev.cicallback.validator.ReadResult;
import dev.cicallback.validator.ValidatorOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The deserializer against a real Kafka broker (Kafka's own KRaft broker in this JVM): a topic holding valid callbacks
 * of both formats, invalid bodies, an oversized body, a duplicate, garbage bytes and a tombstone is consumed to its end
 * by one consumer, which receives a read result for every record, each the reader's verdict on those bytes.
 */
class CallbackDeserializerTest {

  private static final Path EXAMPLES = Path.of(System.getProperty("schema.dir", "../schema")).resolve("examples");
  private static final String TOPIC = "ci-callbacks";
  private static final long MAX_BYTES = 64 * 1024;

  private static EmbeddedKafkaKraftBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = new EmbeddedKafkaKraftBroker(1, 1, TOPIC);
    broker.afterPropertiesSet();
  }

  @AfterAll
  static void stopBroker() {
    broker.destroy();
  }

  /** Up to {@code count} fixtures of each format whose name starts with {@code prefix}. */
  private static List<Path> fixtures(String prefix, int count) {
    List<Path> found = new ArrayList<>();
    for (String format : List.of("xml", "json")) {
      try (Stream<Path> files = Files.list(EXAMPLES.resolve(format))) {
        files.filter(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith("." + format))
            .sorted().limit(count).forEach(found::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return found;
  }

  private static byte[] bytes(Path path) {
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aConsumerReceivesEveryRecordReadAndNeverStops() throws Exception {
    List<String> names = new ArrayList<>();
    List<byte[]> values = new ArrayList<>();
    for (Path valid : fixtures("valid-", 12)) {
      names.add(valid.getFileName().toString());
      values.add(bytes(valid));
    }
    for (Path invalid : fixtures("invalid-", 12)) {
      names.add(invalid.getFileName().toString());
      values.add(bytes(invalid));
    }
    byte[] valid = values.get(0);
    names.add("duplicate of " + names.get(0));
    values.add(valid);
    String xml = new String(bytes(EXAMPLES.resolve("xml/valid-seed-case1-task-api.xml")), StandardCharsets.UTF_8);
    byte[] oversized = xml.replace("</Response>", "<!--" + "x".repeat((int) MAX_BYTES) + "--></Response>")
        .getBytes(StandardCharsets.UTF_8);
    names.add("oversized");
    values.add(oversized);
    byte[] garbage = new byte[512];
    new Random(27).nextBytes(garbage);
    names.add("garbage");
    values.add(garbage);
    names.add("tombstone");
    values.add(null);
    names.add("last, valid");
    values.add(valid);

    Properties producerProperties = new Properties();
    producerProperties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
    producerProperties.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1024 * 1024);
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(producerProperties, new StringSerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < values.size(); i++) {
        producer.send(new ProducerRecord<>(TOPIC, 0, names.get(i), values.get(i))).get();
      }
    }

    Properties consumerProperties = new Properties();
    consumerProperties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
    consumerProperties.put(ConsumerConfig.GROUP_ID_CONFIG, "receivers");
    consumerProperties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumerProperties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    consumerProperties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CallbackDeserializer.class.getName());
    consumerProperties.put(CallbackKafkaConfig.MODE, "tolerant");
    consumerProperties.put(CallbackKafkaConfig.MAX_BYTES, "64KB");
    List<ConsumerRecord<String, ReadResult>> received = new ArrayList<>();
    try (KafkaConsumer<String, ReadResult> consumer = new KafkaConsumer<>(consumerProperties)) {
      consumer.subscribe(List.of(TOPIC));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (received.size() < values.size() && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(received::add);
      }
    }

    assertEquals(names, received.stream().map(ConsumerRecord::key).toList(), "every record, in order");
    CallbackReader reference = CallbackReader.create(
        ValidatorOptions.builder().mode(ValidatorOptions.Mode.TOLERANT).maxBytes(MAX_BYTES).build());
    int validCount = 0;
    // Kafka hands a tombstone to the consumer as null, without calling the deserializer.
    assertEquals(null, received.get(names.indexOf("tombstone")).value());
    for (int i = 0; i < values.size(); i++) {
      ReadResult read = received.get(i).value();
      String name = names.get(i);
      if (values.get(i) == null) {
        continue;
      }
      ReadResult expected = reference.read(values.get(i));
      assertEquals(expected.problems(), read.problems(), name);
      assertEquals(expected.callback(), read.callback(), name);
      if (name.startsWith("valid-") || name.startsWith("duplicate") || name.startsWith("last")) {
        assertTrue(read.isValid(), name + ": " + read.problems());
        validCount++;
      } else {
        assertFalse(read.isValid(), name);
        assertFalse(read.problems().isEmpty(), name);
      }
    }
    assertTrue(validCount >= 10, "valid callbacks were sent: " + validCount);
    ReadResult tooLarge = received.get(names.indexOf("oversized")).value();
    assertEquals(ProblemCode.LIMIT, tooLarge.problems().get(0).code(), tooLarge.problems().toString());
    assertTrue(tooLarge.format().isEmpty(), "refused before reading");
  }

  @Test
  void thePropertiesConfigureTheReaderAndABadOneFailsNamingItself() {
    CallbackDeserializer deserializer = new CallbackDeserializer();
    deserializer.configure(Map.of(CallbackKafkaConfig.MODE, "strict", CallbackKafkaConfig.MAX_BYTES, "1MB",
        CallbackKafkaConfig.MAX_DEPTH, 16, CallbackKafkaConfig.MAX_NODES, "500"), false);
    assertEquals(ValidatorOptions.builder().mode(ValidatorOptions.Mode.STRICT).maxBytes(1024 * 1024).maxDepth(16)
        .maxNodes(500).build(), deserializer.reader().options());
    assertEquals(ValidatorOptions.Mode.TOLERANT, new CallbackDeserializer().reader().options().mode());
    ConfigException mode = assertThrows(ConfigException.class,
        () -> new CallbackDeserializer().configure(Map.of(CallbackKafkaConfig.MODE, "lenient"), false));
    assertTrue(mode.getMessage().contains(CallbackKafkaConfig.MODE), mode.getMessage());
    ConfigException bytes = assertThrows(ConfigException.class,
        () -> new CallbackDeserializer().configure(Map.of(CallbackKafkaConfig.MAX_BYTES, "big"), false));
    assertTrue(bytes.getMessage().contains(CallbackKafkaConfig.MAX_BYTES), bytes.getMessage());
    ConfigException depth = assertThrows(ConfigException.class,
        () -> new CallbackDeserializer().configure(Map.of(CallbackKafkaConfig.MAX_DEPTH, "2"), false));
    assertTrue(depth.getMessage().contains("maxDepth"), depth.getMessage());
  }

  @Test
  void theSerdeWritesAValidCallbackBackInItsFormatAndRefusesAnInvalidOne() {
    CallbackSerde serde = new CallbackSerde();
    serde.configure(Map.of(), false);
    for (String fixture : List.of("xml/valid-seed-case1-task-api.xml",
        "json/valid-wordsgeneralize-en-sample2-jobapi-fixed.json")) {
      ReadResult read = serde.deserializer().deserialize(TOPIC, bytes(EXAMPLES.resolve(fixture)));
      byte[] written = serde.serializer().serialize(TOPIC, read);
      ReadResult again = serde.deserializer().deserialize(TOPIC, written);
      assertEquals(read.format(), again.format(), fixture);
      assertEquals(read.callback(), again.callback(), fixture);
    }
    assertEquals(PayloadFormat.XML, serde.deserializer().deserialize(TOPIC,
        bytes(EXAMPLES.resolve("xml/valid-seed-case1-task-api.xml"))).format().orElseThrow());
    ReadResult tombstone = serde.deserializer().deserialize(TOPIC, null);
    assertFalse(tombstone.isValid());
    assertFalse(tombstone.problems().isEmpty());
    ReadResult invalid = serde.deserializer().deserialize(TOPIC, "{".getBytes(StandardCharsets.UTF_8));
    assertThrows(SerializationException.class, () -> serde.serializer().serialize(TOPIC, invalid));
  }
}
