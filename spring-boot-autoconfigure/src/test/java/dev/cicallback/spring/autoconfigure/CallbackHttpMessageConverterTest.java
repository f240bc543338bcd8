package dev.cicallback.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cicallback.model.json.Callback;
import dev.cicallback.validator.CallbackReader;
import dev.cicallback.validator.ValidatorOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class CallbackHttpMessageConverterTest {

  private static final int LIMIT = 16 * 1024; // above every fixture

  private final List<CallbackOutcome> outcomes = new ArrayList<>();
  private final CallbackHttpMessageConverter converter = new CallbackHttpMessageConverter(
      CallbackReader.create(ValidatorOptions.builder().mode(ValidatorOptions.Mode.TOLERANT).maxBytes(LIMIT).build()),
      null,
      (outcome, read, nanos) -> outcomes.add(outcome));

  @Test
  void itReadsCallbacksOfAnyMediaTypeAndWritesNothing() {
    for (MediaType type : List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML, MediaType.TEXT_PLAIN,
        MediaType.APPLICATION_OCTET_STREAM)) {
      assertThat(converter.canRead(Callback.class, type)).isTrue();
      assertThat(converter.canWrite(Callback.class, type)).isFalse();
    }
    assertThat(converter.canRead(Callback.class, null)).isTrue();
    assertThat(converter.canRead(String.class, MediaType.APPLICATION_JSON)).isFalse();
    assertThat(converter.canRead(dev.cicallback.model.xml.Response.class, MediaType.APPLICATION_XML)).isFalse();
  }

  @Test
  void theFormatIsToldByTheContentWhateverTheHeaderSays() throws Exception {
    Fixtures.Input xml = new Fixtures.Input(Fixtures.bytes("xml/valid-seed-case1-task-api.xml"));
    xml.headers.setContentType(MediaType.APPLICATION_JSON);
    Fixtures.Input json = new Fixtures.Input(Fixtures.bytes("json/valid-seed-case1-task-api.json"));
    json.headers.setContentType(MediaType.APPLICATION_XML);
    Callback fromXml = converter.read(Callback.class, xml);
    Callback fromJson = converter.read(Callback.class, json);
    assertThat(fromXml.getJobsDetail().get(0).getJobId()).isEqualTo("j707f4864f86811ecb90d0b03267ce0e5");
    assertThat(fromXml).isEqualTo(fromJson); // the twins read to the same model
    assertThat(outcomes).containsExactly(CallbackOutcome.VALID, CallbackOutcome.VALID);
  }

  @Test
  void aDeclaredLengthOverTheLimitIsRefusedWithoutReadingAByte() {
    Fixtures.Input input = new Fixtures.Input(Fixtures.endless());
    input.headers.setContentLength(LIMIT + 1);
    assertThatThrownBy(() -> converter.read(Callback.class, input))
        .isInstanceOfSatisfying(CallbackTooLargeException.class, e -> assertThat(e.limit()).isEqualTo(LIMIT));
    assertThat(input.taken).isZero();
    assertThat(outcomes).containsExactly(CallbackOutcome.TOO_LARGE);
  }

  @Test
  void anEndlessBodyIsRefusedAfterTheLimitAndOneByte() {
    Fixtures.Input input = new Fixtures.Input(Fixtures.endless()); // chunked: no length declared
    assertThatThrownBy(() -> converter.read(Callback.class, input))
        .isInstanceOf(CallbackTooLargeException.class)
        .hasMessageContaining(LIMIT + " bytes");
    assertThat(input.taken).isEqualTo(LIMIT + 1);
    assertThat(outcomes).containsExactly(CallbackOutcome.TOO_LARGE);
  }

  @Test
  void aBodyAtTheLimitIsRead() {
    byte[] blank = new byte[LIMIT];
    java.util.Arrays.fill(blank, (byte) ' ');
    assertThatThrownBy(() -> converter.read(Callback.class, new Fixtures.Input(blank)))
        .isInstanceOfSatisfying(InvalidCallbackException.class,
            e -> assertThat(e.read().problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("the payload is empty")));
    assertThat(outcomes).containsExactly(CallbackOutcome.INVALID);
  }

  @Test
  void anInvalidBodyCarriesEveryProblemAndNamesTheFirstInItsMessage() {
    byte[] body = Fixtures.bytes("xml/invalid-animation-duplicate-video-codec.xml");
    assertThatThrownBy(() -> converter.read(Callback.class, new Fixtures.Input(body)))
        .isInstanceOfSatisfying(InvalidCallbackException.class, e -> {
          assertThat(e.read().problems()).isEqualTo(CallbackReader.tolerant().read(body).problems());
          assertThat(e.getMessage()).contains("80:21: Codec occurs more than once in Video")
              .contains("/Response/JobsDetail[1]/Operation/Animation/Video/Codec[2]");
        });
  }

  @Test
  void aModerationCallbackIsRefusedByACallbackParameterSayingWhatItIs() {
    byte[] body = Fixtures.bytes("json/moderation/valid-auditing-image-detail-intldocs-sample1.json");
    assertThatThrownBy(() -> converter.read(Callback.class, new Fixtures.Input(body)))
        .isInstanceOf(org.springframework.http.converter.HttpMessageNotReadableException.class)
        .hasMessageContaining("content-moderation callback");
    assertThat(outcomes).containsExactly(CallbackOutcome.INVALID);
  }

  @Test
  void aDuplicateIsRefusedAndTheFirstDeliveryIsNot() throws Exception {
    InMemoryCallbackDeduplicator deduplicator =
        new InMemoryCallbackDeduplicator(10, java.time.Duration.ofHours(1), java.time.Clock.systemUTC());
    CallbackHttpMessageConverter deduplicating = new CallbackHttpMessageConverter(
        CallbackReader.tolerant(), deduplicator, (outcome, read, nanos) -> outcomes.add(outcome));
    byte[] body = Fixtures.bytes("json/valid-seed-case1-task-api.json");
    var request = new org.springframework.mock.web.MockHttpServletRequest();
    org.springframework.web.context.request.RequestContextHolder.setRequestAttributes(
        new org.springframework.web.context.request.ServletRequestAttributes(request));
    try {
      assertThat(deduplicating.read(Callback.class, new Fixtures.Input(body))).isNotNull();
      assertThat(request.getAttribute(CallbackHttpMessageConverter.CLAIMED_KEY_ATTRIBUTE))
          .isEqualTo("TaskFinish:j707f4864f86811ecb90d0b03267ce0e5");
      assertThat(request.getAttribute(CallbackHttpMessageConverter.READ_RESULT_ATTRIBUTE)).isNotNull();
      assertThatThrownBy(() -> deduplicating.read(Callback.class, new Fixtures.Input(body)))
          .isInstanceOfSatisfying(DuplicateCallbackException.class,
              e -> assertThat(e.key()).isEqualTo("TaskFinish:j707f4864f86811ecb90d0b03267ce0e5"));
      assertThat(outcomes).containsExactly(CallbackOutcome.VALID, CallbackOutcome.DUPLICATE);
    } finally {
      org.springframework.web.context.request.RequestContextHolder.resetRequestAttributes();
    }
  }
}
