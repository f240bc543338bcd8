package dev.cicallback.spring.autoconfigure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cicallback.validator.CallbackReader;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Callbacks from Kafka, when spring-kafka is on the class path: the listener container factory
 * {@value #CONTAINER_FACTORY}, for {@code @KafkaListener(topics = "...", containerFactory =
 * "ciCallbackKafkaListenerContainerFactory")} methods that take {@code Callback}. It consumes with Spring Boot's
 * {@code spring.kafka.consumer.*} properties but reads keys and values as bytes; the
 * {@link CallbackRecordInterceptor} reads each value with the service's {@link CallbackReader} and drops second
 * deliveries through the {@link CallbackDeduplicator} when de-duplication is on. Its error handler is Spring Kafka's
 * {@link DefaultErrorHandler} with a {@link DeadLetterPublishingRecoverer}: an invalid record is published at once,
 * unchanged, to {@code <topic>}{@code ci-callback.kafka.dead-letter-suffix} with its problems as JSON in the header
 * {@value #PROBLEMS_HEADER} (beside Spring Kafka's own {@code kafka_dlt-*} headers); a record whose listener throws is
 * tried again {@code ci-callback.kafka.retries} times first; a record whose de-duplication store cannot be reached is
 * tried again until it can, never committed before. Other listeners of the service keep Spring Boot's factory.
 *
 * <p>It names none of Spring Boot's Kafka classes, which Spring Boot 4 moved to another package: the consumer and
 * producer settings are those of the service's {@code ConsumerFactory} and {@code ProducerFactory} (Spring Boot's,
 * made from {@code spring.kafka.*}), and Spring Boot's listener configurer is found by {@link BootKafkaConfigurer}.
 */
@AutoConfiguration(
    after = CiCallbackAutoConfiguration.class,
    afterName = {
      "org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration",
      "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"
    })
@ConditionalOnClass(name = {
    "org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory",
    "org.apache.kafka.clients.consumer.ConsumerRecord"})
@Conditional(BootKafkaConfigurer.Present.class)
public class CiCallbackKafkaAutoConfiguration {

  /** The name of the listener container factory for callback topics. */
  public static final String CONTAINER_FACTORY = "ciCallbackKafkaListenerContainerFactory";

  /** The header of a dead-lettered record that lists its problems, a JSON array as the HTTP 400 answer has it. */
  public static final String PROBLEMS_HEADER = "ci-callback-problems";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The producer of dead letters: the service's {@code spring.kafka.producer.*}, bytes as they were consumed. */
  static final class DeadLetters implements DisposableBean {

    final DefaultKafkaProducerFactory<byte[], byte[]> producers;
    final KafkaTemplate<byte[], byte[]> template;

    DeadLetters(Map<String, Object> producerProperties) {
      Map<String, Object> properties = new HashMap<>(producerProperties);
      properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
      properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
      this.producers = new DefaultKafkaProducerFactory<>(properties);
      this.template = new KafkaTemplate<>(producers);
    }

    @Override
    public void destroy() {
      producers.destroy();
    }
  }

  @Bean
  @ConditionalOnMissingBean
  DeadLetters ciCallbackDeadLetters(ObjectProvider<ProducerFactory<?, ?>> producers) {
    ProducerFactory<?, ?> producer = producers.getIfUnique();
    return new DeadLetters(producer == null ? Map.of() : producer.getConfigurationProperties());
  }

  @Bean(name = CONTAINER_FACTORY)
  @ConditionalOnMissingBean(name = CONTAINER_FACTORY)
  ConcurrentKafkaListenerContainerFactory<Object, Object> ciCallbackKafkaListenerContainerFactory(
      ListableBeanFactory beans,
      ObjectProvider<ConsumerFactory<?, ?>> consumers,
      CallbackReader reader,
      CiCallbackProperties properties,
      ObjectProvider<CallbackDeduplicator> deduplicator,
      ObjectProvider<CallbackMetrics> metrics,
      DeadLetters deadLetters) {
    ConsumerFactory<?, ?> service = consumers.getIfUnique();
    Map<String, Object> consumer = new HashMap<>(service == null ? Map.of() : service.getConfigurationProperties());
    consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
    BootKafkaConfigurer.configure(beans, factory, new DefaultKafkaConsumerFactory<>(consumer));

    CiCallbackProperties.Kafka settings = properties.getKafka();
    factory.setRecordInterceptor(new CallbackRecordInterceptor(reader,
        properties.getDeduplication().isEnabled() ? deduplicator.getIfAvailable() : null,
        metrics.getIfAvailable(() -> CallbackMetrics.NONE)));
    DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetters.template,
        (record, e) -> new TopicPartition(record.topic() + settings.getDeadLetterSuffix(), -1));
    recoverer.setHeadersFunction((record, e) -> problemHeaders(e));
    long interval = settings.getRetryInterval().toMillis();
    DefaultErrorHandler errors = new DefaultErrorHandler(recoverer, new FixedBackOff(interval, settings.getRetries()));
    errors.addNotRetryableExceptions(InvalidCallbackRecordException.class);
    errors.setBackOffFunction((record, e) -> cause(e, DeduplicationStoreException.class) != null
        ? new FixedBackOff(interval, FixedBackOff.UNLIMITED_ATTEMPTS) : null);
    factory.setCommonErrorHandler(errors);
    return factory;
  }

  /** The {@value #PROBLEMS_HEADER} header of an invalid record; none for another failure. */
  static Headers problemHeaders(Exception e) {
    RecordHeaders headers = new RecordHeaders();
    InvalidCallbackRecordException invalid = cause(e, InvalidCallbackRecordException.class);
    if (invalid != null) {
      try {
        headers.add(PROBLEMS_HEADER, JSON.writeValueAsBytes(CallbackProblemAdvice.members(invalid.read().problems())));
      } catch (JsonProcessingException impossible) {
        throw new IllegalStateException(impossible);
      }
    }
    return headers;
  }

  private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
