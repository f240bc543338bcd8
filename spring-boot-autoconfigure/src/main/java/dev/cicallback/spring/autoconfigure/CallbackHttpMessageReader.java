package dev.cicallback.spring.autoconfigure;

import dev.cicallback.model.json.Callback;
import dev.cicallback.validator.CallbackReader;
import dev.cicallback.validator.ModerationCallback;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.ReactiveHttpInputMessage;
import org.springframework.http.codec.HttpMessageReader;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.ContextView;

/**
 * Spring WebFlux's reading of a {@code @RequestBody Callback} or {@code ModerationCallback} (or a {@code Mono} of
 * either) with a {@link CallbackReader}: what {@link CallbackHttpMessageConverter} and
 * {@link ModerationHttpMessageConverter} do in Spring MVC, with the same exceptions (so {@link CallbackProblemAdvice}
 * gives the same answers), the same metrics and the same de-duplication.
 *
 * <p>The body is taken as it streams in and never held whole past the limit: a {@code Content-Length} over
 * {@code ci-callback.max-bytes} is refused before any of it is read, and a body without one is refused as soon as more
 * than the limit has arrived (the rest is not read). The read itself (and a de-duplication store's round trip) runs on
 * Reactor's bounded elastic scheduler, off the server's event loop. A claimed key is settled once the request is
 * handled by the {@link DeduplicationWebFilter} (through the Reactor context); without it the claim is released at
 * once.
 */
public final class CallbackHttpMessageReader implements HttpMessageReader<Object> {

  private final CallbackReader reader;
  private final CallbackMetrics metrics;
  private final BodyReading reading;

  /**
   * A reader of bodies with {@code reader}, dropping duplicates through {@code deduplicator} (null: none dropped) and
   * telling {@code metrics} of every body.
   */
  public CallbackHttpMessageReader(
      CallbackReader reader, CallbackDeduplicator deduplicator, CallbackMetrics metrics) {
    this.reader = Objects.requireNonNull(reader, "reader");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.reading = new BodyReading(reader, deduplicator, metrics); // its claims settled by the web filter
  }

  /** The reader in use. */
  public CallbackReader reader() {
    return reader;
  }

  @Override
  public List<MediaType> getReadableMediaTypes() {
    return List.of(MediaType.ALL);
  }

  @Override
  public boolean canRead(ResolvableType elementType, MediaType mediaType) {
    Class<?> type = elementType.toClass();
    return BodyReading.isCallbackType(type); // the content tells
  }

  @Override
  public Flux<Object> read(ResolvableType elementType, ReactiveHttpInputMessage message, Map<String, Object> hints) {
    return readMono(elementType, message, hints).flux();
  }

  @Override
  public Mono<Object> readMono(
      ResolvableType elementType, ReactiveHttpInputMessage message, Map<String, Object> hints) {
    Class<?> type = elementType.toClass();
    HttpHeaders headers = message.getHeaders();
    long limit = reader.options().maxBytes();
    if (headers.getContentLength() > limit) {
      // Refused by its Content-Length, unread (BodyReading counts it and throws CallbackTooLargeException).
      return Mono.fromCallable(() -> decode(type, headers, new byte[0], null));
    }
    long start = System.nanoTime();
    return DataBufferUtils.join(message.getBody(), (int) Math.min(limit, Integer.MAX_VALUE - 8))
        .map(CallbackHttpMessageReader::bytes)
        .defaultIfEmpty(new byte[0])
        .onErrorMap(DataBufferLimitException.class, e -> {
          metrics.record(CallbackOutcome.TOO_LARGE, null, System.nanoTime() - start);
          return new CallbackTooLargeException(limit, new Received(headers, new byte[0]));
        })
        .publishOn(Schedulers.boundedElastic())
        .flatMap(bytes -> Mono.deferContextual(
            context -> Mono.fromCallable(() -> decode(type, headers, bytes, context))));
  }

  private Object decode(Class<?> type, HttpHeaders headers, byte[] bytes, ContextView context)
      throws IOException {
    Received input = new Received(headers, bytes);
    BodyReading.Read read = reading.read(input);
    Object body;
    Optional<String> key;
    if (Callback.class.equals(type)) {
      Callback callback = read.result().callback().orElseThrow(() -> reading.wrongKind(read, "a content-moderation"
          + " callback, which a Callback parameter does not take: declare the parameter as ModerationCallback", input));
      body = callback;
      key = CallbackKeys.of(callback);
    } else {
      if (read.result().moderation().isEmpty()) {
        String what = read.result().event().map(e -> "a " + e + " callback").orElse("a job callback");
        throw reading.wrongKind(read, what + ", not a content-moderation one, which a ModerationCallback parameter"
            + " does not take: declare the parameter as Callback", input);
      }
      ModerationCallback moderation = read.result().moderation().get();
      if (!type.isInstance(moderation)) {
        throw reading.wrongKind(read, "a content-moderation callback in the " + moderation.form() + " form, which a "
            + type.getSimpleName() + " parameter does not take: declare the parameter as ModerationCallback", input);
      }
      body = moderation;
      key = CallbackKeys.of(moderation);
    }
    reading.accept(read, key, claimed -> {
      Optional<DeduplicationWebFilter.Claim> claim =
          context == null ? Optional.empty() : context.getOrEmpty(DeduplicationWebFilter.Claim.class);
      claim.ifPresent(c -> c.claimed(claimed)); // settled by the web filter once the method has run
      return claim.isPresent();
    });
    return body;
  }

  private static byte[] bytes(DataBuffer buffer) {
    try {
      byte[] bytes = new byte[buffer.readableByteCount()];
      buffer.read(bytes);
      return bytes;
    } finally {
      DataBufferUtils.release(buffer);
    }
  }

  /** The body received, as the blocking message {@link BodyReading} and the exceptions take. */
  private record Received(HttpHeaders headers, byte[] body) implements HttpInputMessage {
    @Override
    public InputStream getBody() {
      return new ByteArrayInputStream(body);
    }

    @Override
    public HttpHeaders getHeaders() {
      return headers;
    }
  }
}
