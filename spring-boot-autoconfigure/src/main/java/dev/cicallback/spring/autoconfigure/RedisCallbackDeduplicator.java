package dev.cicallback.spring.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * A {@link CallbackDeduplicator} in Redis, shared by every instance that uses the same Redis, over the service's
 * {@link RedisConnectionFactory} (Spring Data Redis). A claim is {@code SET <prefix><key> <token> NX PX <lease>}: one
 * of any number of concurrent claims sets the key, and the lease runs out by itself should the instance die before
 * handling. A handled key's expiry becomes the time to live, and a failed one's key is deleted, each in a Lua script
 * that first compares the stored token with this claim's, so that an instance never touches a claim another made
 * after its own lease ran out.
 */
public final class RedisCallbackDeduplicator implements CallbackDeduplicator {

  /** The default prefix of the keys in Redis. */
  public static final String DEFAULT_PREFIX = "ci-callback:dedup:";

  /** Deletes KEYS[1] if it holds ARGV[1]. */
  static final RedisScript<Long> RELEASE = RedisScript.of(
      "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end", Long.class);

  /** Sets the expiry of KEYS[1] to ARGV[2] milliseconds if it holds ARGV[1]. */
  static final RedisScript<Long> KEEP = RedisScript.of(
      "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end",
      Long.class);

  private final StringRedisTemplate redis;
  private final String prefix;
  private final Duration lease;
  private final Duration ttl;
  /** This instance's claims in flight: key to token. */
  private final Map<String, String> claims = new ConcurrentHashMap<>();

  /** A store under {@code prefix}; a claim holds for {@code lease} until handled, a handled key for {@code ttl}. */
  public RedisCallbackDeduplicator(RedisConnectionFactory connections, String prefix, Duration lease, Duration ttl) {
    this.redis = new StringRedisTemplate(Objects.requireNonNull(connections, "connections"));
    this.prefix = Objects.requireNonNull(prefix, "prefix");
    this.lease = positive(lease, "ci-callback.deduplication.lease");
    this.ttl = positive(ttl, "ci-callback.deduplication.ttl");
  }

  @Override
  public boolean claim(String key) {
    String token = UUID.randomUUID().toString();
    Boolean set;
    try {
      set = redis.opsForValue().setIfAbsent(prefix + key, token, lease);
    } catch (DataAccessException e) {
      throw unavailable("claim " + key, e);
    }
    if (Boolean.TRUE.equals(set)) {
      claims.put(key, token);
      return true;
    }
    return false;
  }

  @Override
  public void handled(String key) {
    String token = claims.remove(key);
    if (token != null) {
      run(KEEP, key, List.of(token, Long.toString(ttl.toMillis())), "keep " + key);
    }
  }

  @Override
  public void release(String key) {
    String token = claims.remove(key);
    if (token != null) {
      run(RELEASE, key, List.of(token), "release " + key);
    }
  }

  private void run(RedisScript<Long> script, String key, List<String> args, String what) {
    try {
      redis.execute(script, List.of(prefix + key), args.toArray());
    } catch (DataAccessException e) {
      throw unavailable(what, e);
    }
  }

  private static DeduplicationStoreException unavailable(String what, DataAccessException e) {
    return new DeduplicationStoreException("Redis could not be used to " + what + ": " + e.getMessage(), e);
  }

  private static Duration positive(Duration duration, String name) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + duration);
    }
    return duration;
  }
}
