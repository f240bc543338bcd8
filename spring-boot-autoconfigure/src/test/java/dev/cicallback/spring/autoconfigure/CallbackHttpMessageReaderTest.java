package dev.cicallback.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cicallback.model.json.Callback;
import dev.cicallback.validator.CallbackReader;
import dev.cicallback.validator.ModerationCallback;
import dev.cicallback.validator.ReadResult;
import dev.cicallback.validator.ValidatorOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * The WebFlux reader alone, on bodies that arrive in chunks: the model and the answers of the servlet converters, the
 * limit enforced while the body streams in (an endless body is cut off after the limit, a declared length over it is
 * never read), the metrics and the de-duplication claim handed to the web filter through the Reactor context.
 */
class CallbackHttpMessageReaderTest {

  private static final DefaultDataBufferFactory BUFFERS = DefaultDataBufferFactory.sharedInstance;
  private static final int CHUNK = 1024;

  private final List<CallbackOutcome> outcomes = new CopyOnWriteArrayList<>();
  private final CallbackMetrics metrics = (outcome, read, nanos) -> outcomes.add(outcome);

  @Test
  void aValidBodyInChunksBecomesTheReadersModelWhateverTheContentType() {
    CallbackHttpMessageReader reader = new CallbackHttpMessageReader(CallbackReader.tolerant(), null, metrics);
    for (String name : List.of("xml/valid-seed-case1-task-api.xml", "json/valid-seed-case1-task-api.json")) {
      byte[] body = Fixtures.bytes(name);
      assertThat(reader.canRead(ResolvableType.forClass(Callback.class), MediaType.TEXT_PLAIN)).isTrue();
      Object read = reader.readMono(ResolvableType.forClass(Callback.class), request(chunks(body), -1), Map.of())
          .block();
      assertThat(read).isEqualTo(CallbackReader.tolerant().read(body).callback().orElseThrow());
    }
    assertThat(outcomes).containsExactly(CallbackOutcome.VALID, CallbackOutcome.VALID);
    assertThat(reader.canRead(ResolvableType.forClass(String.class), MediaType.APPLICATION_JSON)).isFalse();
    assertThat(reader.canRead(ResolvableType.forClass(Object.class), MediaType.APPLICATION_JSON)).isFalse();
  }

  @Test
  void anEndlessBodyIsRefusedOnceMoreThanTheLimitHasArrivedNotBufferedWhole() {
    long limit = 64 * 1024;
    CallbackHttpMessageReader reader = new CallbackHttpMessageReader(limited(limit), null, metrics);
    AtomicLong sent = new AtomicLong();
    AtomicBoolean cancelled = new AtomicBoolean();
    Flux<DataBuffer> endless = Flux.<DataBuffer>generate(sink -> {
      byte[] spaces = new byte[CHUNK];
      Arrays.fill(spaces, (byte) ' ');
      sent.addAndGet(CHUNK);
      sink.next(BUFFERS.wrap(spaces));
    }).doOnCancel(() -> cancelled.set(true));
    assertThatThrownBy(() -> reader.readMono(ResolvableType.forClass(Callback.class), request(endless, -1), Map.of())
        .block())
        .isInstanceOf(CallbackTooLargeException.class)
        .satisfies(e -> assertThat(((CallbackTooLargeException) e).limit()).isEqualTo(limit));
    assertThat(sent.get()).isBetween(limit + 1, limit + CHUNK);
    assertThat(cancelled).isTrue();
    assertThat(outcomes).containsExactly(CallbackOutcome.TOO_LARGE);
  }

  @Test
  void aDeclaredLengthOverTheLimitIsRefusedUnread() {
    CallbackHttpMessageReader reader = new CallbackHttpMessageReader(limited(1000), null, metrics);
    AtomicBoolean subscribed = new AtomicBoolean();
    Flux<DataBuffer> body = chunks(new byte[1001]).doOnSubscribe(s -> subscribed.set(true));
    assertThatThrownBy(() -> reader.readMono(ResolvableType.forClass(Callback.class), request(body, 1001), Map.of())
        .block()).isInstanceOf(CallbackTooLargeException.class);
    assertThat(subscribed).isFalse();
    assertThat(outcomes).containsExactly(CallbackOutcome.TOO_LARGE);
  }

  @Test
  void anInvalidBodyAndOneOfAnotherKindAreRefusedAsTheServletConvertersRefuseThem() {
    CallbackHttpMessageReader reader = new CallbackHttpMessageReader(CallbackReader.tolerant(), null, metrics);
    byte[] invalid = Fixtures.bytes("xml/invalid-animation-duplicate-video-codec.xml");
    ReadResult expected = CallbackReader.tolerant().read(invalid);
    assertThatThrownBy(() -> reader.readMono(ResolvableType.forClass(Callback.class), request(chunks(invalid), -1),
        Map.of()).block())
        .isInstanceOf(InvalidCallbackException.class)
        .satisfies(e -> assertThat(((InvalidCallbackException) e).read().problems()).isEqualTo(expected.problems()));

    byte[] moderation = Fixtures.bytes("json/moderation/valid-auditing-image-detail-intldocs-sample1.json");
    assertThatThrownBy(() -> reader.readMono(ResolvableType.forClass(Callback.class), request(chunks(moderation), -1),
        Map.of()).block())
        .isInstanceOf(WrongCallbackKindException.class)
        .hasMessageContaining("declare the parameter as ModerationCallback");
    Object read = reader.readMono(ResolvableType.forClass(ModerationCallback.class),
        request(chunks(moderation), -1), Map.of()).block();
    assertThat(read).isInstanceOf(ModerationCallback.class);

    byte[] job = Fixtures.bytes("json/valid-seed-case1-task-api.json");
    assertThatThrownBy(() -> reader.readMono(ResolvableType.forClass(ModerationCallback.class),
        request(chunks(job), -1), Map.of()).block())
        .isInstanceOf(WrongCallbackKindException.class)
        .hasMessageContaining("declare the parameter as Callback");
    assertThat(outcomes).containsExactly(
        CallbackOutcome.INVALID, CallbackOutcome.INVALID, CallbackOutcome.VALID, CallbackOutcome.INVALID);
  }

  @Test
  void aClaimIsHandedToTheWebFilterAndASecondDeliveryIsADuplicate() {
    CallbackDeduplicator store = new InMemoryCallbackDeduplicator(10, Duration.ofHours(1), Clock.systemUTC());
    CallbackHttpMessageReader reader = new CallbackHttpMessageReader(CallbackReader.tolerant(), store, metrics);
    byte[] body = Fixtures.bytes("json/valid-seed-case1-task-api.json");
    String key = CallbackKeys.of(CallbackReader.tolerant().read(body).callback().orElseThrow()).orElseThrow();

    // Without the web filter's context nothing would settle the claim: it is released at once.
    reader.readMono(ResolvableType.forClass(Callback.class), request(chunks(body), -1), Map.of()).block();
    assertThat(store.claim(key)).isTrue();
    store.release(key);

    DeduplicationWebFilter.Claim claim = new DeduplicationWebFilter.Claim();
    Mono<Object> first = reader.readMono(ResolvableType.forClass(Callback.class), request(chunks(body), -1), Map.of())
        .contextWrite(Context.of(DeduplicationWebFilter.Claim.class, claim));
    assertThat(first.block()).isInstanceOf(Callback.class);
    assertThat(claim.key()).isEqualTo(key);
    store.handled(key);
    assertThatThrownBy(() -> reader.readMono(ResolvableType.forClass(Callback.class), request(chunks(body), -1),
        Map.of()).block()).isInstanceOf(DuplicateCallbackException.class);
    assertThat(outcomes).containsExactly(CallbackOutcome.VALID, CallbackOutcome.VALID, CallbackOutcome.DUPLICATE);
  }

  private static CallbackReader limited(long maxBytes) {
    return CallbackReader.create(
        ValidatorOptions.builder().mode(ValidatorOptions.Mode.TOLERANT).maxBytes(maxBytes).build());
  }

  private static MockServerHttpRequest request(Flux<DataBuffer> body, long contentLength) {
    MockServerHttpRequest.BodyBuilder request = MockServerHttpRequest.post("/ci/callback");
    if (contentLength >= 0) {
      request.contentLength(contentLength);
    }
    return request.body(body);
  }

  private static Flux<DataBuffer> chunks(byte[] body) {
    return Flux.range(0, (body.length + CHUNK - 1) / CHUNK)
        .map(i -> BUFFERS.wrap(Arrays.copyOfRange(body, i * CHUNK, Math.min(body.length, (i + 1) * CHUNK))));
  }
}
