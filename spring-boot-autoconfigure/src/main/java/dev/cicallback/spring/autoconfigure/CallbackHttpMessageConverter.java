package dev.cicallback.spring.autoconfigure;

import dev.cicallback.model.json.Callback;
import dev.cicallback.validator.ReadResult;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotWritableException;

/**
 * Reads a {@code @RequestBody Callback} ({@code dev.cicallback.model.json.Callback}) with a {@code CallbackReader}:
 * XML or JSON as the content shows, whatever the {@code Content-Type} says (CI's header is not to be relied on),
 * validated. A valid body becomes the model; an invalid one throws {@link InvalidCallbackException}; a body over the
 * reader's size limit throws {@link CallbackTooLargeException}, unread when its {@code Content-Length} says so and
 * after at most the limit + 1 bytes otherwise. With a {@link CallbackDeduplicator}, a second delivery of a job or run
 * throws {@link DuplicateCallbackException}, and a store that cannot be asked {@link DeduplicationStoreException}.
 * Every body is told to the {@link CallbackMetrics}. The {@code X-Ci-Content-Version} header is the reader's hint of a
 * content-moderation body's form; a content-moderation body, which {@link ModerationHttpMessageConverter} reads, is
 * refused here with {@link WrongCallbackKindException}.
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
  private final BodyReading reading;

  /**
   * A converter reading with {@code reader}, dropping duplicates through {@code deduplicator} (null: none dropped)
   * and telling {@code metrics} of every body.
   */
  public CallbackHttpMessageConverter(
      dev.cicallback.validator.CallbackReader reader, CallbackDeduplicator deduplicator, CallbackMetrics metrics) {
    this.reader = Objects.requireNonNull(reader, "reader");
    this.reading = new BodyReading(reader, deduplicator, Objects.requireNonNull(metrics, "metrics"));
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
    BodyReading.Read read = reading.read(input);
    if (read.result().callback().isEmpty()) {
      // A valid content-moderation callback: a body of its own format, not a Callback; refused, saying so.
      throw reading.wrongKind(read, "a content-moderation callback, which a Callback parameter does not take:"
          + " declare the parameter as ModerationCallback", input);
    }
    Callback callback = read.result().callback().get();
    reading.accept(read, CallbackKeys.of(callback));
    return callback;
  }

  @Override
  public void write(Callback callback, MediaType contentType, HttpOutputMessage output) {
    throw new HttpMessageNotWritableException("this converter only reads callbacks");
  }
}
