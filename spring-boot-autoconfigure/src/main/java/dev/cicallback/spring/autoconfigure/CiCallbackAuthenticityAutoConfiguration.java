package dev.cicallback.spring.autoconfigure;

import dev.cicallback.validator.CallbackReader;
import dev.cicallback.validator.UrlSecret;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Whether a callback is CI's, from {@link CiCallbackAuthenticityProperties}: with {@code ci-callback.url-secret} set, a
 * {@link UrlSecret} bean (usable from any transport) and, in Spring MVC, the {@link UrlSecretInterceptor} that answers
 * 404 to a callback request without it and the {@link UrlSecretRedactingFilter} that keeps it out of the logs.
 */
@AutoConfiguration(after = CiCallbackAutoConfiguration.class)
@ConditionalOnClass(CallbackReader.class)
@EnableConfigurationProperties(CiCallbackAuthenticityProperties.class)
public class CiCallbackAuthenticityAutoConfiguration {

  /** The URL secret, when {@code ci-callback.url-secret} holds one or more. */
  @Bean
  @ConditionalOnMissingBean
  @Conditional(OnUrlSecret.class)
  public UrlSecret callbackUrlSecret(CiCallbackAuthenticityProperties properties) {
    return properties.toUrlSecret();
  }

  /** In Spring MVC, the interceptor that checks it, first of all interceptors. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(DispatcherServlet.class)
  static class UrlSecretWeb {

    @Bean
    @Conditional(OnUrlSecret.class)
    FilterRegistrationBean<UrlSecretRedactingFilter> callbackUrlSecretRedactingFilter(UrlSecret secret) {
      FilterRegistrationBean<UrlSecretRedactingFilter> registration =
          new FilterRegistrationBean<>(new UrlSecretRedactingFilter(secret));
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
      return registration;
    }

    @Bean
    WebMvcConfigurer callbackUrlSecretInterceptor(
        ObjectProvider<UrlSecret> secret, ObjectProvider<CallbackMetrics> metrics) {
      return new WebMvcConfigurer() {
        @Override
        public void addInterceptors(InterceptorRegistry registry) {
          secret.ifAvailable(s -> registry
              .addInterceptor(new UrlSecretInterceptor(s, metrics.getIfAvailable(() -> CallbackMetrics.NONE)))
              .order(Ordered.HIGHEST_PRECEDENCE));
        }
      };
    }
  }

  /** Matches when {@code ci-callback.url-secret} binds to a list that is not empty (comma-separated or indexed). */
  static class OnUrlSecret extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
      boolean set = Binder.get(context.getEnvironment())
          .bind("ci-callback.url-secret", Bindable.listOf(String.class))
          .map(list -> !list.isEmpty())
          .orElse(false);
      return set ? ConditionOutcome.match("ci-callback.url-secret is set")
          : ConditionOutcome.noMatch("ci-callback.url-secret is not set");
    }
  }
}
