package dev.cicallback.spring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the shared stores have in common: each claim carries a token of its own, which this instance remembers until
 * the delivery is settled, so that it keeps or releases only its own claim (never one another instance made after
 * this one's lease ran out). Concurrent claims go to the store in batches ({@link Combiner}). A handled key is kept in
 * the background: {@link #handled} returns at once, so the answer to CI waits for the claim alone, and one thread
 * keeps every key handled meanwhile in one batch; a store that fails then is logged, and those claims run out with
 * their leases. {@link #close} keeps what is pending (Spring calls it when the service stops).
 */
abstract class SharedDeduplicator implements CallbackDeduplicator, AutoCloseable {

  private static final System.Logger LOG = System.getLogger(SharedDeduplicator.class.getName());

  /** A key with the token of this instance's claim. */
  record Held(String key, String token) {}

  /** This instance's claims in flight: key to token. */
  private final Map<String, String> claims = new ConcurrentHashMap<>();
  private final Combiner<Held, Boolean> claiming;
  private final int maxBatch;
  /** Handled keys not kept yet. */
  private final ConcurrentLinkedQueue<Held> toKeep = new ConcurrentLinkedQueue<>();
  /** Whether a task keeping {@link #toKeep} is queued or running. */
  private final AtomicBoolean keeping = new AtomicBoolean();
  /** One thread, which ends after a minute with nothing to keep (a store that handles nothing holds none). */
  private final ThreadPoolExecutor keeper = new ThreadPoolExecutor(
      1, 1, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), task -> {
        Thread thread = new Thread(task, "ci-callback-keeper");
        thread.setDaemon(true);
        return thread;
      });

  /** Batches of at most {@code maxBatch} keys, at most {@code maxInFlight} batches of claims at once. */
  SharedDeduplicator(int maxBatch, int maxInFlight) {
    this.claiming = new Combiner<>(this::claimAll, maxBatch, maxInFlight);
    this.maxBatch = maxBatch;
    keeper.allowCoreThreadTimeOut(true);
  }

  @Override
  public final boolean claim(String key) {
    Objects.requireNonNull(key, "key");
    // Unique, not secret (it never leaves the service and its store): UUID.randomUUID's one SecureRandom is a lock
    // that every claim under load would wait on.
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String token = new UUID(random.nextLong(), random.nextLong()).toString();
    boolean won = claiming.call(new Held(key, token));
    if (won) {
      claims.put(key, token);
    }
    return won;
  }

  /** Queues the key to be kept; returns at once (see the class comment). */
  @Override
  public final void handled(String key) {
    String token = claims.remove(key);
    if (token != null) {
      toKeep.add(new Held(key, token));
      if (keeping.compareAndSet(false, true)) {
        try {
          keeper.execute(this::keepWaiting);
        } catch (RejectedExecutionException stopped) {
          keepWaiting(); // closed: keep it now
        }
      }
    }
  }

  /** Waits until every key handled before the call is kept (or its keeping failed). */
  final void flush() {
    try {
      keeper.submit(() -> {}).get(); // one thread: runs after the keeping queued before it
    } catch (RejectedExecutionException stopped) {
      keepWaiting();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Keeps what is pending, then stops the keeping thread. */
  @Override
  public void close() {
    keeper.shutdown();
    try {
      if (!keeper.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.log(System.Logger.Level.WARNING,
            "handled keys not kept within 30 s; their claims run out with their leases");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    keepWaiting();
  }

  /** Keeps the queued keys in batches until none is left. */
  private void keepWaiting() {
    while (true) {
      List<Held> batch = new ArrayList<>();
      for (Held next; batch.size() < maxBatch && (next = toKeep.poll()) != null; ) {
        batch.add(next);
      }
      if (batch.isEmpty()) {
        keeping.set(false);
        // a key queued after the poll and before the flag's reset found the flag set: keep it here
        if (toKeep.isEmpty() || !keeping.compareAndSet(false, true)) {
          return;
        }
        continue;
      }
      try {
        keepAll(batch);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, e.getMessage() + "; the claims run out with their leases");
      }
    }
  }

  @Override
  public final void release(String key) {
    String token = claims.remove(key);
    if (token != null) {
      release(new Held(key, token));
    }
  }

  /**
   * Claims each key of {@code batch} for the lease, under its token: true for each key won, in order (of a key twice
   * in one batch, one claim at most wins).
   *
   * @throws DeduplicationStoreException when the store cannot be asked
   */
  abstract List<Boolean> claimAll(List<Held> batch);

  /**
   * Keeps each handled key of {@code batch} that still holds its token for the time to live (on the keeping thread).
   *
   * @throws DeduplicationStoreException when the store cannot be asked
   */
  abstract void keepAll(List<Held> batch);

  /**
   * Deletes the claim of {@code held} if it still holds its token.
   *
   * @throws DeduplicationStoreException when the store cannot be asked
   */
  abstract void release(Held held);

  /** The batch's keys, for a message: the first, and how many more. */
  static String named(List<Held> batch) {
    return batch.get(0).key() + (batch.size() == 1 ? "" : " and " + (batch.size() - 1) + " more keys");
  }

  static Duration positive(Duration duration, String name) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + duration);
    }
    return duration;
  }
}
