package dev.cicallback.validator;

import java.util.Objects;

/**
 * How a {@link CallbackValidator} judges payloads, and the limits it holds untrusted input to. Immutable; the
 * defaults are safe for bodies posted by anyone on the internet.
 *
 * @param mode strict (the schemas as they are) or tolerant (unknown nodes are warnings)
 * @param format the wire format to expect, or {@code null} to detect it from the content
 * @param maxBytes payloads larger than this are refused before parsing (default 8 MiB); a limit above what one array
 *     holds (a little under 2 GiB) means that much
 * @param maxDepth deepest nesting of elements, objects or arrays accepted (default 64; a callback needs 8)
 * @param maxStringLength longest text, string or name accepted, in characters (default 1 MiB)
 * @param maxNumberLength longest JSON number accepted, in characters (default 100)
 * @param maxNodes most elements, or JSON values, in one payload (default 100,000; a TTS callback has about 60). It also
 *     bounds JSON Schema evaluation, which is linear in the number of nodes because the schema has no recursion.
 * @param maxAttributes most attributes on one XML element (default 64; callback elements carry none)
 */
public record ValidatorOptions(
    Mode mode,
    PayloadFormat format,
    long maxBytes,
    int maxDepth,
    int maxStringLength,
    int maxNumberLength,
    int maxNodes,
    int maxAttributes) {

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

  public ValidatorOptions {
    Objects.requireNonNull(mode, "mode");
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
    }
    if (maxDepth < 8) {
      throw new IllegalArgumentException("maxDepth must be at least 8, a callback's own depth: " + maxDepth);
    }
    if (maxStringLength < 1 || maxNumberLength < 1 || maxNodes < 1 || maxAttributes < 1) {
      throw new IllegalArgumentException("length and count limits must be positive");
    }
  }

  /** Strict mode, format detected from content, default limits. */
  public static ValidatorOptions defaults() {
    return new ValidatorOptions(
        Mode.STRICT,
        null,
        DEFAULT_MAX_BYTES,
        DEFAULT_MAX_DEPTH,
        DEFAULT_MAX_STRING_LENGTH,
        DEFAULT_MAX_NUMBER_LENGTH,
        DEFAULT_MAX_NODES,
        DEFAULT_MAX_ATTRIBUTES);
  }

  public ValidatorOptions withMode(Mode newMode) {
    return new ValidatorOptions(newMode, format, maxBytes, maxDepth, maxStringLength, maxNumberLength, maxNodes, maxAttributes);
  }

  /** Expect {@code newFormat}; {@code null} detects the format from the content. */
  public ValidatorOptions withFormat(PayloadFormat newFormat) {
    return new ValidatorOptions(mode, newFormat, maxBytes, maxDepth, maxStringLength, maxNumberLength, maxNodes, maxAttributes);
  }

  public ValidatorOptions withMaxBytes(long newMaxBytes) {
    return new ValidatorOptions(mode, format, newMaxBytes, maxDepth, maxStringLength, maxNumberLength, maxNodes, maxAttributes);
  }

  public ValidatorOptions withMaxDepth(int newMaxDepth) {
    return new ValidatorOptions(mode, format, maxBytes, newMaxDepth, maxStringLength, maxNumberLength, maxNodes, maxAttributes);
  }

  public ValidatorOptions withMaxStringLength(int newMaxStringLength) {
    return new ValidatorOptions(mode, format, maxBytes, maxDepth, newMaxStringLength, maxNumberLength, maxNodes, maxAttributes);
  }

  public ValidatorOptions withMaxNumberLength(int newMaxNumberLength) {
    return new ValidatorOptions(mode, format, maxBytes, maxDepth, maxStringLength, newMaxNumberLength, maxNodes, maxAttributes);
  }

  public ValidatorOptions withMaxNodes(int newMaxNodes) {
    return new ValidatorOptions(
        mode, format, maxBytes, maxDepth, maxStringLength, maxNumberLength, newMaxNodes, maxAttributes);
  }

  public ValidatorOptions withMaxAttributes(int newMaxAttributes) {
    return new ValidatorOptions(
        mode, format, maxBytes, maxDepth, maxStringLength, maxNumberLength, maxNodes, newMaxAttributes);
  }

  /** The severity of a node the contract does not know, in this mode. */
  Severity unknownNodeSeverity() {
    return mode == Mode.STRICT ? Severity.ERROR : Severity.WARNING;
  }
}
