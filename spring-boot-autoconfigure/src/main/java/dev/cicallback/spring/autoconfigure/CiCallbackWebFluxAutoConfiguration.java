package dev.cicallback.spring.autoconfigure;

import dev.cicallback.validator.CallbackReader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * The callback endpoint in a reactive (Spring WebFlux) web application: the {@link CallbackHttpMessageReader} that
 * reads {@code @RequestBody Callback} and {@code ModerationCallback} (or a {@code Mono} of either) with the service's
 * {@link CallbackReader}, registered as a custom codec ahead of the JSON ones; the {@link CallbackProblemAdvice} that
 * answers what it refuses; with {@code ci-callback.deduplication.enabled=true}, the {@link DeduplicationWebFilter}
 * that settles claimed keys. The reader, the de-duplication store and the metrics are
 * {@link CiCallbackAutoConfiguration}'s. Each bean is replaced by a bean of the service's own of its type.
 */
@AutoConfiguration(after = CiCallbackAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(name = {
    "org.springframework.web.reactive.config.WebFluxConfigurer",
    "dev.cicallback.validator.CallbackReader"})
public class CiCallbackWebFluxAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  CallbackHttpMessageReader callbackHttpMessageReader(
      CallbackReader reader,
      CiCallbackProperties properties,
      ObjectProvider<CallbackDeduplicator> deduplicator,
      ObjectProvider<CallbackMetrics> metrics) {
    return new CallbackHttpMessageReader(
        reader,
        properties.getDeduplication().isEnabled() ? deduplicator.getIfAvailable() : null,
        metrics.getIfAvailable(() -> CallbackMetrics.NONE));
  }

  @Bean
  WebFluxConfigurer callbackCodecs(CallbackHttpMessageReader callbackReader) {
    return new WebFluxConfigurer() {
      @Override
      public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
        configurer.customCodecs().register(callbackReader);
      }
    };
  }

  @Bean
  @ConditionalOnMissingBean
  CallbackProblemAdvice callbackProblemAdvice() {
    return new CallbackProblemAdvice();
  }

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(prefix = "ci-callback.deduplication", name = "enabled", havingValue = "true")
  DeduplicationWebFilter callbackDeduplicationWebFilter(CallbackDeduplicator deduplicator) {
    return new DeduplicationWebFilter(deduplicator);
  }
}
