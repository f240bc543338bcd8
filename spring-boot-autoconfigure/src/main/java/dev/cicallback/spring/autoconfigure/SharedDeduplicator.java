package dev.cicallback.spring.autoconfigure;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the shared stores have in common: each claim carries a token of its own, which this instance remembers until
 * the delivery is settled, so that it keeps or releases only its own claim (never one another instance made after
 * this one's lease ran out); concurrent claims, and handled keys, go to the store in batches ({@link Combiner}).
 */
abstract class SharedDeduplicator implements CallbackDeduplicator {

  /** A key with the token of this instance's claim. */
  record Held(String key, String token) {}

  /** This instance's claims in flight: key to token. */
  private final Map<String, String> claims = new ConcurrentHashMap<>();
  private final Combiner<Held, Boolean> claiming;
  private final Combiner<Held, Boolean> keeping;

  /** Batches of at most {@code maxBatch} keys, at most {@code maxInFlight} of each kind at once. */
  SharedDeduplicator(int maxBatch, int maxInFlight) {
    this.claiming = new Combiner<>(this::claimAll, maxBatch, maxInFlight);
    this.keeping = new Combiner<>(batch -> {
      keepAll(batch);
      return Collections.nCopies(batch.size(), Boolean.TRUE);
    }, maxBatch, maxInFlight);
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

  @Override
  public final void handled(String key) {
    String token = claims.remove(key);
    if (token != null) {
      keeping.call(new Held(key, token));
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
   * Keeps each handled key of {@code batch} that still holds its token for the time to live.
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
