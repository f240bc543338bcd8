package dev.cicallback.spring.autoconfigure;

/**
 * Remembers which deliveries were handled, so that a second delivery of the same callback is dropped. Keys are
 * {@code TaskFinish:<JobId>} for a job and {@code WorkflowFinish:<RunId>} for a workflow run ({@link CallbackKeys}).
 * Must be thread-safe.
 *
 * <p>The default, {@link InMemoryCallbackDeduplicator}, holds for one instance of a service. Behind a load balancer
 * the two deliveries may reach two instances; implement this interface over a store they share, with an atomic
 * set-if-absent and an expiry: Redis {@code SET key 1 NX EX <seconds>} for {@link #claim} and {@code DEL key} for
 * {@link #release}, or a table with the key as primary key ({@code INSERT}, a duplicate-key error meaning "seen").
 * Declare it as a bean and turn de-duplication on with {@code ci-callback.deduplication.enabled=true}.
 */
public interface CallbackDeduplicator {

  /**
   * Claims {@code key} for this delivery: true when it is the first (the callback is to be handled), false when the
   * key is already claimed (a duplicate, answered 200 without reaching the controller). Atomic: of two concurrent
   * claims of one key, one wins.
   */
  boolean claim(String key);

  /**
   * Forgets {@code key}: called when handling a claimed delivery did not succeed (the controller threw or answered
   * other than 2xx), so that CI's next delivery of it is handled.
   */
  void release(String key);
}
