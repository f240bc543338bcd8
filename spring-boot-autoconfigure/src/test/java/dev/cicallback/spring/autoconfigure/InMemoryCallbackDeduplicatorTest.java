package dev.cicallback.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class InMemoryCallbackDeduplicatorTest {

  /** A clock the test moves. */
  static final class Hand extends Clock {
    Instant now = Instant.parse("2026-11-27T00:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  private final Hand clock = new Hand();

  @Test
  void aKeyIsClaimedOnceUntilReleased() {
    var store = new InMemoryCallbackDeduplicator(10, Duration.ofMinutes(5), clock);
    assertThat(store.claim("TaskFinish:j1")).isTrue();
    assertThat(store.claim("TaskFinish:j1")).isFalse();
    assertThat(store.claim("TaskFinish:j2")).isTrue();
    store.release("TaskFinish:j1");
    assertThat(store.claim("TaskFinish:j1")).isTrue();
  }

  @Test
  void itHoldsAtMostMaxEntriesAndTheOldestGoFirst() {
    var store = new InMemoryCallbackDeduplicator(3, Duration.ofHours(1), clock);
    for (int i = 1; i <= 5; i++) {
      assertThat(store.claim("k" + i)).isTrue();
    }
    assertThat(store.size()).isEqualTo(3);
    assertThat(store.claim("k5")).isFalse();
    assertThat(store.claim("k3")).isFalse();
    assertThat(store.claim("k1")).isTrue(); // forgotten when k4 came
  }

  @Test
  void aKeyIsForgottenOnceOlderThanTheTimeToLive() {
    var store = new InMemoryCallbackDeduplicator(10, Duration.ofMinutes(5), clock);
    store.claim("old");
    clock.now = clock.now.plus(Duration.ofMinutes(3));
    store.claim("young");
    clock.now = clock.now.plus(Duration.ofMinutes(2)); // old is 5 minutes old, young 2
    assertThat(store.claim("old")).isTrue();
    assertThat(store.claim("young")).isFalse();
    assertThat(store.size()).isEqualTo(2);
  }

  @Test
  void ofConcurrentClaimsOfOneKeyExactlyOneWins() throws Exception {
    var store = new InMemoryCallbackDeduplicator(100, Duration.ofHours(1), Clock.systemUTC());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Callable<Boolean>> claims = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        claims.add(() -> {
          start.await();
          return store.claim("WorkflowFinish:i1");
        });
      }
      List<Future<Boolean>> results = new ArrayList<>();
      for (Callable<Boolean> claim : claims) {
        results.add(pool.submit(claim));
      }
      start.countDown();
      int won = 0;
      for (Future<Boolean> result : results) {
        won += result.get() ? 1 : 0;
      }
      assertThat(won).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void badBoundsNameTheirProperty() {
    assertThatThrownBy(() -> new InMemoryCallbackDeduplicator(0, Duration.ofHours(1), clock))
        .hasMessageContaining("ci-callback.deduplication.max-entries");
    assertThatThrownBy(() -> new InMemoryCallbackDeduplicator(1, Duration.ZERO, clock))
        .hasMessageContaining("ci-callback.deduplication.ttl");
  }
}
