package dev.cicallback.spring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * A {@link CallbackDeduplicator} in Redis, shared by every instance that uses the same Redis, over the service's
 * {@link RedisConnectionFactory} (Spring Data Redis). A claim is {@code SET <prefix><key> <token> NX PX <lease>}: one
 * of any number of concurrent claims sets the key, and the lease runs out by itself should the instance die before
 * handling. A handled key's expiry becomes the time to live, and a failed one's key is deleted, each after comparing
 * the stored token with this claim's, so that an instance never touches a claim another made after its own lease ran
 * out.
 *
 * <p>Concurrent claims go to Redis together, one Lua script that sets every key waiting (up to 64), and so do the
 * handled keys in the background ({@link SharedDeduplicator}): under load a delivery costs a share of a round trip
 * rather than two. Against a Redis Cluster, whose scripts take keys of one slot only, each claim and each handled key
 * is a script of its own.
 */
public final class RedisCallbackDeduplicator extends SharedDeduplicator {

  /** The default prefix of the keys in Redis. */
  public static final String DEFAULT_PREFIX = "ci-callback:dedup:";

  /** Deletes KEYS[1] if it holds ARGV[1]. */
  static final RedisScript<Long> RELEASE = RedisScript.of(
      "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end", Long.class);

  /** Sets each KEYS[i] to ARGV[i] if absent, expiring in ARGV[#ARGV] milliseconds: 1 for each key set, else 0. */
  @SuppressWarnings("rawtypes")
  static final RedisScript<List> CLAIM = RedisScript.of("""
      local won = {}
      for i, key in ipairs(KEYS) do
        won[i] = redis.call('set', key, ARGV[i], 'NX', 'PX', ARGV[#ARGV]) and 1 or 0
      end
      return won""", List.class);

  /** Sets the expiry of each KEYS[i] that holds ARGV[i] to ARGV[#ARGV] milliseconds. */
  static final RedisScript<Long> KEEP = RedisScript.of("""
      local kept = 0
      for i, key in ipairs(KEYS) do
        if redis.call('get', key) == ARGV[i] then kept = kept + redis.call('pexpire', key, ARGV[#ARGV]) end
      end
      return kept""", Long.class);

  /** The most keys in one script. */
  private static final int MAX_BATCH = 64;
  /** The most claim scripts in flight at once. */
  private static final int MAX_IN_FLIGHT = 3;

  private final StringRedisTemplate redis;
  private final String prefix;
  private final Duration lease;
  private final Duration ttl;
  /** Whether the connections go to a Redis Cluster; null until asked. */
  private volatile Boolean cluster;

  /** A store under {@code prefix}; a claim holds for {@code lease} until handled, a handled key for {@code ttl}. */
  public RedisCallbackDeduplicator(RedisConnectionFactory connections, String prefix, Duration lease, Duration ttl) {
    super(MAX_BATCH, MAX_IN_FLIGHT);
    this.redis = new StringRedisTemplate(Objects.requireNonNull(connections, "connections"));
    this.prefix = Objects.requireNonNull(prefix, "prefix");
    this.lease = positive(lease, "ci-callback.deduplication.lease");
    this.ttl = positive(ttl, "ci-callback.deduplication.ttl");
  }

  @Override
  void release(Held held) {
    try {
      redis.execute(RELEASE, List.of(prefix + held.key()), held.token());
    } catch (DataAccessException e) {
      throw unavailable("release " + held.key(), e);
    }
  }

  @Override
  List<Boolean> claimAll(List<Held> batch) {
    List<Object> won = new ArrayList<>(batch.size());
    try {
      for (List<Held> part : scriptable(batch)) {
        List<?> answer = redis.execute(CLAIM, keys(part), arguments(part, lease));
        if (answer == null || answer.size() != part.size()) {
          throw new DeduplicationStoreException("Redis answered a claim of " + named(part) + " with " + answer
              + " instead of one number per key", null);
        }
        won.addAll(answer);
      }
    } catch (DataAccessException e) {
      throw unavailable("claim " + named(batch), e);
    }
    List<Boolean> answers = new ArrayList<>(batch.size());
    for (Object one : won) {
      answers.add(one instanceof Number number && number.longValue() == 1);
    }
    return answers;
  }

  @Override
  void keepAll(List<Held> batch) {
    try {
      for (List<Held> part : scriptable(batch)) {
        redis.execute(KEEP, keys(part), arguments(part, ttl));
      }
    } catch (DataAccessException e) {
      throw unavailable("keep " + named(batch), e);
    }
  }

  /**
   * The batch as one script's keys, or one key a script against a Redis Cluster, whose scripts take keys of one hash
   * slot only (asked once, at the first batch).
   */
  private List<List<Held>> scriptable(List<Held> batch) {
    Boolean isCluster = cluster;
    if (isCluster == null) {
      isCluster = redis.execute((RedisCallback<Boolean>) connection -> connection instanceof RedisClusterConnection);
      cluster = isCluster;
    }
    if (!Boolean.TRUE.equals(isCluster) || batch.size() == 1) {
      return List.of(batch);
    }
    List<List<Held>> parts = new ArrayList<>(batch.size());
    for (Held held : batch) {
      parts.add(List.of(held));
    }
    return parts;
  }

  private List<String> keys(List<Held> batch) {
    List<String> keys = new ArrayList<>(batch.size());
    for (Held held : batch) {
      keys.add(prefix + held.key());
    }
    return keys;
  }

  /** Each claim's token, then the expiry in milliseconds. */
  private static Object[] arguments(List<Held> batch, Duration expiry) {
    Object[] arguments = new Object[batch.size() + 1];
    for (int i = 0; i < batch.size(); i++) {
      arguments[i] = batch.get(i).token();
    }
    arguments[batch.size()] = Long.toString(expiry.toMillis());
    return arguments;
  }

  private static DeduplicationStoreException unavailable(String what, DataAccessException e) {
    return new DeduplicationStoreException("Redis could not be used to " + what + ": " + e.getMessage(), e);
  }
}
