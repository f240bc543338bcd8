package dev.cicallback.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.cicallback.model.json.Callback;
import dev.cicallback.spring.autoconfigure.testing.BootAutoConfiguration;
import dev.cicallback.validator.CallbackReader;
import dev.cicallback.validator.ProblemCode;
import dev.cicallback.validator.ValidatorOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

class CiCallbackAutoConfigurationTest {

  private final WebApplicationContextRunner web = new WebApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(
          CiCallbackAutoConfiguration.class, BootAutoConfiguration.HTTP_MESSAGE_CONVERTERS.type(),
          BootAutoConfiguration.WEB_MVC.type()));

  @Test
  void theDefaultReaderIsTolerantWithTheValidatorsLimits() {
    web.run(context -> {
      CallbackReader reader = context.getBean(CallbackReader.class);
      assertThat(reader.options())
          .isEqualTo(ValidatorOptions.builder().mode(ValidatorOptions.Mode.TOLERANT).build());
      assertThat(context.getBean(CallbackHttpMessageConverter.class).reader()).isSameAs(reader);
    });
  }

  @Test
  void thePropertiesSetTheModeAndTheLimits() {
    web.withPropertyValues("ci-callback.mode=strict", "ci-callback.max-bytes=64KB", "ci-callback.max-depth=16",
            "ci-callback.max-string-length=1000", "ci-callback.max-number-length=20", "ci-callback.max-nodes=500",
            "ci-callback.max-attributes=4")
        .run(context -> assertThat(context.getBean(CallbackReader.class).options()).isEqualTo(
            ValidatorOptions.builder().mode(ValidatorOptions.Mode.STRICT).maxBytes(64 * 1024).maxDepth(16)
                .maxStringLength(1000).maxNumberLength(20).maxNodes(500).maxAttributes(4).build()));
  }

  @Test
  void inStrictModeTheConverterHoldsATtsJobToWhatItsTagRequires() {
    byte[] lacking = Fixtures.bytes("json/invalid-tag-required-tts-lacks-ttsconfig.json");
    web.withPropertyValues("ci-callback.mode=strict").run(context -> {
      CallbackHttpMessageConverter converter = context.getBean(CallbackHttpMessageConverter.class);
      assertThatThrownBy(() -> converter.read(Callback.class, new Fixtures.Input(lacking)))
          .isInstanceOfSatisfying(InvalidCallbackException.class, e -> {
            assertThat(e.read().problems()).hasSize(1);
            assertThat(e.read().problems().get(0).code()).isEqualTo(ProblemCode.MISSING);
            assertThat(e.read().problems().get(0).location()).isEqualTo("/JobsDetail/Operation");
            assertThat(e.read().problems().get(0).message())
                .startsWith("Operation lacks the required node TtsConfig, which every job of Tag Tts carries");
          });
    });
    // The default, tolerant, reads it.
    web.run(context -> assertThat(context.getBean(CallbackHttpMessageConverter.class)
            .read(Callback.class, new Fixtures.Input(lacking)).getJobsDetail().get(0).getTag())
        .isEqualTo("Tts"));
  }

  @Test
  void aBadLimitFailsTheStartNamingIt() {
    web.withPropertyValues("ci-callback.max-depth=2").run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("maxDepth must be at least 8");
    });
  }

  @Test
  void aServicesOwnReaderReplacesTheDefaultAndTheConverterReadsWithIt() {
    CallbackReader own = CallbackReader.strict();
    web.withBean(CallbackReader.class, () -> own).run(context -> {
      assertThat(context).getBeans(CallbackReader.class).hasSize(1);
      assertThat(context.getBean(CallbackReader.class)).isSameAs(own);
      CallbackHttpMessageConverter converter = context.getBean(CallbackHttpMessageConverter.class);
      assertThat(converter.reader()).isSameAs(own);
      // Strict: a Tag the contract does not know makes the callback invalid (the default, tolerant, reads it).
      byte[] unknownTag = Fixtures.bytes("xml/invalid-unknown-tag-transcodepro-with-its-operation.xml");
      assertThatThrownBy(() -> converter.read(Callback.class, new Fixtures.Input(unknownTag)))
          .isInstanceOfSatisfying(InvalidCallbackException.class, e -> assertThat(e.read().problems())
              .first().extracting(p -> p.code()).isEqualTo(ProblemCode.UNKNOWN_TAG));
    });
    web.run(context -> assertThat(context.getBean(CallbackHttpMessageConverter.class).read(Callback.class,
            new Fixtures.Input(Fixtures.bytes("xml/invalid-unknown-tag-transcodepro-with-its-operation.xml"))))
        .isNotNull());
  }

  @Test
  void springMvcReadsCallbacksWithTheConverterBeforeJackson() {
    web.run(context -> {
      List<HttpMessageConverter<?>> converters =
          context.getBean(RequestMappingHandlerAdapter.class).getMessageConverters();
      List<String> readingCallbacks = new ArrayList<>();
      for (HttpMessageConverter<?> converter : converters) {
        if (converter.canRead(Callback.class, org.springframework.http.MediaType.APPLICATION_JSON)) {
          readingCallbacks.add(converter.getClass().getSimpleName());
        }
      }
      assertThat(readingCallbacks).first().isEqualTo("CallbackHttpMessageConverter");
      List<String> readingModeration = new ArrayList<>();
      for (HttpMessageConverter<?> converter : converters) {
        if (converter.canRead(dev.cicallback.validator.ModerationCallback.Simple.class,
            org.springframework.http.MediaType.APPLICATION_JSON)) {
          readingModeration.add(converter.getClass().getSimpleName());
        }
      }
      assertThat(readingModeration).first().isEqualTo("ModerationHttpMessageConverter");
      assertThat(context.getBean(ModerationHttpMessageConverter.class).reader())
          .isSameAs(context.getBean(CallbackReader.class));
      assertThat(context).hasSingleBean(CallbackProblemAdvice.class);
    });
  }

  @Test
  void outsideAServletApplicationOnlyTheReaderIsMade() {
    new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CiCallbackAutoConfiguration.class))
        .run(context -> {
          assertThat(context).hasSingleBean(CallbackReader.class);
          assertThat(context).doesNotHaveBean(CallbackHttpMessageConverter.class);
          assertThat(context).doesNotHaveBean(CallbackProblemAdvice.class);
        });
  }

  @Test
  void deduplicationIsOffUnlessTurnedOn() {
    byte[] body = Fixtures.bytes("xml/valid-seed-case1-task-api.xml");
    web.run(context -> {
      assertThat(context).doesNotHaveBean(CallbackDeduplicator.class);
      CallbackHttpMessageConverter converter = context.getBean(CallbackHttpMessageConverter.class);
      converter.read(Callback.class, new Fixtures.Input(body));
      assertThat(converter.read(Callback.class, new Fixtures.Input(body))).isNotNull();
    });
    web.withPropertyValues("ci-callback.deduplication.enabled=true", "ci-callback.deduplication.max-entries=5")
        .run(context -> {
          assertThat(context).getBean(CallbackDeduplicator.class).isInstanceOf(InMemoryCallbackDeduplicator.class);
          CallbackHttpMessageConverter converter = context.getBean(CallbackHttpMessageConverter.class);
          converter.read(Callback.class, new Fixtures.Input(body));
          // Outside a request nothing could release a claim after a failure, so none is kept.
          assertThat(((InMemoryCallbackDeduplicator) context.getBean(CallbackDeduplicator.class)).size()).isZero();
        });
  }

  @Test
  void aServicesOwnDeduplicatorIsUsedWhenDeduplicationIsOn() {
    List<String> claimed = new ArrayList<>();
    CallbackDeduplicator own = new CallbackDeduplicator() {
      @Override
      public boolean claim(String key) {
        claimed.add(key);
        return false; // as a shared store would answer for a key another instance handled
      }

      @Override
      public void release(String key) {}
    };
    web.withPropertyValues("ci-callback.deduplication.enabled=true")
        .withBean(CallbackDeduplicator.class, () -> own)
        .run(context -> {
          assertThat(context).getBeans(CallbackDeduplicator.class).hasSize(1);
          CallbackHttpMessageConverter converter = context.getBean(CallbackHttpMessageConverter.class);
          assertThatThrownBy(() -> converter.read(Callback.class,
                  new Fixtures.Input(Fixtures.bytes("json/valid-workflowfinish-qclouddocs-zh-case2.json"))))
              .isInstanceOf(DuplicateCallbackException.class);
          assertThat(claimed).singleElement().asString().startsWith("WorkflowFinish:i");
        });
  }

  @Test
  void theStorePropertyChoosesTheSharedStoreOverTheServicesConnections() {
    ApplicationContextRunner plain = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(CiCallbackAutoConfiguration.class))
        .withPropertyValues("ci-callback.deduplication.enabled=true");
    plain.withPropertyValues("ci-callback.deduplication.store=jdbc", "ci-callback.deduplication.jdbc.table=claims")
        .withBean(DataSource.class, () -> new HikariDataSource())
        .run(context -> assertThat(context).getBean(CallbackDeduplicator.class)
            .isInstanceOfSatisfying(JdbcCallbackDeduplicator.class, s -> assertThat(s.table()).isEqualTo("claims")));
    plain.withPropertyValues("ci-callback.deduplication.store=jdbc").run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause()
          .hasMessageContaining("ci-callback.deduplication.store=jdbc needs one DataSource");
    });
    plain.withPropertyValues("ci-callback.deduplication.store=redis")
        .withBean(RedisConnectionFactory.class, () -> new LettuceConnectionFactory())
        .run(context -> assertThat(context).getBean(CallbackDeduplicator.class)
            .isInstanceOf(RedisCallbackDeduplicator.class));
    plain.withPropertyValues("ci-callback.deduplication.store=redis")
        .withClassLoader(new FilteredClassLoader(RedisConnectionFactory.class))
        .run(context -> {
          assertThat(context).hasFailed();
          assertThat(context.getStartupFailure()).rootCause()
              .hasMessageContaining("store=redis needs Spring Data Redis on the class path");
        });
    plain.run(context -> assertThat(context).getBean(CallbackDeduplicator.class)
        .isInstanceOf(InMemoryCallbackDeduplicator.class));
  }

  @Test
  void aStoreThatCannotBeAskedRefusesTheBodyAndCountsIt() {
    CallbackDeduplicator down = new CallbackDeduplicator() {
      @Override
      public boolean claim(String key) {
        throw new DeduplicationStoreException("down: " + key, null);
      }

      @Override
      public void release(String key) {}
    };
    web.withUserConfiguration(Registry.class)
        .withPropertyValues("ci-callback.deduplication.enabled=true")
        .withBean(CallbackDeduplicator.class, () -> down)
        .run(context -> {
          CallbackHttpMessageConverter converter = context.getBean(CallbackHttpMessageConverter.class);
          assertThatThrownBy(() -> converter.read(Callback.class,
                  new Fixtures.Input(Fixtures.bytes("xml/valid-seed-case1-task-api.xml"))))
              .isInstanceOf(DeduplicationStoreException.class);
          assertThat(context.getBean(MeterRegistry.class).get(MicrometerCallbackMetrics.RECEIVED)
              .tag("outcome", "store_unavailable").counter().count()).isEqualTo(1.0);
          assertThat(new CallbackProblemAdvice().storeUnavailable(new DeduplicationStoreException("x", null))
              .getStatusCode().value()).isEqualTo(503);
        });
  }

  @Test
  void metricsAreCountedWhenARegistryIsThereAndOnlyThen() {
    web.withUserConfiguration(Registry.class).run(context -> {
      assertThat(context).getBean(CallbackMetrics.class).isInstanceOf(MicrometerCallbackMetrics.class);
      context.getBean(CallbackHttpMessageConverter.class)
          .read(Callback.class, new Fixtures.Input(Fixtures.bytes("xml/valid-seed-case1-task-api.xml")));
      assertThat(context.getBean(MeterRegistry.class).get(MicrometerCallbackMetrics.RECEIVED)
          .tag("outcome", "valid").counter().count()).isEqualTo(1.0);
    });
    web.run(context -> assertThat(context).doesNotHaveBean(CallbackMetrics.class));
    // A registry bean, but Micrometer not on the class path the conditions see.
    web.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .withClassLoader(new FilteredClassLoader(MeterRegistry.class))
        .run(context -> {
          assertThat(context).hasSingleBean(MeterRegistry.class);
          assertThat(context).doesNotHaveBean(CallbackMetrics.class);
        });
  }

  @Configuration(proxyBeanMethods = false)
  static class Registry {
    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }
  }
}
