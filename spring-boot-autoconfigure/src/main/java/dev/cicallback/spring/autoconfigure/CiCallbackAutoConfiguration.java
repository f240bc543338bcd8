package dev.cicallback.spring.autoconfigure;

import dev.cicallback.validator.CallbackReader;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The callback endpoint's beans, each replaced by a bean of the service's own of its type:
 *
 * <ul>
 *   <li>a {@link CallbackReader} from {@link CiCallbackProperties} ({@code ci-callback.*});
 *   <li>in a servlet web application, the {@link CallbackHttpMessageConverter} that reads {@code @RequestBody Callback}
 *       with it and the {@link ModerationHttpMessageConverter} that reads {@code @RequestBody ModerationCallback}
 *       (Spring Boot puts converter beans ahead of its own), the {@link CallbackProblemAdvice} that answers
 *       what it refuses, and, with {@code ci-callback.deduplication.enabled=true}, the interceptor that keeps a
 *       claimed key when handling succeeds and releases it when it fails;
 *   <li>with {@code ci-callback.deduplication.enabled=true}, a {@link CallbackDeduplicator}: the store of
 *       {@code ci-callback.deduplication.store} ({@code memory}, {@code jdbc} or {@code redis});
 *   <li>with Micrometer and a {@code MeterRegistry}, {@link MicrometerCallbackMetrics}.
 * </ul>
 *
 * Nothing here changes the embedded server's settings: its limits and time-outs stay the service's
 * (docs/spring-boot.md).
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration",
      "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
      "org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration",
      // Spring Boot 4's names of the same
      "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
      "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration"
    })
@ConditionalOnClass(CallbackReader.class)
@EnableConfigurationProperties(CiCallbackProperties.class)
public class CiCallbackAutoConfiguration {

  /** The reader, from the properties. */
  @Bean
  @ConditionalOnMissingBean
  public CallbackReader callbackReader(CiCallbackProperties properties) {
    return CallbackReader.create(properties.toOptions());
  }

  /** The endpoint's part in Spring MVC. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(DispatcherServlet.class)
  static class WebMvc {

    @Bean
    @ConditionalOnMissingBean
    CallbackHttpMessageConverter callbackHttpMessageConverter(
        CallbackReader reader,
        CiCallbackProperties properties,
        ObjectProvider<CallbackDeduplicator> deduplicator,
        ObjectProvider<CallbackMetrics> metrics) {
      return new CallbackHttpMessageConverter(
          reader,
          properties.getDeduplication().isEnabled() ? deduplicator.getIfAvailable() : null,
          metrics.getIfAvailable(() -> CallbackMetrics.NONE));
    }

    @Bean
    @ConditionalOnMissingBean
    ModerationHttpMessageConverter moderationHttpMessageConverter(
        CallbackReader reader,
        CiCallbackProperties properties,
        ObjectProvider<CallbackDeduplicator> deduplicator,
        ObjectProvider<CallbackMetrics> metrics) {
      return new ModerationHttpMessageConverter(
          reader,
          properties.getDeduplication().isEnabled() ? deduplicator.getIfAvailable() : null,
          metrics.getIfAvailable(() -> CallbackMetrics.NONE));
    }

    @Bean
    @ConditionalOnMissingBean
    CallbackProblemAdvice callbackProblemAdvice() {
      return new CallbackProblemAdvice();
    }
  }

  /**
   * De-duplication, when turned on: the store of {@code ci-callback.deduplication.store} ({@link DeduplicationStores}).
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(prefix = "ci-callback.deduplication", name = "enabled", havingValue = "true")
  @Import({DeduplicationStores.Jdbc.class, DeduplicationStores.Redis.class, DeduplicationStores.Memory.class})
  static class Deduplication {}

  /** In Spring MVC, the interceptor that keeps or releases a claimed key once the request is handled. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(DispatcherServlet.class)
  @ConditionalOnProperty(prefix = "ci-callback.deduplication", name = "enabled", havingValue = "true")
  static class DeduplicationWeb {

    @Bean
    WebMvcConfigurer callbackDeduplicationInterceptor(CallbackDeduplicator deduplicator) {
      DeduplicationInterceptor interceptor = new DeduplicationInterceptor(deduplicator);
      return new WebMvcConfigurer() {
        @Override
        public void addInterceptors(InterceptorRegistry registry) {
          registry.addInterceptor(interceptor);
        }
      };
    }
  }

  /** Metrics, when Micrometer is there with a registry. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(MeterRegistry.class)
  @ConditionalOnBean(MeterRegistry.class)
  static class Metrics {

    @Bean
    @ConditionalOnMissingBean
    CallbackMetrics callbackMetrics(MeterRegistry registry) {
      return new MicrometerCallbackMetrics(registry);
    }
  }
}
