package dev.cicallback.spring.autoconfigure;

import dev.cicallback.validator.CallbackReader;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
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
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The callback endpoint's beans, each replaced by a bean of the service's own of its type:
 *
 * <ul>
 *   <li>a {@link CallbackReader} from {@link CiCallbackProperties} ({@code ci-callback.*});
 *   <li>in a servlet web application, the {@link CallbackHttpMessageConverter} that reads {@code @RequestBody Callback}
 *       with it (Spring Boot puts converter beans ahead of its own), the {@link CallbackProblemAdvice} that answers
 *       what it refuses, and, with {@code ci-callback.deduplication.enabled=true}, a {@link CallbackDeduplicator}
 *       (in memory unless the service declares one) and the interceptor that releases a key when handling fails;
 *   <li>with Micrometer and a {@code MeterRegistry}, {@link MicrometerCallbackMetrics}.
 * </ul>
 *
 * Nothing here changes the embedded server's settings: its limits and time-outs stay the service's (see the README).
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration"
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
    CallbackProblemAdvice callbackProblemAdvice() {
      return new CallbackProblemAdvice();
    }
  }

  /** De-duplication, when turned on. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(DispatcherServlet.class)
  @ConditionalOnProperty(prefix = "ci-callback.deduplication", name = "enabled", havingValue = "true")
  static class Deduplication {

    @Bean
    @ConditionalOnMissingBean
    CallbackDeduplicator callbackDeduplicator(CiCallbackProperties properties) {
      CiCallbackProperties.Deduplication settings = properties.getDeduplication();
      return new InMemoryCallbackDeduplicator(settings.getMaxEntries(), settings.getTtl(), Clock.systemUTC());
    }

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
