package dev.cicallback.spring.autoconfigure;

/**
 * Remembers which deliveries were handled, so that a second delivery of the same callback is dropped. Keys are
 * {@code TaskFinish:<JobId>} for a job, {@code WorkflowFinish:<RunId>} for a workflow run, and
 * {@code Moderation:<JobId>:<State>} or {@code ModerationSimple:<trace_id>} for a content moderation ({@link
 * CallbackKeys}).
 * Must be thread-safe.
 *
 * <p>A delivery {@link #claim claims} its key before it is handled; then either {@link #handled} (it succeeded: the key
 * is kept for the time to live) or {@link #release} (it failed: the next delivery is handled) follows. The stores
 * ({@code ci-callback.deduplication.store}): {@link InMemoryCallbackDeduplicator} ({@code memory}, the default) holds
 * for one instance; {@link JdbcCallbackDeduplicator} ({@code jdbc}) and {@link RedisCallbackDeduplicator}
 * ({@code redis}) are shared by every instance that uses the same database or Redis, and give a claim a lease that
 * runs out, so that the key of an instance that died between claiming and handling is handled at the next delivery. A
 * service may declare a bean of its own instead.
 */
public interface CallbackDeduplicator {

  /**
   * Claims {@code key} for this delivery: true when it is the first (the callback is to be handled), false when the
   * key is already claimed or handled (a duplicate, answered 200 without reaching the controller). Atomic: of two
   * concurrent claims of one key, one wins, whichever instance makes them.
   *
   * @throws DeduplicationStoreException when the store cannot be asked (answered 503: CI delivers again)
   */
  boolean claim(String key);

  /**
   * Handling the delivery that claimed {@code key} succeeded: the key is kept for the store's time to live, so that
   * later deliveries are dropped. The default does nothing (a store whose claims last the time to live already). The
   * shared stores keep it in the background and return at once: the claim holds meanwhile.
   *
   * @throws DeduplicationStoreException when the store cannot be asked (the claim then runs out with its lease)
   */
  default void handled(String key) {}

  /**
   * Forgets this delivery's claim of {@code key}: called when handling it did not succeed (the controller threw or
   * answered other than 2xx), so that CI's next delivery of it is handled. A shared store releases only a claim this
   * instance holds, never one another instance made after this one's lease ran out.
   *
   * @throws DeduplicationStoreException when the store cannot be asked (the claim then runs out with its lease)
   */
  void release(String key);
}
