package dev.cicallback.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What every shared store promises, against a real server: two instances of the store stand for two instances of the
 * service. Each implementation gives instances over one backend, a way to let time pass, and one over a backend that
 * cannot be reached.
 */
abstract class SharedDeduplicatorContract {

  static final Duration LEASE = Duration.ofMillis(600);
  static final Duration TTL = Duration.ofHours(1);

  /** A store instance over the test's backend (every call: another instance of the service). */
  abstract CallbackDeduplicator instance();

  /** A store over a backend nothing listens on. */
  abstract CallbackDeduplicator unreachable();

  /** Waits until the keys {@code store} was told were handled are kept (a shared store keeps them meanwhile). */
  static void kept(CallbackDeduplicator store) {
    if (store instanceof SharedDeduplicator shared) {
      shared.flush();
    }
  }

  /** Lets {@code time} pass for the stores' leases. */
  abstract void pass(Duration time) throws InterruptedException;

  @Test
  void ofConcurrentClaimsOfOneKeyFromTwoInstancesExactlyOneWins() throws Exception {
    CallbackDeduplicator a = instance();
    CallbackDeduplicator b = instance();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < 20; round++) {
        String key = "TaskFinish:race-" + round;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> claims = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          CallbackDeduplicator store = i % 2 == 0 ? a : b;
          Callable<Boolean> claim = () -> {
            start.await();
            return store.claim(key);
          };
          claims.add(pool.submit(claim));
        }
        start.countDown();
        int won = 0;
        for (Future<Boolean> claim : claims) {
          won += claim.get() ? 1 : 0;
        }
        assertThat(won).as("claims of %s won", key).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Many threads claiming at once (the store sends waiting claims together): keys claimed once and keys claimed three
   * times, from two instances, in one stream; each key is won exactly once, and every won key handled concurrently
   * stays claimed past the lease.
   */
  @Test
  void underConcurrentLoadEachKeyIsWonOnceAndEveryHandledKeyIsKept() throws Exception {
    CallbackDeduplicator a = instance();
    CallbackDeduplicator b = instance();
    List<String> deliveries = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      String key = "TaskFinish:load-" + i;
      for (int copy = 0; copy < (i % 3 == 0 ? 3 : 1); copy++) {
        deliveries.add(key);
      }
    }
    Collections.shuffle(deliveries, new Random(7));
    ExecutorService pool = Executors.newFixedThreadPool(16);
    Map<String, AtomicInteger> wins = new ConcurrentHashMap<>();
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < deliveries.size(); i++) {
        String key = deliveries.get(i);
        CallbackDeduplicator store = i % 2 == 0 ? a : b;
        done.add(pool.submit(() -> {
          if (store.claim(key)) {
            wins.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            store.handled(key);
          }
          return null;
        }));
      }
      for (Future<?> one : done) {
        one.get();
      }
    } finally {
      pool.shutdownNow();
    }
    kept(a);
    kept(b);
    assertThat(wins).hasSize(300);
    assertThat(wins.values()).allSatisfy(won -> assertThat(won.get()).isEqualTo(1));
    pass(LEASE.multipliedBy(2));
    CallbackDeduplicator later = instance();
    for (int i = 0; i < 300; i += 7) {
      assertThat(later.claim("TaskFinish:load-" + i)).as("handled key %s after the lease", i).isFalse();
    }
  }

  @Test
  void aHandledKeyStaysClaimedPastTheLease() throws Exception {
    CallbackDeduplicator a = instance();
    CallbackDeduplicator b = instance();
    assertThat(a.claim("TaskFinish:handled")).isTrue();
    a.handled("TaskFinish:handled");
    kept(a);
    pass(LEASE.multipliedBy(2));
    assertThat(b.claim("TaskFinish:handled")).as("a second delivery after the lease").isFalse();
    a.release("TaskFinish:handled"); // settled already: nothing of this instance's to release
    assertThat(b.claim("TaskFinish:handled")).isFalse();
  }

  @Test
  void closingAStoreKeepsTheKeysHandledBeforeAndAfter() throws Exception {
    CallbackDeduplicator a = instance();
    assertThat(a.claim("TaskFinish:closing-1")).isTrue();
    assertThat(a.claim("TaskFinish:closing-2")).isTrue();
    a.handled("TaskFinish:closing-1");
    ((AutoCloseable) a).close(); // the service stops: what is pending is kept
    a.handled("TaskFinish:closing-2"); // after closing: kept at once
    pass(LEASE.multipliedBy(2));
    CallbackDeduplicator b = instance();
    assertThat(b.claim("TaskFinish:closing-1")).isFalse();
    assertThat(b.claim("TaskFinish:closing-2")).isFalse();
  }

  @Test
  void aReleasedKeyIsHandledAtTheNextDeliveryOnAnotherInstance() {
    CallbackDeduplicator a = instance();
    CallbackDeduplicator b = instance();
    assertThat(a.claim("TaskFinish:failed")).isTrue();
    assertThat(b.claim("TaskFinish:failed")).isFalse();
    a.release("TaskFinish:failed");
    assertThat(b.claim("TaskFinish:failed")).isTrue();
  }

  @Test
  void aClaimNeverSettledRunsOutAndAnotherInstanceTakesItWithoutTheFirstReleasingIt() throws Exception {
    CallbackDeduplicator died = instance();
    CallbackDeduplicator next = instance();
    assertThat(died.claim("WorkflowFinish:died")).isTrue();
    assertThat(next.claim("WorkflowFinish:died")).as("within the lease").isFalse();
    pass(LEASE.multipliedBy(2));
    assertThat(next.claim("WorkflowFinish:died")).as("after the lease").isTrue();
    died.release("WorkflowFinish:died"); // late: must not touch the new claim
    assertThat(instance().claim("WorkflowFinish:died")).isFalse();
    died.handled("WorkflowFinish:died");
    kept(died);
    next.handled("WorkflowFinish:died");
    kept(next);
    pass(LEASE.multipliedBy(2));
    assertThat(instance().claim("WorkflowFinish:died")).isFalse();
  }

  @Test
  void aStoreThatCannotBeReachedThrowsInsteadOfLettingTheDeliveryThrough() {
    CallbackDeduplicator down = unreachable();
    long start = System.nanoTime();
    assertThatThrownBy(() -> down.claim("TaskFinish:down"))
        .isInstanceOf(DeduplicationStoreException.class)
        .hasMessageContaining("TaskFinish:down");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }
}
