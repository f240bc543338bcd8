package dev.cicallback.spring.autoconfigure;

import dev.cicallback.model.json.Callback;
import dev.cicallback.validator.ProblemCode;
import dev.cicallback.validator.ReadResult;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Reads a {@code @RequestBody Callback} ({@code dev.cicallback.model.json.Callback}) with a {@code CallbackReader}:
 * XML or JSON as the content shows, whatever the {@code Content-Type} says (CI's header is not to be relied on),
 * validated. A valid body becomes the model; an invalid one throws {@link InvalidCallbackException}; a body over the
 * reader's size limit throws {@link CallbackTooLargeException}, unread when its {@code Content-Length} says so and
 * after at most the limit + 1 bytes otherwise. With a {@link CallbackDeduplicator}, a second delivery of a job or run
 * throws {@link DuplicateCallbackException}, and a store that cannot be asked {@link DeduplicationStoreException}. Every body is told to the {@link CallbackMetrics}.
 *
 * <p>It reads only; writing a {@code Callback} is left to the other converters. The {@link ReadResult} (warnings,
 * unknown nodes) is kept as the request attribute {@link #READ_RESULT_ATTRIBUTE}.
 */
public final class CallbackHttpMessageConverter implements HttpMessageConverter<Callback> {

  /** The request attribute holding the {@link ReadResult} of the body read. */
  public static final String READ_RESULT_ATTRIBUTE = CallbackHttpMessageConverter.class.getName() + ".READ_RESULT";

  /** The request attribute holding the de-duplication key this request claimed, if it claimed one. */
  public static final String CLAIMED_KEY_ATTRIBUTE = CallbackHttpMessageConverter.class.getName() + ".CLAIMED_KEY";

  private final dev.cicallback.validator.CallbackReader reader;
  private final CallbackDeduplicator deduplicator;
  private final CallbackMetrics metrics;

  /**
   * A converter reading with {@code reader}, dropping duplicates through {@code deduplicator} (null: none dropped)
   * and telling {@code metrics} of every body.
   */
  public CallbackHttpMessageConverter(
      dev.cicallback.validator.CallbackReader reader, CallbackDeduplicator deduplicator, CallbackMetrics metrics) {
    this.reader = Objects.requireNonNull(reader, "reader");
    this.deduplicator = deduplicator;
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  /** The reader in use. */
  public dev.cicallback.validator.CallbackReader reader() {
    return reader;
  }

  @Override
  public boolean canRead(Class<?> clazz, MediaType mediaType) {
    return Callback.class.equals(clazz); // any media type: the format is told by the content
  }

  @Override
  public boolean canWrite(Class<?> clazz, MediaType mediaType) {
    return false;
  }

  @Override
  public List<MediaType> getSupportedMediaTypes() {
    return List.of(MediaType.ALL);
  }

  @Override
  public Callback read(Class<? extends Callback> clazz, HttpInputMessage input) throws IOException {
    long limit = reader.options().maxBytes();
    long start = System.nanoTime();
    if (input.getHeaders().getContentLength() > limit) {
      metrics.record(CallbackOutcome.TOO_LARGE, null, System.nanoTime() - start);
      throw new CallbackTooLargeException(limit, input);
    }
    ReadResult read;
    try (InputStream body = input.getBody()) {
      read = reader.read(body); // reads at most the limit + 1 bytes
    }
    long nanos = System.nanoTime() - start;
    if (isRefusedForSize(read)) {
      metrics.record(CallbackOutcome.TOO_LARGE, read, nanos);
      throw new CallbackTooLargeException(limit, input);
    }
    setAttribute(READ_RESULT_ATTRIBUTE, read);
    if (!read.isValid()) {
      metrics.record(CallbackOutcome.INVALID, read, nanos);
      throw new InvalidCallbackException(read, input);
    }
    if (read.callback().isEmpty()) {
      // A valid content-moderation callback: a body of its own format, not a Callback; refused, saying so.
      metrics.record(CallbackOutcome.INVALID, read, nanos);
      throw new HttpMessageNotReadableException("a content-moderation callback, which a Callback parameter does not"
          + " take: read it with CallbackReader (ReadResult.moderation())", input);
    }
    Callback callback = read.callback().get();
    if (deduplicator != null) {
      Optional<String> key = CallbackKeys.of(callback);
      if (key.isPresent()) {
        boolean first;
        try {
          first = deduplicator.claim(key.get());
        } catch (DeduplicationStoreException e) {
          metrics.record(CallbackOutcome.STORE_UNAVAILABLE, read, nanos);
          throw e;
        }
        if (!first) {
          metrics.record(CallbackOutcome.DUPLICATE, read, nanos);
          throw new DuplicateCallbackException(key.get());
        }
        if (!setAttribute(CLAIMED_KEY_ATTRIBUTE, key.get())) {
          deduplicator.release(key.get()); // outside a request nothing would release it after a failure
        }
      }
    }
    metrics.record(CallbackOutcome.VALID, read, nanos);
    return callback;
  }

  @Override
  public void write(Callback callback, MediaType contentType, HttpOutputMessage output) {
    throw new HttpMessageNotWritableException("this converter only reads callbacks");
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
