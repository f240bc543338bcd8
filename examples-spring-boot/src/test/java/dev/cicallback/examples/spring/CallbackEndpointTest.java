package dev.cicallback.examples.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cicallback.model.json.Callback;
import dev.cicallback.spring.autoconfigure.CallbackDeduplicator;
import dev.cicallback.spring.autoconfigure.CallbackKeys;
import dev.cicallback.spring.autoconfigure.CallbackProblemAdvice;
import dev.cicallback.spring.autoconfigure.CiCallbackProperties;
import dev.cicallback.spring.autoconfigure.MicrometerCallbackMetrics;
import dev.cicallback.spring.autoconfigure.testing.BootAutoConfiguration;
import dev.cicallback.validator.CallbackReader;
import dev.cicallback.validator.ProblemCode;
import dev.cicallback.validator.ReadResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.util.ClassUtils;

/**
 * The example service on a random loopback port, posted to over HTTP as CI would: every fixture of schema/examples,
 * both formats, under a Content-Type that is often wrong; the answers, what reached the controller and the metrics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CallbackEndpointTest {

  /** Content types CI might send with any body: the right one, the other format's, and vague ones. */
  private static final List<String> CONTENT_TYPES =
      Arrays.asList(null, "application/json", "application/xml", "text/plain; charset=UTF-8",
          "application/octet-stream", "text/xml");

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired CiCallbackProperties properties;
  @Autowired MeterRegistry registry;
  @Autowired CallbackDeduplicator deduplicator;
  @MockitoSpyBean FinishedJobs jobs;

  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void everyFixtureGetsItsAnswerTheValidOnesReachTheControllerAndTheMetricsCountThem() throws Exception {
    String mode = properties.getMode().name().toLowerCase(Locale.ROOT);
    CallbackReader reference = CallbackReader.create(properties.toOptions());
    List<Fixture> fixtures = Fixture.all(mode);
    assertTrue(fixtures.size() > 300, "the fixtures were found: " + fixtures.size());
    Map<String, Double> before = countsByOutcome();
    double workflowsBefore = count(Map.of("event", "WorkflowFinish", "outcome", "valid"));
    double otherTagsBefore = count(Map.of("tag", "other", "outcome", "valid"));
    long timedBefore = timed();

    Map<String, Integer> posted = new HashMap<>();
    int workflows = 0, otherTags = 0, i = 0;
    List<String> failures = new ArrayList<>();
    for (Fixture fixture : fixtures) {
      String contentType = CONTENT_TYPES.get(i++ % CONTENT_TYPES.size());
      String what = fixture.name() + " (Content-Type " + contentType + ")";
      ReadResult expected = reference.read(fixture.body());
      // Fixtures share JobIds: each is a first delivery here (second deliveries have their own test).
      expected.callback().flatMap(CallbackKeys::of).ifPresent(deduplicator::release);
      clearInvocations(jobs);
      HttpResponse<String> response = post(BodyPublishers.ofByteArray(fixture.body()), contentType);
      if (fixture.valid()) {
        Callback model = expected.callback().orElseThrow();
        if (response.statusCode() != 200) {
          failures.add(what + ": " + response.statusCode() + " " + response.body());
          continue;
        }
        ArgumentCaptor<Callback> reached = ArgumentCaptor.forClass(Callback.class);
        verify(jobs).finished(reached.capture());
        if (!model.equals(reached.getValue())) {
          failures.add(what + ": the controller got another model than the reader's");
        }
        posted.merge("valid", 1, Integer::sum);
        if (expected.event().orElseThrow().equals("WorkflowFinish")) {
          workflows++;
        }
        if (expected.unknownNodes().stream().anyMatch(p -> p.code() == ProblemCode.UNKNOWN_TAG)) {
          otherTags++;
        }
      } else {
        posted.merge("invalid", 1, Integer::sum);
        verifyNoInteractions(jobs);
        String problem = checkProblemAnswer(fixture, response);
        if (problem != null) {
          failures.add(what + ": " + problem);
        }
      }
    }
    assertEquals(List.of(), failures);

    Map<String, Double> after = countsByOutcome();
    for (String outcome : List.of("valid", "invalid")) {
      assertEquals(
          posted.getOrDefault(outcome, 0).doubleValue(),
          after.getOrDefault(outcome, 0.0) - before.getOrDefault(outcome, 0.0),
          "ci.callback.received{outcome=" + outcome + "}");
    }
    assertEquals(fixtures.stream().filter(Fixture::valid).count(), posted.get("valid").longValue());
    assertTrue(posted.get("valid") > 100 && posted.get("invalid") > 200, "both kinds were posted: " + posted);
    assertEquals(workflows, count(Map.of("event", "WorkflowFinish", "outcome", "valid")) - workflowsBefore);
    assertTrue(workflows > 0, "some workflow runs were posted");
    assertEquals(otherTags, count(Map.of("tag", "other", "outcome", "valid")) - otherTagsBefore);
    assertTrue(otherTags > 0, "some Tags the contract does not know were posted");
    assertEquals(fixtures.size(), timed() - timedBefore, "ci.callback.read times every body");
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
        || body.path("status").asInt() != 400
        || body.path("title").asText().isEmpty()) {
      return "not the invalid-callback problem: " + body;
    }
    Fixture.ExpectedProblem first = fixture.firstError();
    if (!body.path("detail").asText().contains(first.message())) {
      return "the detail does not name the first problem (" + first.message() + "): " + body.path("detail");
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
  void theServicesMapperIsItsSpringBootLinesJacksonAndTheStarterReadsWithItsOwn() {
    // Spring Boot 4: the service's JSON mapper is Jackson 3 (tools.jackson), and no Jackson 2 ObjectMapper bean is
    // made; 3.5: Jackson 2. The fixture test above gets the same models and answers either way: the starter reads with
    // the validator's own Jackson 2, and the 400/413 bodies are written by the service's mapper.
    String mapper = BootAutoConfiguration.BOOT_4
        ? "tools.jackson.databind.json.JsonMapper" : "com.fasterxml.jackson.databind.ObjectMapper";
    assertEquals(1, context.getBeanNamesForType(ClassUtils.resolveClassName(mapper, null)).length, mapper);
    if (BootAutoConfiguration.BOOT_4) {
      assertEquals(0, context.getBeanNamesForType(ObjectMapper.class).length);
    }
  }

  @Test
  void aSecondDeliveryIsAnswered200WithoutReachingTheControllerAndCounted() throws Exception {
    Fixture job = Fixture.read(Fixture.EXAMPLES.resolve("xml/valid-seed-case1-task-api.xml"), "tolerant");
    Fixture run = Fixture.read(Fixture.EXAMPLES.resolve("json/valid-workflowfinish-qclouddocs-zh-case2.json"), "tolerant");
    for (Fixture fixture : List.of(job, run)) {
      String key = CallbackKeys.of(CallbackReader.tolerant().read(fixture.body()).callback().orElseThrow()).orElseThrow();
      deduplicator.release(key); // whatever an earlier test posted
      double duplicates = count(Map.of("outcome", "duplicate"));
      clearInvocations(jobs);
      assertEquals(200, post(BodyPublishers.ofByteArray(fixture.body()), null).statusCode());
      verify(jobs).finished(org.mockito.ArgumentMatchers.any());
      clearInvocations(jobs);
      HttpResponse<String> second = post(BodyPublishers.ofByteArray(fixture.body()), null);
      assertEquals(200, second.statusCode(), fixture.name());
      assertEquals("", second.body());
      verifyNoInteractions(jobs);
      assertEquals(duplicates + 1, count(Map.of("outcome", "duplicate")), fixture.name());
      assertTrue(key.startsWith(fixture.isXml() ? "TaskFinish:j" : "WorkflowFinish:i"), key);
    }
  }

  @Test
  void aDeliveryWhoseHandlingFailedIsHandledWhenCiPostsItAgain() throws Exception {
    Fixture fixture = Fixture.read(Fixture.EXAMPLES.resolve("json/valid-seed-case1-task-api.json"), "tolerant");
    deduplicator.release(
        CallbackKeys.of(CallbackReader.tolerant().read(fixture.body()).callback().orElseThrow()).orElseThrow());
    org.mockito.Mockito.doThrow(new IllegalStateException("the database is down"))
        .when(jobs).finished(org.mockito.ArgumentMatchers.any());
    assertEquals(500, post(BodyPublishers.ofByteArray(fixture.body()), null).statusCode());
    org.mockito.Mockito.reset(jobs);
    clearInvocations(jobs);
    assertEquals(200, post(BodyPublishers.ofByteArray(fixture.body()), null).statusCode());
    verify(jobs).finished(org.mockito.ArgumentMatchers.any());
  }

  @Test
  void theReadmeAndTheStarterPageShowTheControllerAsItIsAndThe400AnswerAsItComes() throws Exception {
    Path root = Fixture.EXAMPLES.getParent().getParent();
    String controller =
        Files.readString(Path.of("src/main/java/dev/cicallback/examples/spring/CallbackController.java"));
    String readme = Files.readString(root.resolve("README.md"));
    String quickStart = readme.substring(readme.indexOf("### In a Spring Boot service"));
    quickStart = quickStart.substring(0, quickStart.indexOf("\n### ", 1));
    String page = Files.readString(root.resolve("docs/spring-boot.md"));
    for (String section : List.of(quickStart, page)) {
      Matcher java = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(section);
      assertTrue(java.find(), "the Spring Boot quick start and page show the controller");
      assertEquals(controller, java.group(1));
      assertTrue(section.contains("<artifactId>ci-callback-spring-boot-starter</artifactId>"));
    }

    Matcher json = Pattern.compile("```json\n(.*?)```", Pattern.DOTALL).matcher(page);
    assertTrue(json.find(), "the Spring Boot page shows a 400 answer");
    Fixture fixture = Fixture.read(Fixture.EXAMPLES.resolve("xml/invalid-volume-above-10.xml"), "tolerant");
    HttpResponse<String> response = post(BodyPublishers.ofByteArray(fixture.body()), "application/xml");
    assertEquals(400, response.statusCode());
    assertEquals(JSON.readTree(json.group(1)), JSON.readTree(response.body()));
  }

  @Test
  void aFormBodyArrivesChangedByTheServerAndGets400() throws Exception {
    Fixture fixture = Fixture.read(Fixture.EXAMPLES.resolve("json/valid-seed-case1-task-api.json"), "tolerant");
    HttpResponse<String> response =
        post(BodyPublishers.ofByteArray(fixture.body()), "application/x-www-form-urlencoded");
    assertEquals(400, response.statusCode(), response.body());
    assertTrue(JSON.readTree(response.body()).path("detail").asText().contains("neither XML"), response.body());
    verifyNoInteractions(jobs);
  }

  @Test
  void aBodyOverTheLimitGets413WhetherItsLengthIsDeclaredOrNot() throws Exception {
    int limit = (int) properties.getMaxBytes().toBytes();
    byte[] over = new byte[limit + 1];
    Arrays.fill(over, (byte) ' ');
    over[0] = '<';

    HttpResponse<String> declared = post(BodyPublishers.ofByteArray(over), "application/xml");
    assertTooLarge(declared, limit);
    // Chunked: no Content-Length, so the reader stops after limit + 1 bytes.
    HttpResponse<String> chunked =
        post(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(over)), "application/xml");
    assertTooLarge(chunked, limit);

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
    assertTrue(body.path("detail").asText().contains(String.valueOf(limit)), body.toString());
  }

  @Test
  void aTooLargeBodyIsCounted() throws Exception {
    double before = count(Map.of("outcome", "too_large", "event", "unknown"));
    byte[] over = new byte[(int) properties.getMaxBytes().toBytes() + 1];
    assertEquals(413, post(BodyPublishers.ofByteArray(over), null).statusCode());
    assertEquals(before + 1, count(Map.of("outcome", "too_large", "event", "unknown")));
  }

  private HttpResponse<String> post(BodyPublisher body, String contentType) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ci/callback")).POST(body);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return client.send(request.build(), BodyHandlers.ofString());
  }

  private Map<String, Double> countsByOutcome() {
    Map<String, Double> counts = new HashMap<>();
    registry.find(MicrometerCallbackMetrics.RECEIVED).counters()
        .forEach(c -> counts.merge(c.getId().getTag("outcome"), c.count(), Double::sum));
    return counts;
  }

  private double count(Map<String, String> tags) {
    Search search = registry.find(MicrometerCallbackMetrics.RECEIVED);
    for (var tag : tags.entrySet()) {
      search = search.tag(tag.getKey(), tag.getValue());
    }
    return search.counters().stream().mapToDouble(c -> c.count()).sum();
  }

  private long timed() {
    return registry.find(MicrometerCallbackMetrics.READ).timers().stream().mapToLong(t -> t.count()).sum();
  }
}
