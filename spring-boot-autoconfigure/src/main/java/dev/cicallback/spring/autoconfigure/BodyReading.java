package dev.cicallback.spring.autoconfigure;

import dev.cicallback.model.json.Callback;
import dev.cicallback.validator.CallbackReader;
import dev.cicallback.validator.ModerationCallback;
import dev.cicallback.validator.ProblemCode;
import dev.cicallback.validator.ReadResult;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.http.HttpInputMessage;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * What the two converters share: a posted body read with the reader (the {@code X-Ci-Content-Version} header as the
 * content-moderation form's hint), refused when too large or invalid, and a valid one's de-duplication key claimed;
 * every body told to the metrics.
 */
final class BodyReading {

  /** The header in which CI names a content-moderation body's form ({@code Simple} or {@code Detail}). */
  static final String CONTENT_VERSION_HEADER = "X-Ci-Content-Version";

  private final CallbackReader reader;
  private final CallbackDeduplicator deduplicator;
  private final CallbackMetrics metrics;

  BodyReading(CallbackReader reader, CallbackDeduplicator deduplicator, CallbackMetrics metrics) {
    this.reader = reader;
    this.deduplicator = deduplicator;
    this.metrics = metrics;
  }

  /**
   * Whether a body of {@code type} is a callback the starter reads: a {@code Callback} or a {@code ModerationCallback}
   * (either form). The WebFlux reader, the URL secret and the confirmation go by this; each servlet converter reads
   * one of the two.
   */
  static boolean isCallbackType(Class<?> type) {
    return type == Callback.class || type != null && ModerationCallback.class.isAssignableFrom(type);
  }

  /** A read valid body and how long reading it took. */
  record Read(ReadResult result, long nanos) {}

  /**
   * Reads {@code input}: a valid body's result, or throws {@link CallbackTooLargeException} (unread when its
   * {@code Content-Length} says so, after at most the limit + 1 bytes otherwise) or {@link InvalidCallbackException}.
   */
  Read read(HttpInputMessage input) throws IOException {
    long limit = reader.options().maxBytes();
    long start = System.nanoTime();
    if (input.getHeaders().getContentLength() > limit) {
      metrics.record(CallbackOutcome.TOO_LARGE, null, System.nanoTime() - start);
      throw new CallbackTooLargeException(limit, input);
    }
    byte[] bytes;
    try (InputStream body = input.getBody()) {
      bytes = body.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8)); // in chunks, as they come
    }
    ReadResult read = reader.read(bytes, input.getHeaders().getFirst(CONTENT_VERSION_HEADER));
    long nanos = System.nanoTime() - start;
    if (isRefusedForSize(read)) {
      metrics.record(CallbackOutcome.TOO_LARGE, read, nanos);
      throw new CallbackTooLargeException(limit, input);
    }
    setAttribute(CallbackHttpMessageConverter.READ_RESULT_ATTRIBUTE, read);
    if (!read.isValid()) {
      metrics.record(CallbackOutcome.INVALID, read, nanos);
      throw new InvalidCallbackException(read, input);
    }
    return new Read(read, nanos);
  }

  /** A valid body of another kind than the parameter takes: counted invalid, refused saying what it is. */
  WrongCallbackKindException wrongKind(Read read, String message, HttpInputMessage input) {
    metrics.record(CallbackOutcome.INVALID, read.result(), read.nanos());
    return new WrongCallbackKindException(message, read.result(), input);
  }

  /**
   * Claims {@code key} when de-duplicating (a duplicate throws {@link DuplicateCallbackException}, a store that
   * cannot be asked {@link DeduplicationStoreException}), then counts the body valid.
   */
  void accept(Read read, Optional<String> key) {
    accept(read, key, claimed -> setAttribute(CallbackHttpMessageConverter.CLAIMED_KEY_ATTRIBUTE, claimed));
  }

  /**
   * As {@link #accept(Read, Optional)}, with {@code keeper} taking a claimed key to settle once the method has run
   * (handled, or released after a failure); when it cannot (false), nothing would, so the claim is released now.
   */
  void accept(Read read, Optional<String> key, Predicate<String> keeper) {
    if (deduplicator != null && key.isPresent()) {
      boolean first;
      try {
        first = deduplicator.claim(key.get());
      } catch (DeduplicationStoreException e) {
        metrics.record(CallbackOutcome.STORE_UNAVAILABLE, read.result(), read.nanos());
        throw e;
      }
      if (!first) {
        metrics.record(CallbackOutcome.DUPLICATE, read.result(), read.nanos());
        throw new DuplicateCallbackException(key.get());
      }
      if (!keeper.test(key.get())) {
        deduplicator.release(key.get()); // nothing would release it after a failure
      }
    }
    metrics.record(CallbackOutcome.VALID, read.result(), read.nanos());
  }

  /** The reader refuses a body over its limit unread: one size problem, and no format. */
  private static boolean isRefusedForSize(ReadResult read) {
    return read.format().isEmpty()
        && read.problems().size() == 1
        && read.problems().get(0).code() == ProblemCode.LIMIT;
  }

  private static boolean setAttribute(String name, Object value) {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    if (attributes == null) {
      return false;
    }
    attributes.setAttribute(name, value, RequestAttributes.SCOPE_REQUEST);
    return true;
  }
}
