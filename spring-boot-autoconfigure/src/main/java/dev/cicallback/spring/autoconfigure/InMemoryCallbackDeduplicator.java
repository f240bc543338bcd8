package dev.cicallback.spring.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The default {@link CallbackDeduplicator}: the keys of one instance, in memory, bounded in number (the oldest claim
 * goes first when full) and in age (a key older than the time to live is forgotten). Thread-safe.
 */
public final class InMemoryCallbackDeduplicator implements CallbackDeduplicator {

  private final int maxEntries;
  private final Duration ttl;
  private final Clock clock;
  /** Claims in the order they were made, each with its time: the eldest are at the head. */
  private final LinkedHashMap<String, Instant> claims = new LinkedHashMap<>();

  /** A store of at most {@code maxEntries} keys, each kept for {@code ttl}, timed by {@code clock}. */
  public InMemoryCallbackDeduplicator(int maxEntries, Duration ttl, Clock clock) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("ci-callback.deduplication.max-entries must be positive: " + maxEntries);
    }
    if (ttl == null || ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ci-callback.deduplication.ttl must be positive: " + ttl);
    }
    this.maxEntries = maxEntries;
    this.ttl = ttl;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public synchronized boolean claim(String key) {
    Objects.requireNonNull(key, "key");
    Instant now = clock.instant();
    forgetExpired(now);
    if (claims.containsKey(key)) {
      return false;
    }
    claims.put(key, now);
    if (claims.size() > maxEntries) {
      Iterator<String> eldest = claims.keySet().iterator();
      eldest.next();
      eldest.remove();
    }
    return true;
  }

  @Override
  public synchronized void release(String key) {
    claims.remove(key);
  }

  /** How many keys are held now. */
  public synchronized int size() {
    forgetExpired(clock.instant());
    return claims.size();
  }

  private void forgetExpired(Instant now) {
    Instant oldestKept = now.minus(ttl);
    Iterator<Map.Entry<String, Instant>> it = claims.entrySet().iterator();
    while (it.hasNext()) {
      if (it.next().getValue().isAfter(oldestKept)) {
        return; // in claim order, so every later one is younger
      }
      it.remove();
    }
  }
}
