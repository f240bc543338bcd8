package dev.cicallback.validator;

import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link CallbackValidator} or {@link CallbackReader} judges payloads, and the limits it holds untrusted input
 * to. Immutable; the defaults are safe for bodies posted by anyone on the internet. Built, not constructed, so that a
 * limit added in a later release breaks no caller:
 *
 * <pre>{@code
 * ValidatorOptions options = ValidatorOptions.builder().mode(Mode.TOLERANT).maxBytes(1 << 20).build();
 * }</pre>
 */
public final class ValidatorOptions {

  /** Strict or tolerant judgement of nodes the contract does not know. */
  public enum Mode {
    /** The schemas as they are: a node the contract does not know is an error. For CI contract tests. */
    STRICT,
    /**
     * A node the contract does not know is a warning naming its path; everything else is judged as in strict mode.
     * For production receivers, since CI keeps adding fields.
     */
    TOLERANT
  }

  public static final long DEFAULT_MAX_BYTES = 8L * 1024 * 1024;
  public static final int DEFAULT_MAX_DEPTH = 64;
  public static final int DEFAULT_MAX_STRING_LENGTH = 1024 * 1024;
  public static final int DEFAULT_MAX_NUMBER_LENGTH = 100;
  public static final int DEFAULT_MAX_NODES = 100_000;
  public static final int DEFAULT_MAX_ATTRIBUTES = 64;
  /** The least {@link Builder#maxDepth} accepted: a callback's own depth. */
  public static final int MIN_MAX_DEPTH = 8;

  private static final ValidatorOptions DEFAULTS = new Builder().build();

  private final Mode mode;
  private final PayloadFormat format;
  private final long maxBytes;
  private final int maxDepth;
  private final int maxStringLength;
  private final int maxNumberLength;
  private final int maxNodes;
  private final int maxAttributes;

  private ValidatorOptions(Builder builder) {
    this.mode = builder.mode;
    this.format = builder.format;
    this.maxBytes = builder.maxBytes;
    this.maxDepth = builder.maxDepth;
    this.maxStringLength = builder.maxStringLength;
    this.maxNumberLength = builder.maxNumberLength;
    this.maxNodes = builder.maxNodes;
    this.maxAttributes = builder.maxAttributes;
  }

  /** Strict mode, format detected from content, default limits. */
  public static ValidatorOptions defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Strict (the schemas as they are) or tolerant (unknown nodes are warnings). */
  public Mode mode() {
    return mode;
  }

  /** The wire format to expect; empty: detected from the content. */
  public Optional<PayloadFormat> format() {
    return Optional.ofNullable(format);
  }

  /**
   * Payloads larger than this are refused before parsing (default 8 MiB); a limit above what one array holds (a
   * little under 2 GiB) means that much.
   */
  public long maxBytes() {
    return maxBytes;
  }

  /** Deepest nesting of elements, objects or arrays accepted (default 64; a callback needs 8). */
  public int maxDepth() {
    return maxDepth;
  }

  /** Longest text, string or name accepted, in characters (default 1 MiB). */
  public int maxStringLength() {
    return maxStringLength;
  }

  /**
   * Most digits in one JSON number (default 100): those of the integer part, fraction and exponent together; a sign,
   * the point and the exponent letter are not counted.
   */
  public int maxNumberLength() {
    return maxNumberLength;
  }

  /**
   * Most elements, or JSON values, in one payload (default 100,000; a TTS callback has about 60). It also bounds JSON
   * Schema evaluation, which is linear in the number of nodes because the schema has no recursion.
   */
  public int maxNodes() {
    return maxNodes;
  }

  /** Most attributes on one XML element (default 64; callback elements carry none). */
  public int maxAttributes() {
    return maxAttributes;
  }

  /** The severity of a node the contract does not know, in this mode. */
  public Severity unknownNodeSeverity() {
    return mode == Mode.STRICT ? Severity.ERROR : Severity.WARNING;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ValidatorOptions o
        && mode == o.mode
        && format == o.format
        && maxBytes == o.maxBytes
        && maxDepth == o.maxDepth
        && maxStringLength == o.maxStringLength
        && maxNumberLength == o.maxNumberLength
        && maxNodes == o.maxNodes
        && maxAttributes == o.maxAttributes;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        mode, format, maxBytes, maxDepth, maxStringLength, maxNumberLength, maxNodes, maxAttributes);
  }

  @Override
  public String toString() {
    return "ValidatorOptions[mode=" + mode + ", format=" + (format == null ? "detect" : format)
        + ", maxBytes=" + maxBytes + ", maxDepth=" + maxDepth + ", maxStringLength=" + maxStringLength
        + ", maxNumberLength=" + maxNumberLength + ", maxNodes=" + maxNodes + ", maxAttributes=" + maxAttributes
        + "]";
  }

  /** Builds {@link ValidatorOptions}; each setter checks its value at once, so a bad limit names itself. */
  public static final class Builder {
    private Mode mode = Mode.STRICT;
    private PayloadFormat format;
    private long maxBytes = DEFAULT_MAX_BYTES;
    private int maxDepth = DEFAULT_MAX_DEPTH;
    private int maxStringLength = DEFAULT_MAX_STRING_LENGTH;
    private int maxNumberLength = DEFAULT_MAX_NUMBER_LENGTH;
    private int maxNodes = DEFAULT_MAX_NODES;
    private int maxAttributes = DEFAULT_MAX_ATTRIBUTES;

    private Builder() {}

    private Builder(ValidatorOptions from) {
      this.mode = from.mode;
      this.format = from.format;
      this.maxBytes = from.maxBytes;
      this.maxDepth = from.maxDepth;
      this.maxStringLength = from.maxStringLength;
      this.maxNumberLength = from.maxNumberLength;
      this.maxNodes = from.maxNodes;
      this.maxAttributes = from.maxAttributes;
    }

    public Builder mode(Mode newMode) {
      this.mode = Objects.requireNonNull(newMode, "mode");
      return this;
    }

    /** Expect {@code newFormat} whatever the content looks like. */
    public Builder format(PayloadFormat newFormat) {
      this.format = Objects.requireNonNull(newFormat, "format");
      return this;
    }

    public Builder maxBytes(long newMaxBytes) {
      this.maxBytes = positive("maxBytes", newMaxBytes);
      return this;
    }

    public Builder maxDepth(int newMaxDepth) {
      if (newMaxDepth < MIN_MAX_DEPTH) {
        throw new IllegalArgumentException(
            "maxDepth must be at least " + MIN_MAX_DEPTH + ", a callback's own depth: " + newMaxDepth);
      }
      this.maxDepth = newMaxDepth;
      return this;
    }

    public Builder maxStringLength(int newMaxStringLength) {
      this.maxStringLength = (int) positive("maxStringLength", newMaxStringLength);
      return this;
    }

    public Builder maxNumberLength(int newMaxNumberLength) {
      this.maxNumberLength = (int) positive("maxNumberLength", newMaxNumberLength);
      return this;
    }

    public Builder maxNodes(int newMaxNodes) {
      this.maxNodes = (int) positive("maxNodes", newMaxNodes);
      return this;
    }

    public Builder maxAttributes(int newMaxAttributes) {
      this.maxAttributes = (int) positive("maxAttributes", newMaxAttributes);
      return this;
    }

    public ValidatorOptions build() {
      return new ValidatorOptions(this);
    }

    private static long positive(String name, long value) {
      if (value < 1) {
        throw new IllegalArgumentException(name + " must be positive: " + value);
      }
      return value;
    }
  }
}
