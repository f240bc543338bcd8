package dev.cicallback.spring.autoconfigure;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.util.ClassUtils;

/**
 * Spring Boot's {@code ConcurrentKafkaListenerContainerFactoryConfigurer}, which applies
 * {@code spring.kafka.listener.*} and the service's Kafka beans to a listener container factory, on either Spring Boot
 * line: 3.5 has it in {@code org.springframework.boot.autoconfigure.kafka}, 4 in
 * {@code org.springframework.boot.kafka.autoconfigure}. One jar serves both, so it is named, found among the beans and
 * called by name ({@code configure(factory, consumerFactory)} has the same signature on both).
 */
final class BootKafkaConfigurer {

  /** The configurer's class on Spring Boot 4, then on 3.5. */
  static final List<String> CLASS_NAMES = List.of(
      "org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer",
      "org.springframework.boot.autoconfigure.kafka.ConcurrentKafkaListenerContainerFactoryConfigurer");

  private BootKafkaConfigurer() {}

  /** Applies Spring Boot's configurer among {@code beans} to {@code factory}, consuming from {@code consumers}. */
  static void configure(ListableBeanFactory beans, ConcurrentKafkaListenerContainerFactory<Object, Object> factory,
      ConsumerFactory<Object, Object> consumers) {
    Object configurer = find(beans, BootKafkaConfigurer.class.getClassLoader());
    if (configurer == null) {
      throw new IllegalStateException("no Spring Boot ConcurrentKafkaListenerContainerFactoryConfigurer bean");
    }
    try {
      Method configure = configurer.getClass()
          .getMethod("configure", ConcurrentKafkaListenerContainerFactory.class, ConsumerFactory.class);
      configure.invoke(configurer, factory, consumers);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Spring Boot's Kafka listener configurer cannot be called", e);
    }
  }

  private static Object find(ListableBeanFactory beans, ClassLoader loader) {
    for (String name : CLASS_NAMES) {
      Class<?> type = load(name, loader);
      if (type != null && beans.getBeanNamesForType(type, true, false).length > 0) {
        return beans.getBean(type);
      }
    }
    return null;
  }

  private static Class<?> load(String name, ClassLoader loader) {
    if (!ClassUtils.isPresent(name, loader)) {
      return null;
    }
    return ClassUtils.resolveClassName(name, loader);
  }

  /** Matches when Spring Boot's configurer bean of either line is defined (Spring Boot's Kafka auto-configuration). */
  static final class Present implements ConfigurationCondition {

    @Override
    public ConfigurationPhase getConfigurationPhase() {
      return ConfigurationPhase.REGISTER_BEAN;
    }

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      ConfigurableListableBeanFactory beans = context.getBeanFactory();
      if (beans == null) {
        return false;
      }
      for (String name : CLASS_NAMES) {
        Class<?> type = load(name, context.getClassLoader());
        if (type != null && beans.getBeanNamesForType(type, true, false).length > 0) {
          return true;
        }
      }
      return false;
    }
  }
}
