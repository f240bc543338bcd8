package dev.cicallback.spring.autoconfigure;

import dev.cicallback.validator.CallbackReader;
import dev.cicallback.validator.UrlSecret;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
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
 * 404 to a callback request without it and the {@link UrlSecretRedactingFilter} that keeps it out of the logs; with
 * {@code ci-callback.confirm.enabled=true}, the confirmation of each callback through CI's API ({@link Confirmation}).
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
    UrlSecretRedactingFilter callbackUrlSecretRedactingFilter(UrlSecret secret) {
      return new UrlSecretRedactingFilter(secret); // a Filter bean: the embedded server registers it, ordered first
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

  /**
   * Confirmation through CI's API, with {@code ci-callback.confirm.enabled=true}: the {@link CallbackConfirmer} over
   * a {@link CiApi} (the service's own, or {@link CosSignedCiApi} from {@code ci-callback.confirm.*} when
   * {@code com.qcloud:cos_api} is on the class path) and, in Spring MVC, the {@link CallbackConfirmationAdvice}.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(prefix = "ci-callback.confirm", name = "enabled", havingValue = "true")
  static class Confirmation {

    @Bean
    @ConditionalOnMissingBean
    CallbackConfirmer callbackConfirmer(ObjectProvider<CiApi> api, CallbackReader reader) {
      CiApi ciApi = api.getIfAvailable();
      if (ciApi == null) {
        throw new IllegalStateException("ci-callback.confirm.enabled=true needs com.qcloud:cos_api on the class path"
            + " (the requests to CI's API are signed with it), or a CiApi bean of the service's own");
      }
      return new CallbackConfirmer(ciApi, reader);
    }

    /** The API, signed with the COS SDK's signer, when the service gives none of its own. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "com.qcloud.cos.auth.COSSigner")
    static class CosSigned {
      @Bean
      @ConditionalOnMissingBean
      CiApi callbackCiApi(CiCallbackAuthenticityProperties properties) {
        CiCallbackAuthenticityProperties.Confirm confirm = properties.getConfirm();
        if (confirm.getEndpoint() == null) {
          throw new IllegalStateException("ci-callback.confirm.endpoint is required to confirm callbacks, such as"
              + " https://examplebucket-1250000000.ci.ap-guangzhou.myqcloud.com");
        }
        return new CosSignedCiApi(confirm.getEndpoint(), confirm.getSecretId(), confirm.getSecretKey(),
            confirm.getSessionToken(), confirm.getTimeout());
      }
    }

    /** In Spring MVC, the advice that confirms each callback before the method is called. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(DispatcherServlet.class)
    static class Web {
      @Bean
      @ConditionalOnMissingBean
      CallbackConfirmationAdvice callbackConfirmationAdvice(
          CallbackConfirmer confirmer, ObjectProvider<CallbackMetrics> metrics) {
        return new CallbackConfirmationAdvice(confirmer, metrics.getIfAvailable(() -> CallbackMetrics.NONE));
      }
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
