package dev.cicallback.examples.webflux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cicallback.model.json.Callback;
import dev.cicallback.spring.autoconfigure.CallbackDeduplicator;
import dev.cicallback.spring.autoconfigure.CallbackHttpMessageReader;
import dev.cicallback.spring.autoconfigure.CallbackKeys;
import dev.cicallback.spring.autoconfigure.CallbackProblemAdvice;
import dev.cicallback.spring.autoconfigure.CiCallbackProperties;
import dev.cicallback.spring.autoconfigure.MicrometerCallbackMetrics;
import dev.cicallback.validator.CallbackReader;
import dev.cicallback.validator.ReadResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.http.codec.HttpMessageReader;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.util.ClassUtils;

/**
 * The reactive example service on a random loopback port of its Reactor Netty server, posted to over HTTP as CI
 * would: every fixture of schema/examples, both formats, under a Content-Type that is often wrong; the answers (the
 * same 400 and 413 application/problem+json as the servlet starter's), what reached the controller, the metrics, and
 * the de-duplication of second deliveries.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReactiveEndpointTest {

  private static final List<String> CONTENT_TYPES =
      Arrays.asList(null, "application/json", "application/xml", "text/plain; charset=UTF-8",
          "application/octet-stream", "text/xml");

  private static final ObjectMapper JSON = new ObjectMapper();

  @Value("${local.server.port}") int port;
  @Autowired ApplicationContext context;
  @Autowired CiCallbackProperties properties;
  @Autowired MeterRegistry registry;
  @Autowired CallbackDeduplicator deduplicator;
  @Autowired CallbackHttpMessageReader reader;
  @MockitoSpyBean FinishedJobs jobs;

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void theServiceIsReactiveOnNettyWithTheStartersReader() throws Exception {
    Object server = context.getClass().getMethod("getWebServer").invoke(context);
    assertEquals("NettyWebServer", server.getClass().getSimpleName());
    assertFalse(ClassUtils.isPresent("org.springframework.web.servlet.DispatcherServlet", getClass().getClassLoader()),
        "the WebFlux starter brings no Spring MVC");
    // The starter's reader is among WebFlux's readers, ahead of every JSON (Jackson) one.
    List<HttpMessageReader<?>> readers = context.getBean(ServerCodecConfigurer.class).getReaders();
    int ours = readers.indexOf(reader);
    assertTrue(ours >= 0, "registered: " + readers);
    for (int i = 0; i < ours; i++) {
      assertFalse(readers.get(i).canRead(ResolvableType.forClass(Callback.class), null), readers.get(i).toString());
    }
  }

  @Test
  void everyFixtureGetsTheServletStartersAnswerAndTheValidOnesReachTheController() throws Exception {
    CallbackReader reference = CallbackReader.create(properties.toOptions());
    List<Fixture> fixtures = Fixture.all(properties.getMode().name().toLowerCase(Locale.ROOT));
    assertTrue(fixtures.size() > 300, "the fixtures were found: " + fixtures.size());
    double validBefore = count(Map.of("outcome", "valid"));
    double invalidBefore = count(Map.of("outcome", "invalid"));
    int valid = 0;
    int invalid = 0;
    int i = 0;
    List<String> failures = new ArrayList<>();
    for (Fixture fixture : fixtures) {
      String contentType = CONTENT_TYPES.get(i++ % CONTENT_TYPES.size());
      String what = fixture.name() + " (Content-Type " + contentType + ")";
      ReadResult expected = reference.read(fixture.body());
      expected.callback().flatMap(CallbackKeys::of).ifPresent(deduplicator::release); // fixtures share JobIds
      clearInvocations(jobs);
      HttpResponse<String> response = post(BodyPublishers.ofByteArray(fixture.body()), contentType, what);
      if (fixture.valid()) {
        valid++;
        if (response.statusCode() != 200) {
          failures.add(what + ": " + response.statusCode() + " " + response.body());
          continue;
        }
        ArgumentCaptor<Callback> reached = ArgumentCaptor.forClass(Callback.class);
        verify(jobs).finished(reached.capture());
        if (!expected.callback().orElseThrow().equals(reached.getValue())) {
          failures.add(what + ": the controller got another model than the reader's");
        }
      } else {
        invalid++;
        verifyNoInteractions(jobs);
        String problem = checkProblemAnswer(fixture, response);
        if (problem != null) {
          failures.add(what + ": " + problem);
        }
      }
    }
    assertEquals(List.of(), failures);
    assertTrue(valid > 100 && invalid > 200, "both kinds were posted: " + valid + ", " + invalid);
    assertEquals(valid, count(Map.of("outcome", "valid")) - validBefore);
    assertEquals(invalid, count(Map.of("outcome", "invalid")) - invalidBefore);
  }

  /** Null when the answer is 400 with problem+json listing exactly the fixture's problems; else what is wrong. */
  private static String checkProblemAnswer(Fixture fixture, HttpResponse<String> response) throws Exception {
    if (response.statusCode() != 400) {
      return "expected 400, got " + response.statusCode() + " " + response.body();
    }
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (!type.startsWith("application/problem+json")) {
      return "expected application/problem+json, got " + type;
    }
    JsonNode body = JSON.readTree(response.body());
    if (!body.path("type").asText().equals(CallbackProblemAdvice.INVALID_TYPE.toString())
        || body.path("status").asInt() != 400) {
      return "not the invalid-callback problem: " + body;
    }
    if (!body.path("detail").asText().contains(fixture.firstError().message())) {
      return "the detail does not name the first problem: " + body.path("detail");
    }
    List<Fixture.ExpectedProblem> listed = new ArrayList<>();
    for (JsonNode p : body.path("problems")) {
      listed.add(new Fixture.ExpectedProblem(
          p.path("severity").asText(), p.path("code").asText(), p.path("line").asInt(), p.path("column").asInt(),
          p.path("location").asText(), p.path("message").asText()));
    }
    return listed.equals(fixture.problems()) ? null : "problems " + listed + ", expected " + fixture.problems();
  }

  @Test
  void aSecondDeliveryIsAnswered200WithoutReachingTheControllerAndCounted() throws Exception {
    Fixture fixture = Fixture.read(Fixture.EXAMPLES.resolve("xml/valid-seed-case1-task-api.xml"), "tolerant");
    String key = CallbackKeys.of(CallbackReader.tolerant().read(fixture.body()).callback().orElseThrow()).orElseThrow();
    deduplicator.release(key);
    double duplicates = count(Map.of("outcome", "duplicate"));
    clearInvocations(jobs);
    assertEquals(200, post(BodyPublishers.ofByteArray(fixture.body()), null).statusCode());
    verify(jobs).finished(any());
    clearInvocations(jobs);
    HttpResponse<String> second = post(BodyPublishers.ofByteArray(fixture.body()), "application/xml");
    assertEquals(200, second.statusCode());
    assertEquals("", second.body());
    verifyNoInteractions(jobs);
    assertEquals(duplicates + 1, count(Map.of("outcome", "duplicate")));
  }

  @Test
  void aDeliveryWhoseHandlingFailedIsHandledWhenCiPostsItAgain() throws Exception {
    Fixture fixture = Fixture.read(Fixture.EXAMPLES.resolve("json/valid-seed-case1-task-api.json"), "tolerant");
    deduplicator.release(
        CallbackKeys.of(CallbackReader.tolerant().read(fixture.body()).callback().orElseThrow()).orElseThrow());
    doThrow(new IllegalStateException("the database is down")).when(jobs).finished(any());
    assertEquals(500, post(BodyPublishers.ofByteArray(fixture.body()), null).statusCode());
    reset(jobs);
    assertEquals(200, post(BodyPublishers.ofByteArray(fixture.body()), null).statusCode());
    verify(jobs).finished(any());
  }

  @Test
  void aBodyOverTheLimitGets413WhetherItsLengthIsDeclaredOrNotAndIsCounted() throws Exception {
    int limit = (int) properties.getMaxBytes().toBytes();
    byte[] over = new byte[limit + 1];
    Arrays.fill(over, (byte) ' ');
    over[0] = '<';
    double before = count(Map.of("outcome", "too_large"));

    assertTooLarge(post(BodyPublishers.ofByteArray(over), "application/xml"), limit);
    // Chunked: no Content-Length, so the reader stops once more than the limit has arrived.
    assertTooLarge(post(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(over)), "application/xml"), limit);
    assertEquals(before + 2, count(Map.of("outcome", "too_large")));

    // At the limit the body is read (and, being blank, refused as empty: 400, not 413).
    HttpResponse<String> atLimit =
        post(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[limit])), "application/xml");
    assertEquals(400, atLimit.statusCode(), atLimit.body());
    verifyNoInteractions(jobs);
  }

  private void assertTooLarge(HttpResponse<String> response, int limit) throws Exception {
    assertEquals(413, response.statusCode(), response.body());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    JsonNode body = JSON.readTree(response.body());
    assertEquals(CallbackProblemAdvice.TOO_LARGE_TYPE.toString(), body.path("type").asText());
    assertEquals(413, body.path("status").asInt());
    assertEquals(limit, body.path("maxBytes").asLong());
  }

  private HttpResponse<String> post(BodyPublisher body, String contentType, String what) throws Exception {
    try {
      return post(body, contentType);
    } catch (java.net.http.HttpTimeoutException e) {
      throw new AssertionError(what + ": no answer", e);
    }
  }

  private HttpResponse<String> post(BodyPublisher body, String contentType) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ci/callback"))
            .timeout(Duration.ofSeconds(30))
            .POST(body);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return client.send(request.build(), BodyHandlers.ofString());
  }

  private double count(Map<String, String> tags) {
    Search search = registry.find(MicrometerCallbackMetrics.RECEIVED).tag("transport", "http");
    for (var tag : tags.entrySet()) {
      search = search.tag(tag.getKey(), tag.getValue());
    }
    return search.counters().stream().mapToDouble(c -> c.count()).sum();
  }
}
