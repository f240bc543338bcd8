package dev.cicallback.spring.autoconfigure;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * The {@link CallbackDeduplicator} of {@code ci-callback.deduplication.store}, each replaced by a bean of the
 * service's own. Imported in this order: the shared stores first, the in-memory one when neither was made.
 */
final class DeduplicationStores {

  private DeduplicationStores() {}

  /** {@code store=jdbc}: the service's DataSource. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(prefix = "ci-callback.deduplication", name = "store", havingValue = "jdbc")
  static class Jdbc {

    @Bean
    @ConditionalOnMissingBean
    CallbackDeduplicator callbackDeduplicator(CiCallbackProperties properties, ObjectProvider<DataSource> dataSource) {
      DataSource source = dataSource.getIfUnique();
      if (source == null) {
        throw new IllegalStateException("ci-callback.deduplication.store=jdbc needs one DataSource bean: add "
            + "spring-boot-starter-jdbc and the database's driver, and set spring.datasource.url");
      }
      CiCallbackProperties.Deduplication settings = properties.getDeduplication();
      return new JdbcCallbackDeduplicator(source, settings.getJdbc().getTable(),
          settings.getJdbc().isInitializeSchema(), settings.getLease(), settings.getTtl(), Clock.systemUTC());
    }
  }

  /** {@code store=redis}: the service's Redis connection. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(RedisConnectionFactory.class)
  @ConditionalOnProperty(prefix = "ci-callback.deduplication", name = "store", havingValue = "redis")
  static class Redis {

    @Bean
    @ConditionalOnMissingBean
    CallbackDeduplicator callbackDeduplicator(
        CiCallbackProperties properties, ObjectProvider<RedisConnectionFactory> connections) {
      RedisConnectionFactory factory = connections.getIfUnique();
      if (factory == null) {
        throw new IllegalStateException("ci-callback.deduplication.store=redis needs a RedisConnectionFactory bean: "
            + "add spring-boot-starter-data-redis and set spring.data.redis.*");
      }
      CiCallbackProperties.Deduplication settings = properties.getDeduplication();
      return new RedisCallbackDeduplicator(
          factory, settings.getRedis().getKeyPrefix(), settings.getLease(), settings.getTtl());
    }
  }

  /** {@code store=memory}, the default; a shared store asked for but not made fails the start, saying why. */
  @Configuration(proxyBeanMethods = false)
  static class Memory {

    @Bean
    @ConditionalOnMissingBean
    CallbackDeduplicator callbackDeduplicator(CiCallbackProperties properties) {
      CiCallbackProperties.Deduplication settings = properties.getDeduplication();
      if (settings.getStore() == CiCallbackProperties.Deduplication.Store.REDIS) {
        throw new IllegalStateException("ci-callback.deduplication.store=redis needs Spring Data Redis on the class "
            + "path: add spring-boot-starter-data-redis");
      }
      return new InMemoryCallbackDeduplicator(settings.getMaxEntries(), settings.getTtl(), Clock.systemUTC());
    }
  }
}
