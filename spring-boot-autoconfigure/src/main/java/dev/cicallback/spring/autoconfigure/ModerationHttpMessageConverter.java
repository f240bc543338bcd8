package dev.cicallback.spring.autoconfigure;

import dev.cicallback.validator.CallbackReader;
import dev.cicallback.validator.ModerationCallback;
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
 * Reads a {@code @RequestBody ModerationCallback} (or {@link ModerationCallback.Detail} / {@link
 * ModerationCallback.Simple}, to take one form only) with a {@link CallbackReader}, as {@link
 * CallbackHttpMessageConverter} reads a {@code Callback}: validated (strict or tolerant, as the reader is), 400 for an
 * invalid body and 413 for one over the limit, de-duplicated by {@link CallbackKeys#of(ModerationCallback)}, every
 * body told to the {@link CallbackMetrics}, the {@link ReadResult} kept as the request attribute {@link
 * CallbackHttpMessageConverter#READ_RESULT_ATTRIBUTE}. The {@code X-Ci-Content-Version} request header is passed to
 * the reader as the hint of the body's form.
 *
 * <p>A job or workflow callback, and a body in the other form than a {@code Detail} or {@code Simple} parameter takes,
 * is refused with {@link WrongCallbackKindException}, saying what it is.
 */
public final class ModerationHttpMessageConverter implements HttpMessageConverter<ModerationCallback> {

  private final CallbackReader reader;
  private final BodyReading reading;

  /**
   * A converter reading with {@code reader}, dropping duplicates through {@code deduplicator} (null: none dropped)
   * and telling {@code metrics} of every body.
   */
  public ModerationHttpMessageConverter(
      CallbackReader reader, CallbackDeduplicator deduplicator, CallbackMetrics metrics) {
    this.reader = Objects.requireNonNull(reader, "reader");
    this.reading = new BodyReading(reader, deduplicator, Objects.requireNonNull(metrics, "metrics"));
  }

  /** The reader in use. */
  public CallbackReader reader() {
    return reader;
  }

  @Override
  public boolean canRead(Class<?> clazz, MediaType mediaType) {
    return clazz != null && ModerationCallback.class.isAssignableFrom(clazz); // the content tells the format
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
  public ModerationCallback read(Class<? extends ModerationCallback> clazz, HttpInputMessage input)
      throws IOException {
    BodyReading.Read read = reading.read(input);
    if (read.result().moderation().isEmpty()) {
      String what = read.result().event().map(e -> "a " + e + " callback").orElse("a job callback");
      throw reading.wrongKind(read, what + ", not a content-moderation one, which a ModerationCallback parameter"
          + " does not take: declare the parameter as Callback", input);
    }
    ModerationCallback moderation = read.result().moderation().get();
    if (!clazz.isInstance(moderation)) {
      throw reading.wrongKind(read, "a content-moderation callback in the " + moderation.form() + " form, which a "
          + clazz.getSimpleName() + " parameter does not take: declare the parameter as ModerationCallback", input);
    }
    reading.accept(read, CallbackKeys.of(moderation));
    return moderation;
  }

  @Override
  public void write(ModerationCallback callback, MediaType contentType, HttpOutputMessage output) {
    throw new HttpMessageNotWritableException("this converter only reads callbacks");
  }
}
