package dev.cicallback.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/** Which beans the WebFlux auto-configuration makes, in a reactive application alone. */
class CiCallbackWebFluxAutoConfigurationTest {

  private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(
          CiCallbackAutoConfiguration.class, CiCallbackWebFluxAutoConfiguration.class));

  @Test
  void aReactiveApplicationGetsTheReaderItsCodecRegistrationAndTheAdvice() {
    reactive.run(context -> {
      assertThat(context).hasSingleBean(CallbackHttpMessageReader.class);
      assertThat(context).hasSingleBean(CallbackProblemAdvice.class);
      assertThat(context).hasSingleBean(WebFluxConfigurer.class);
      assertThat(context).doesNotHaveBean(DeduplicationWebFilter.class);
      assertThat(context).doesNotHaveBean(CallbackHttpMessageConverter.class);
    });
  }

  @Test
  void deduplicationAddsTheWebFilter() {
    reactive.withPropertyValues("ci-callback.deduplication.enabled=true").run(context -> {
      assertThat(context).hasSingleBean(DeduplicationWebFilter.class);
      assertThat(context).hasSingleBean(CallbackDeduplicator.class);
    });
  }

  @Test
  void aServletApplicationOrOneWithoutWebFluxGetsNone() {
    new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(
            CiCallbackAutoConfiguration.class, CiCallbackWebFluxAutoConfiguration.class))
        .run(context -> assertThat(context).doesNotHaveBean(CallbackHttpMessageReader.class));
    reactive.withClassLoader(new FilteredClassLoader("org.springframework.web.reactive"))
        .run(context -> assertThat(context).doesNotHaveBean(CallbackHttpMessageReader.class));
  }

  @Test
  void aReaderOfTheServicesOwnReplacesTheStarters() {
    reactive.withBean("mine", CallbackHttpMessageReader.class,
            () -> new CallbackHttpMessageReader(dev.cicallback.validator.CallbackReader.strict(), null,
                CallbackMetrics.NONE))
        .run(context -> assertThat(context.getBean(CallbackHttpMessageReader.class).reader().options().mode())
            .isEqualTo(dev.cicallback.validator.ValidatorOptions.Mode.STRICT));
  }
}
