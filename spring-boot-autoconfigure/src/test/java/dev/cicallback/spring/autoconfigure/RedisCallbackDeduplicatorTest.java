package dev.cicallback.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cicallback.spring.autoconfigure.testing.ExternalServers;
import dev.cicallback.spring.autoconfigure.testing.RedisServer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The redis store against a real redis-server (started for the run); time passes for real (Redis expires keys). */
@ExtendWith(ExternalServers.class)
class RedisCallbackDeduplicatorTest extends SharedDeduplicatorContract {

  private static final AtomicInteger PREFIXES = new AtomicInteger();
  private static LettuceConnectionFactory connections;

  private final String prefix = "test-" + PREFIXES.incrementAndGet() + ":";

  RedisCallbackDeduplicatorTest(RedisServer server) {
    synchronized (RedisCallbackDeduplicatorTest.class) {
      if (connections == null) {
        connections = factory(server.host(), server.port());
      }
    }
  }

  @AfterAll
  static void close() {
    if (connections != null) {
      connections.destroy();
      connections = null;
    }
  }

  static LettuceConnectionFactory factory(String host, int port) {
    LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(host, port),
        LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(2)).build());
    factory.afterPropertiesSet();
    factory.start();
    return factory;
  }

  @Override
  CallbackDeduplicator instance() {
    return new RedisCallbackDeduplicator(connections, prefix, LEASE, TTL);
  }

  @Override
  CallbackDeduplicator unreachable() {
    return new RedisCallbackDeduplicator(factory("127.0.0.1", JdbcCallbackDeduplicatorTest.freePort()), prefix,
        LEASE, TTL);
  }

  @Override
  void pass(Duration time) throws InterruptedException {
    Thread.sleep(time.toMillis());
  }

  @Test
  void aClaimIsOneKeyWithTheLeaseAndAHandledOneTheTimeToLive() {
    StringRedisTemplate redis = new StringRedisTemplate(connections);
    CallbackDeduplicator store = instance();
    assertThat(store.claim("TaskFinish:ttl")).isTrue();
    Long leaseLeft = redis.getExpire(prefix + "TaskFinish:ttl", java.util.concurrent.TimeUnit.MILLISECONDS);
    assertThat(leaseLeft).isBetween(1L, LEASE.toMillis());
    store.handled("TaskFinish:ttl");
    kept(store);
    Long ttlLeft = redis.getExpire(prefix + "TaskFinish:ttl", java.util.concurrent.TimeUnit.MILLISECONDS);
    assertThat(ttlLeft).isBetween(TTL.toMillis() - 60_000, TTL.toMillis());
  }
}
