package dev.cicallback.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** Concurrent calls of one store operation, run together in batches. */
class CombinerTest {

  @Test
  void aLoneCallIsABatchOfOne() {
    List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
    Combiner<Integer, String> combiner = new Combiner<>(items -> {
      batches.add(List.copyOf(items));
      return items.stream().map(i -> "answer " + i).toList();
    }, 8, 1);
    assertThat(combiner.call(1)).isEqualTo("answer 1");
    assertThat(combiner.call(2)).isEqualTo("answer 2");
    assertThat(batches).containsExactly(List.of(1), List.of(2));
  }

  @Test
  void callsWaitingWhileABatchRunsGoTogetherInTheNextAndEachGetsItsOwnAnswer() throws Exception {
    CountDownLatch firstRunning = new CountDownLatch(1);
    CountDownLatch othersQueued = new CountDownLatch(1);
    List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
    Combiner<Integer, Integer> combiner = new Combiner<>(items -> {
      batches.add(List.copyOf(items));
      if (items.contains(0)) {
        firstRunning.countDown();
        await(othersQueued);
      }
      return items.stream().map(i -> i * 10).toList();
    }, 4, 1);
    ExecutorService pool = Executors.newFixedThreadPool(7);
    try {
      Future<Integer> first = pool.submit(() -> combiner.call(0));
      assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
      List<Future<Integer>> others = new ArrayList<>();
      for (int i = 1; i <= 6; i++) {
        int item = i;
        others.add(pool.submit(() -> combiner.call(item)));
      }
      waitUntilParked(6, combiner);
      othersQueued.countDown();
      assertThat(first.get(10, TimeUnit.SECONDS)).isZero();
      for (int i = 1; i <= 6; i++) {
        assertThat(others.get(i - 1).get(10, TimeUnit.SECONDS)).isEqualTo(i * 10);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(batches).hasSize(3);
    assertThat(batches.get(0)).containsExactly(0);
    assertThat(batches.get(1)).as("at most maxBatch items in one batch").hasSize(4);
    assertThat(batches.get(2)).hasSize(2);
    List<Integer> all = new ArrayList<>();
    batches.forEach(all::addAll);
    assertThat(all).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6);
  }

  @Test
  void aFailingBatchFailsEveryCallInItAndTheNextBatchRunsAfresh() {
    AtomicInteger runs = new AtomicInteger();
    Combiner<String, String> combiner = new Combiner<>(items -> {
      if (runs.incrementAndGet() == 1) {
        throw new DeduplicationStoreException("the store is down", null);
      }
      return items;
    }, 8, 1);
    assertThatThrownBy(() -> combiner.call("a"))
        .isInstanceOf(DeduplicationStoreException.class)
        .hasMessage("the store is down");
    assertThat(combiner.call("b")).isEqualTo("b");
  }

  @Test
  void aBatchThatAnswersTheWrongNumberOfItemsIsAnErrorNotAWrongAnswer() {
    Combiner<String, String> combiner = new Combiner<>(items -> List.of(), 8, 1);
    assertThatThrownBy(() -> combiner.call("a"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("0 answers for a batch of 1");
  }

  @Test
  void atMostMaxInFlightBatchesRunAtOnce() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    Combiner<Integer, Integer> combiner = new Combiner<>(items -> {
      most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      await(release);
      inFlight.decrementAndGet();
      return items;
    }, 1, 2);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        int item = i;
        answers.add(pool.submit(() -> combiner.call(item)));
      }
      waitUntilParked(2, combiner); // two batches of one run, two callers wait
      assertThat(inFlight.get()).isEqualTo(2);
      release.countDown();
      for (int i = 0; i < 4; i++) {
        assertThat(answers.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(i);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(most.get()).isEqualTo(2);
  }

  @Test
  void manyThreadsEachGetTheirOwnAnswer() throws Exception {
    AtomicInteger largest = new AtomicInteger();
    Combiner<Integer, Integer> combiner = new Combiner<>(items -> {
      largest.accumulateAndGet(items.size(), Math::max);
      return items.stream().map(i -> -i).toList();
    }, 16, 4);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        int base = t * 10_000;
        results.add(pool.submit(() -> {
          for (int i = base; i < base + 2_000; i++) {
            if (combiner.call(i) != -i) {
              return false;
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get(60, TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(largest.get()).isBetween(1, 16);
  }

  @Test
  void anInterruptedCallerStillGetsItsAnswerAndKeepsItsInterrupt() throws Exception {
    CountDownLatch firstRunning = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Combiner<Integer, Integer> combiner = new Combiner<>(items -> {
      if (items.contains(0)) {
        firstRunning.countDown();
        await(release);
      }
      return items;
    }, 8, 1);
    Thread first = new Thread(() -> combiner.call(0));
    first.start();
    assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
    AtomicReference<Object> seen = new AtomicReference<>();
    Thread second = new Thread(() -> {
      Integer answer = combiner.call(1);
      seen.set(answer + "/" + Thread.currentThread().isInterrupted());
    });
    second.start();
    while (second.getState() != Thread.State.WAITING) {
      Thread.onSpinWait();
    }
    second.interrupt();
    Thread.sleep(50); // interrupted, it keeps waiting for its batch
    assertThat(seen.get()).isNull();
    release.countDown();
    first.join(10_000);
    second.join(10_000);
    assertThat(seen.get()).isEqualTo("1/true");
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("timed out");
      }
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Waits until {@code count} callers wait (parked) while the first batch runs. */
  private static void waitUntilParked(int count, Combiner<?, ?> combiner) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (parkedOn(combiner) < count) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("callers did not queue");
      }
      Thread.sleep(5);
    }
  }

  private static int parkedOn(Combiner<?, ?> combiner) {
    int parked = 0;
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getState() == Thread.State.WAITING && LockSupport.getBlocker(thread) == combiner) {
        parked++;
      }
    }
    return parked;
  }
}
