package dev.cicallback.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cicallback.model.json.Callback;
import dev.cicallback.spring.autoconfigure.testing.BootAutoConfiguration;
import dev.cicallback.spring.autoconfigure.testing.RedisServer;
import dev.cicallback.validator.CallbackReader;
import dev.cicallback.validator.ReadResult;
import dev.cicallback.validator.ValidatorOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A {@code @KafkaListener} method taking {@link Callback}, over a real Kafka broker (Kafka's own KRaft broker in this
 * JVM): a topic holding valid callbacks, invalid bodies, an oversized body, a duplicate, garbage bytes and a
 * tombstone. Every valid callback reaches the method once (one whose first handling fails, after a retry), every other
 * record lands unchanged on the dead-letter topic with its problems in a header, the consumer goes on to the last
 * record, and the metrics count each record with transport {@code kafka}. While the de-duplication store (a real
 * redis-server) is down, a record is not handled nor committed; once it is back, the record is handled.
 */
class CallbackKafkaListenerTest {

  private static final String TOPIC = "ci-callbacks";
  private static final String DEAD_LETTERS = TOPIC + "-dlt";
  private static final String OUTAGE = "ci-callbacks-outage";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static EmbeddedKafkaKraftBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = new EmbeddedKafkaKraftBroker(1, 1, TOPIC, DEAD_LETTERS, OUTAGE);
    broker.afterPropertiesSet();
  }

  @AfterAll
  static void stopBroker() {
    broker.destroy();
  }

  /** The service's listener: records what it is given; fails the first handling of one key. */
  static class Listener {
    final List<Callback> received = new CopyOnWriteArrayList<>();
    static volatile String failOnce;
    final AtomicBoolean failed = new AtomicBoolean();

    @KafkaListener(topics = TOPIC, groupId = "receivers",
        containerFactory = CiCallbackKafkaAutoConfiguration.CONTAINER_FACTORY)
    void on(Callback callback) {
      if (CallbackKeys.of(callback).orElseThrow().equals(failOnce) && failed.compareAndSet(false, true)) {
        throw new IllegalStateException("the first handling of " + failOnce + " fails");
      }
      received.add(callback);
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Service {
    @Bean
    Listener listener() {
      return new Listener();
    }

    @Bean
    MeterRegistry registry() {
      return new SimpleMeterRegistry();
    }
  }

  private static List<Path> fixtures(String prefix) {
    List<Path> found = new ArrayList<>();
    for (String format : List.of("xml", "json")) {
      try (Stream<Path> files = Files.list(Fixtures.EXAMPLES.resolve(format))) {
        files.filter(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith("." + format))
            .sorted().forEach(found::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return found;
  }

  @Test
  void validCallbacksReachTheListenerOnceAndEveryOtherRecordTheDeadLetterTopic() throws Exception {
    CallbackReader reference = CallbackReader.create(
        ValidatorOptions.builder().mode(ValidatorOptions.Mode.TOLERANT).maxBytes(64 * 1024).build());
    // Valid callbacks of distinct keys (fixtures share JobIds), both formats.
    List<byte[]> valid = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (Path path : fixtures("valid-")) {
      byte[] body = Files.readAllBytes(path);
      ReadResult read = reference.read(body);
      if (read.isValid() && keys.size() < 12 && keys.add(CallbackKeys.of(read.callback().get()).orElseThrow())) {
        valid.add(body);
      }
    }
    List<byte[]> invalid = fixtures("invalid-").stream().limit(8).map(CallbackKafkaListenerTest::read).toList();
    String xml = new String(Fixtures.bytes("xml/valid-seed-case1-task-api.xml"), StandardCharsets.UTF_8);
    byte[] oversized = xml.replace("</Response>", "<!--" + "x".repeat(70 * 1024) + "--></Response>")
        .getBytes(StandardCharsets.UTF_8);
    byte[] garbage = new byte[300];
    new Random(27).nextBytes(garbage);
    Listener.failOnce = CallbackKeys.of(reference.read(valid.get(1)).callback().get()).orElseThrow();

    // Valid and bad records interleaved; a duplicate of the first valid one; a valid one last.
    List<byte[]> records = new ArrayList<>();
    List<byte[]> bad = new ArrayList<>(invalid);
    bad.addAll(Arrays.asList(oversized, garbage, null));
    for (int i = 0; i < valid.size() - 1; i++) {
      records.add(valid.get(i));
      if (i < bad.size()) {
        records.add(bad.get(i));
      }
    }
    records.addAll(bad.subList(Math.min(bad.size(), valid.size() - 1), bad.size()));
    records.add(valid.get(0));
    records.add(valid.get(valid.size() - 1));
    Map<String, Object> producer = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
        ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1024 * 1024);
    try (KafkaProducer<String, byte[]> send =
        new KafkaProducer<>(producer, new StringSerializer(), new ByteArraySerializer())) {
      for (byte[] value : records) {
        send.send(new ProducerRecord<>(TOPIC, 0, "k", value)).get();
      }
    }

    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(BootAutoConfiguration.KAFKA.type(),
            CiCallbackAutoConfiguration.class, CiCallbackKafkaAutoConfiguration.class))
        .withUserConfiguration(Service.class)
        .withPropertyValues("spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
            "spring.kafka.consumer.auto-offset-reset=earliest", "ci-callback.max-bytes=64KB",
            "ci-callback.deduplication.enabled=true", "ci-callback.kafka.retry-interval=100ms")
        .run(context -> {
          assertThat(context).hasNotFailed();
          Listener listener = context.getBean(Listener.class);
          List<ConsumerRecord<byte[], byte[]>> dead = readDeadLetters(bad.size());
          long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
          while (listener.received.size() < valid.size() && System.nanoTime() < deadline) {
            Thread.sleep(100);
          }
          Thread.sleep(500); // anything more would come now

          assertThat(listener.received).hasSize(valid.size());
          assertThat(listener.received).containsExactlyInAnyOrderElementsOf(
              valid.stream().map(b -> reference.read(b).callback().orElseThrow()).toList());
          assertThat(listener.failed).isTrue();

          assertThat(dead).hasSize(bad.size());
          for (int i = 0; i < bad.size(); i++) {
            ConsumerRecord<byte[], byte[]> letter = dead.get(i);
            assertThat(letter.value()).as("dead letter %d unchanged", i).isEqualTo(bad.get(i));
            ReadResult expected = reference.read(bad.get(i) == null ? new byte[0] : bad.get(i));
            Header problems = letter.headers().lastHeader(CiCallbackKafkaAutoConfiguration.PROBLEMS_HEADER);
            assertThat(problems).as("dead letter %d's problems", i).isNotNull();
            JsonNode listed = JSON.readTree(problems.value());
            assertThat(listed.size()).isEqualTo(expected.problems().size());
            for (int p = 0; p < listed.size(); p++) {
              assertThat(listed.get(p).path("code").asText()).isEqualTo(expected.problems().get(p).code().name());
              assertThat(listed.get(p).path("message").asText()).isEqualTo(expected.problems().get(p).message());
            }
            assertThat(letter.headers().lastHeader("kafka_dlt-original-offset")).isNotNull();
          }

          MeterRegistry registry = context.getBean(MeterRegistry.class);
          assertThat(count(registry, "valid")).isEqualTo(valid.size() + 1); // the failed handling, then its retry
          assertThat(count(registry, "duplicate")).isEqualTo(1);
          assertThat(count(registry, "too_large")).isEqualTo(1);
          assertThat(count(registry, "invalid")).isEqualTo(bad.size() - 1);
        });
  }

  /** A listener of the outage topic. */
  static class OutageListener {
    final List<Callback> received = new CopyOnWriteArrayList<>();

    @KafkaListener(topics = OUTAGE, groupId = "outage-receivers",
        containerFactory = CiCallbackKafkaAutoConfiguration.CONTAINER_FACTORY)
    void on(Callback callback) {
      received.add(callback);
    }
  }

  @Test
  void whileTheStoreCannotBeReachedARecordIsNotCommittedAndItIsHandledOnceTheStoreIsBack() throws Exception {
    int port = RedisServer.freePort();
    RedisServer redis = RedisServer.start(port);
    byte[] first = Fixtures.bytes("xml/valid-seed-case1-task-api.xml");
    byte[] second = Fixtures.bytes("xml/valid-workflowfinish-gosdk-example-workflow.xml");
    try {
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(BootAutoConfiguration.KAFKA.type(),
              BootAutoConfiguration.REDIS.type(), CiCallbackAutoConfiguration.class,
              CiCallbackKafkaAutoConfiguration.class))
          .withBean(OutageListener.class)
          .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
          .withPropertyValues("spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
              "spring.kafka.consumer.auto-offset-reset=earliest", "ci-callback.deduplication.enabled=true",
              "ci-callback.deduplication.store=redis", "spring.data.redis.port=" + port,
              "spring.data.redis.timeout=500ms", "ci-callback.kafka.retry-interval=200ms")
          .run(context -> {
            OutageListener listener = context.getBean(OutageListener.class);
            send(OUTAGE, first);
            await(() -> listener.received.size() == 1);
            redis.close();
            send(OUTAGE, second);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            await(() -> count(registry, "store_unavailable") >= 3);
            assertThat(listener.received).as("not handled unchecked").hasSize(1);
            try (RedisServer back = RedisServer.start(port)) {
              await(() -> listener.received.size() == 2);
              Thread.sleep(500);
              assertThat(listener.received).extracting(c -> CallbackKeys.of(c).orElseThrow()).containsExactly(
                  CallbackKeys.of(CallbackReader.tolerant().read(first).callback().orElseThrow()).orElseThrow(),
                  CallbackKeys.of(CallbackReader.tolerant().read(second).callback().orElseThrow()).orElseThrow());
            }
          });
    } finally {
      redis.close();
    }
  }

  private static void send(String topic, byte[] value) throws Exception {
    Map<String, Object> producer = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
    try (KafkaProducer<String, byte[]> send =
        new KafkaProducer<>(producer, new StringSerializer(), new ByteArraySerializer())) {
      send.send(new ProducerRecord<>(topic, value)).get();
    }
  }

  private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited 30 s").isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  @Test
  void theCallbackFactoryStandsBesideSpringBootsAndOnlyWithSpringKafka() {
    ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
        BootAutoConfiguration.KAFKA.type(), CiCallbackAutoConfiguration.class, CiCallbackKafkaAutoConfiguration.class));
    runner.run(context -> {
      assertThat(context).hasBean(CiCallbackKafkaAutoConfiguration.CONTAINER_FACTORY);
      assertThat(context).hasBean("kafkaListenerContainerFactory");
      assertThat(context).doesNotHaveBean(CallbackDeduplicator.class);
    });
    runner.withClassLoader(new FilteredClassLoader("org.springframework.kafka"))
        .run(context -> assertThat(context).hasNotFailed()
            .doesNotHaveBean(CiCallbackKafkaAutoConfiguration.CONTAINER_FACTORY));
  }

  private static double count(MeterRegistry registry, String outcome) {
    return registry.find(MicrometerCallbackMetrics.RECEIVED).tags("transport", "kafka", "outcome", outcome)
        .counters().stream().mapToDouble(c -> c.count()).sum();
  }

  private static List<ConsumerRecord<byte[], byte[]>> readDeadLetters(int expected) {
    Map<String, Object> properties = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
        ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-readers", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<ConsumerRecord<byte[], byte[]>> dead = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(DEAD_LETTERS));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (dead.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(dead::add);
      }
    }
    return dead;
  }

  private static byte[] read(Path path) {
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
