package dev.cicallback.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs the concurrent calls of one store operation together (group commit): each caller queues its item, and a
 * caller takes every item waiting, up to {@code maxBatch}, and runs them as one batch (one statement or one pipeline to
 * the store) for all their callers, who then return its answers. At most {@code maxInFlight} batches run at once, so
 * that one slow or descheduled batch does not hold every other caller. Nothing waits for more items to come: a lone
 * call is a batch of one.
 *
 * <p>Why: a shared store's round trip and transaction cost far more than the work per key, and a service under load
 * has many deliveries waiting on the store at once. Measured with {@code benchmarks/endpoint.sh}, see
 * docs/performance.md.
 *
 * @param <I> an item (a key to claim, a key to keep)
 * @param <R> the answer for one item
 */
final class Combiner<I, R> {

  /** Runs one batch: answers in the order of the items, one per item. */
  @FunctionalInterface
  interface Batch<I, R> {
    List<R> run(List<I> items);
  }

  private final Batch<I, R> batch;
  private final int maxBatch;
  private final int maxInFlight;
  private final ConcurrentLinkedQueue<Call<I, R>> waiting = new ConcurrentLinkedQueue<>();
  /** The batches in flight. */
  private final AtomicInteger running = new AtomicInteger();

  Combiner(Batch<I, R> batch, int maxBatch, int maxInFlight) {
    this.batch = Objects.requireNonNull(batch, "batch");
    if (maxBatch < 1 || maxInFlight < 1) {
      throw new IllegalArgumentException("maxBatch and maxInFlight must be positive: " + maxBatch + ", " + maxInFlight);
    }
    this.maxBatch = maxBatch;
    this.maxInFlight = maxInFlight;
  }

  /**
   * Runs {@code item} in the next batch and returns its answer; a {@link RuntimeException} the batch threw is thrown
   * to every caller of that batch.
   */
  R call(I item) {
    Call<I, R> call = new Call<>(item);
    waiting.add(call);
    boolean interrupted = false;
    while (!call.done) {
      if (startBatch()) {
        try {
          if (!call.done) {
            runOne();
          }
        } finally {
          running.decrementAndGet();
          Call<I, R> next = waiting.peek(); // its caller runs the next batch
          if (next != null) {
            LockSupport.unpark(next.thread);
          }
        }
      } else {
        LockSupport.park(this);
        // an interrupt does not take the item back from a batch: wait for its answer, then restore the interrupt
        interrupted |= Thread.interrupted();
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (call.failure != null) {
      throw call.failure;
    }
    return call.answer;
  }

  private boolean startBatch() {
    for (int now = running.get(); now < maxInFlight; now = running.get()) {
      if (running.compareAndSet(now, now + 1)) {
        return true;
      }
    }
    return false;
  }

  private void runOne() {
    List<Call<I, R>> calls = new ArrayList<>();
    for (Call<I, R> next; calls.size() < maxBatch && (next = waiting.poll()) != null; ) {
      calls.add(next);
    }
    if (calls.isEmpty()) {
      return; // another batch took them all
    }
    List<I> items = new ArrayList<>(calls.size());
    for (Call<I, R> call : calls) {
      items.add(call.item);
    }
    try {
      List<R> answers = batch.run(items);
      if (answers.size() != calls.size()) {
        throw new IllegalStateException(answers.size() + " answers for a batch of " + calls.size());
      }
      for (int i = 0; i < calls.size(); i++) {
        calls.get(i).answer = answers.get(i);
      }
    } catch (RuntimeException | Error e) {
      RuntimeException failure = e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
      for (Call<I, R> call : calls) {
        call.failure = failure;
      }
      if (e instanceof Error error) {
        finish(calls);
        throw error;
      }
    }
    finish(calls);
  }

  private static <I, R> void finish(List<Call<I, R>> calls) {
    Thread self = Thread.currentThread();
    for (Call<I, R> call : calls) {
      call.done = true;
      if (call.thread != self) {
        LockSupport.unpark(call.thread);
      }
    }
  }

  private static final class Call<I, R> {
    final I item;
    final Thread thread = Thread.currentThread();
    R answer;
    RuntimeException failure;
    /** Set after the answer or the failure, which it publishes to the caller. */
    volatile boolean done;

    Call(I item) {
      this.item = item;
    }
  }
}
