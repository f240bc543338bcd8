package dev.cicallback.spring.autoconfigure;

import dev.cicallback.validator.ValidatorOptions;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The {@code ci-callback.*} properties: how the callback endpoint judges bodies (mode and limits, those of
 * {@link ValidatorOptions}) and whether it drops deliveries it has already handled. The defaults are those of a
 * production receiver: tolerant mode, the validator's limits.
 */
@ConfigurationProperties(prefix = "ci-callback")
public class CiCallbackProperties {

  /**
   * Strict (a node the contract does not know makes a callback invalid: for contract tests) or tolerant (such a node
   * is a warning and kept in the model: for production, since CI keeps adding fields).
   */
  private ValidatorOptions.Mode mode = ValidatorOptions.Mode.TOLERANT;

  /** Largest body accepted; a larger one is answered 413 without being read whole. */
  private DataSize maxBytes = DataSize.ofBytes(ValidatorOptions.DEFAULT_MAX_BYTES);

  /** Deepest nesting of elements, objects or arrays accepted (a callback needs 8; at least 8). */
  private int maxDepth = ValidatorOptions.DEFAULT_MAX_DEPTH;

  /** Longest text, string or name accepted, in characters. */
  private int maxStringLength = ValidatorOptions.DEFAULT_MAX_STRING_LENGTH;

  /** Most digits in one JSON number. */
  private int maxNumberLength = ValidatorOptions.DEFAULT_MAX_NUMBER_LENGTH;

  /** Most elements or JSON values in one body. */
  private int maxNodes = ValidatorOptions.DEFAULT_MAX_NODES;

  /** Most attributes on one XML element. */
  private int maxAttributes = ValidatorOptions.DEFAULT_MAX_ATTRIBUTES;

  /** Dropping second deliveries of the same job or workflow run. */
  private final Deduplication deduplication = new Deduplication();

  /** Callbacks from Kafka (with spring-kafka on the class path). */
  private final Kafka kafka = new Kafka();

  /** The reader's options these properties describe; a bad limit fails here, naming itself. */
  public ValidatorOptions toOptions() {
    return ValidatorOptions.builder()
        .mode(mode)
        .maxBytes(maxBytes.toBytes())
        .maxDepth(maxDepth)
        .maxStringLength(maxStringLength)
        .maxNumberLength(maxNumberLength)
        .maxNodes(maxNodes)
        .maxAttributes(maxAttributes)
        .build();
  }

  public ValidatorOptions.Mode getMode() {
    return mode;
  }

  public void setMode(ValidatorOptions.Mode mode) {
    this.mode = mode;
  }

  public DataSize getMaxBytes() {
    return maxBytes;
  }

  public void setMaxBytes(DataSize maxBytes) {
    this.maxBytes = maxBytes;
  }

  public int getMaxDepth() {
    return maxDepth;
  }

  public void setMaxDepth(int maxDepth) {
    this.maxDepth = maxDepth;
  }

  public int getMaxStringLength() {
    return maxStringLength;
  }

  public void setMaxStringLength(int maxStringLength) {
    this.maxStringLength = maxStringLength;
  }

  public int getMaxNumberLength() {
    return maxNumberLength;
  }

  public void setMaxNumberLength(int maxNumberLength) {
    this.maxNumberLength = maxNumberLength;
  }

  public int getMaxNodes() {
    return maxNodes;
  }

  public void setMaxNodes(int maxNodes) {
    this.maxNodes = maxNodes;
  }

  public int getMaxAttributes() {
    return maxAttributes;
  }

  public void setMaxAttributes(int maxAttributes) {
    this.maxAttributes = maxAttributes;
  }

  public Deduplication getDeduplication() {
    return deduplication;
  }

  public Kafka getKafka() {
    return kafka;
  }

  /**
   * {@code ci-callback.kafka.*}: the listener container factory {@code ciCallbackKafkaListenerContainerFactory} reads
   * each record's value with the reader; an invalid one goes to the dead-letter topic, a failing listener is retried.
   */
  public static class Kafka {

    /** The dead-letter topic of a topic is its name and this. */
    private String deadLetterSuffix = "-dlt";

    /** How often a record whose listener failed is tried again before it goes to the dead-letter topic. */
    private int retries = 2;

    /** The wait before trying a record again (and between tries while the de-duplication store is unreachable). */
    private Duration retryInterval = Duration.ofSeconds(1);

    public String getDeadLetterSuffix() {
      return deadLetterSuffix;
    }

    public void setDeadLetterSuffix(String deadLetterSuffix) {
      this.deadLetterSuffix = deadLetterSuffix;
    }

    public int getRetries() {
      return retries;
    }

    public void setRetries(int retries) {
      this.retries = retries;
    }

    public Duration getRetryInterval() {
      return retryInterval;
    }

    public void setRetryInterval(Duration retryInterval) {
      this.retryInterval = retryInterval;
    }
  }

  /**
   * {@code ci-callback.deduplication.*}: CI gives no delivery guarantee and may post a callback twice; when enabled,
   * a second delivery of a job ({@code JobId}) or workflow run ({@code RunId}) already handled is answered 200 without
   * reaching the controller. The store is chosen by {@link #getStore() store}: in memory (one instance), or a table or
   * Redis that every instance shares.
   */
  public static class Deduplication {

    /** Where claimed and handled keys are kept. */
    public enum Store {
      /** In this instance's memory, bounded in entries and age: one instance only. */
      MEMORY,
      /** A table over the service's DataSource, shared by the instances that use the same database. */
      JDBC,
      /** Redis over the service's Redis connection (Spring Data Redis), shared likewise. */
      REDIS
    }

    /** Whether second deliveries are dropped (off unless turned on). */
    private boolean enabled = false;

    /** The store: memory (one instance), jdbc (the DataSource) or redis (Spring Data Redis). */
    private Store store = Store.MEMORY;

    /** Most keys the in-memory store keeps; the oldest go first. */
    private int maxEntries = 10_000;

    /** How long a handled key is remembered. */
    private Duration ttl = Duration.ofHours(24);

    /**
     * How long a claim of a shared store holds before its delivery is handled: longer than handling ever takes. When
     * an instance dies between claiming and handling, the next delivery after this is handled.
     */
    private Duration lease = Duration.ofMinutes(5);

    /** The jdbc store. */
    private final Jdbc jdbc = new Jdbc();

    /** The redis store. */
    private final Redis redis = new Redis();

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public Store getStore() {
      return store;
    }

    public void setStore(Store store) {
      this.store = store;
    }

    public int getMaxEntries() {
      return maxEntries;
    }

    public void setMaxEntries(int maxEntries) {
      this.maxEntries = maxEntries;
    }

    public Duration getTtl() {
      return ttl;
    }

    public void setTtl(Duration ttl) {
      this.ttl = ttl;
    }

    public Duration getLease() {
      return lease;
    }

    public void setLease(Duration lease) {
      this.lease = lease;
    }

    public Jdbc getJdbc() {
      return jdbc;
    }

    public Redis getRedis() {
      return redis;
    }

    /** {@code ci-callback.deduplication.jdbc.*}. */
    public static class Jdbc {

      /** The table of claims (its DDL is in docs/spring-boot.md). */
      private String table = "ci_callback_claim";

      /** Whether the table is created when it is missing (else a missing table makes every callback 503). */
      private boolean initializeSchema = false;

      public String getTable() {
        return table;
      }

      public void setTable(String table) {
        this.table = table;
      }

      public boolean isInitializeSchema() {
        return initializeSchema;
      }

      public void setInitializeSchema(boolean initializeSchema) {
        this.initializeSchema = initializeSchema;
      }
    }

    /** {@code ci-callback.deduplication.redis.*}. */
    public static class Redis {

      /** The prefix of the keys in Redis. */
      private String keyPrefix = "ci-callback:dedup:";

      public String getKeyPrefix() {
        return keyPrefix;
      }

      public void setKeyPrefix(String keyPrefix) {
        this.keyPrefix = keyPrefix;
      }
    }
  }
}
