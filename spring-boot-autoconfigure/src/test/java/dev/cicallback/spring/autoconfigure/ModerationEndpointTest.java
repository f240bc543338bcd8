package dev.cicallback.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cicallback.model.json.Callback;
import dev.cicallback.spring.autoconfigure.testing.BootAutoConfiguration;
import dev.cicallback.validator.CallbackReader;
import dev.cicallback.validator.ModerationCallback;
import dev.cicallback.validator.ModerationForm;
import dev.cicallback.validator.ReadResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A service on a random loopback port whose methods take {@code @RequestBody ModerationCallback} (and its Detail and
 * Simple records): every content-moderation fixture posted with each {@code X-Ci-Content-Version} header, the answers,
 * what reached the methods typed, de-duplication and the metrics; a job callback and a moderation one at the other's
 * parameter. In the default, tolerant, mode; {@link StrictModerationEndpointTest} runs the same in strict mode.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    classes = ModerationEndpointTest.App.class,
    properties = {"ci-callback.deduplication.enabled=true", "ci-callback.max-bytes=64KB"})
class ModerationEndpointTest {

  private static final Path MODERATION = Fixtures.EXAMPLES.resolve("json/moderation");
  private static final int LIMIT = 64 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired Endpoint endpoint;
  @Autowired CallbackReader reader;
  @Autowired MeterRegistry registry;

  @BeforeEach
  void forget() {
    endpoint.received.clear();
  }

  @Test
  void everyModerationFixtureGetsItsAnswerUnderEveryContentVersion() throws Exception {
    List<Path> fixtures;
    try (Stream<Path> files = Files.list(MODERATION)) {
      fixtures = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(fixtures).hasSizeGreaterThan(20);
    double validBefore = count("moderation", "valid");
    double duplicateBefore = count("moderation", "duplicate");
    Set<String> claimed = new HashSet<>();
    int reached = 0;
    int duplicates = 0;
    for (Path fixture : fixtures) {
      String name = fixture.getFileName().toString();
      byte[] bytes = Files.readAllBytes(fixture);
      for (String version : Arrays.asList(null, "Simple", "Detail")) {
        ReadResult expected = reader.read(bytes, version);
        if (name.startsWith("valid-")) {
          assertThat(expected.isValid()).as(name + " under " + version).isTrue();
        } else if (!name.startsWith("invalid-unknown-property-") || reader.options().mode().name().equals("STRICT")) {
          assertThat(expected.isValid()).as(name + " under " + version).isFalse();
        }
        Answer response = post("/moderation", bytes, version);
        if (!expected.isValid()) {
          assertInvalid(response, expected, name);
          continue;
        }
        assertThat(response.statusCode()).as(name).isEqualTo(200);
        ModerationCallback want = expected.moderation().orElseThrow();
        Optional<String> key = CallbackKeys.of(want);
        if (key.isPresent() && !claimed.add(key.get())) {
          duplicates++; // a second delivery of that moderation: answered 200, never reaching the method
          assertThat(endpoint.received).as(name).hasSize(reached);
          continue;
        }
        reached++;
        assertThat(endpoint.received).as(name).hasSize(reached);
        ModerationCallback got = endpoint.received.get(reached - 1);
        assertThat(got.kind()).as(name).isEqualTo(want.kind());
        assertThat(got.form()).as(name).isEqualTo(want.form());
        assertThat(got.getClass()).isEqualTo(want.form() == ModerationForm.SIMPLE
            ? ModerationCallback.Simple.class : ModerationCallback.Detail.class);
        if (name.startsWith("valid-")) {
          assertThat(name).contains(want.form() == ModerationForm.SIMPLE ? "-simple-" : "-detail-");
          assertThat(name).contains("-" + kindInName(want) + "-");
        }
      }
    }
    // Eleven valid fixtures, three times each; some share a JobId and State or a trace_id, and only the first
    // delivery of each key reaches the method.
    assertThat(reached).isGreaterThanOrEqualTo(6);
    assertThat(duplicates).isGreaterThanOrEqualTo(2 * 11);
    assertThat(count("moderation", "valid") - validBefore).isEqualTo(reached);
    assertThat(count("moderation", "duplicate") - duplicateBefore).isEqualTo(duplicates);
  }

  @Test
  void theContentVersionHeaderTellsTheFormOfABodyWhoseContentDoesNot() throws Exception {
    byte[] body = "{\"message\": \"success\"}".getBytes(StandardCharsets.UTF_8);
    List<String> answers = new ArrayList<>();
    for (String version : Arrays.asList(null, "Simple", "Detail")) {
      ReadResult expected = reader.read(body, version);
      assertInvalid(post("/moderation", body, version), expected, "under " + version);
      answers.add(expected.problems().toString());
    }
    assertThat(answers).doesNotHaveDuplicates();
    assertThat(endpoint.received).isEmpty();
  }

  private static String kindInName(ModerationCallback m) {
    return switch (m.kind()) {
      case WEB_PAGE -> "webpage";
      case LIVE_STREAM -> "live";
      default -> m.kind().name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  @Test
  void theDetailAndSimpleRecordsTakeTheirFormAndRefuseTheOther() throws Exception {
    byte[] detail = unique("valid-auditing-image-detail-intldocs-sample1.json", "\"JobId\"\\s*:\\s*\"");
    byte[] simple = unique("valid-auditing-image-simple-intldocs-sample1.json", "\"trace_id\"\\s*:\\s*\"");
    assertThat(post("/moderation/detail", detail, null).statusCode()).isEqualTo(200);
    assertThat(post("/moderation/simple", simple, null).statusCode()).isEqualTo(200);
    assertThat(endpoint.received).extracting(m -> (Object) m.getClass())
        .containsExactly(ModerationCallback.Detail.class, ModerationCallback.Simple.class);
    assertWrongKind(post("/moderation/detail", simple, null), "in the SIMPLE form, which a Detail parameter");
    assertWrongKind(post("/moderation/simple", detail, null), "in the DETAIL form, which a Simple parameter");
    assertThat(endpoint.received).hasSize(2);
  }

  @Test
  void aJobCallbackAtAModerationParameterAndAModerationOneAtACallbackParameterAreRefusedSayingSo()
      throws Exception {
    double invalidBefore = count("TaskFinish", "invalid");
    assertWrongKind(post("/moderation", Fixtures.bytes("json/valid-seed-case1-task-api.json"), null),
        "a TaskFinish callback, not a content-moderation one, which a ModerationCallback parameter does not take");
    assertWrongKind(post("/moderation", Fixtures.bytes("xml/valid-seed-case1-task-api.xml"), "Simple"),
        "declare the parameter as Callback");
    assertThat(count("TaskFinish", "invalid") - invalidBefore).isEqualTo(2);
    assertWrongKind(post("/callback", Files.readAllBytes(MODERATION.resolve(
            "valid-auditing-video-simple-docs-test-request.json")), "Simple"),
        "a content-moderation callback, which a Callback parameter does not take");
    assertThat(endpoint.received).isEmpty();
    assertThat(endpoint.callbacks).isEmpty();
    // The job callback still reaches a Callback parameter.
    assertThat(post("/callback", Fixtures.bytes("json/valid-seed-case1-task-api.json"), null).statusCode())
        .isEqualTo(200);
    assertThat(endpoint.callbacks).hasSize(1);
  }

  @Test
  void aSecondDeliveryIsDroppedUnlessTheFirstFailedAndALiveStreamsBatchesAreNot() throws Exception {
    for (String[] fixture : new String[][] {
        {"valid-auditing-video-detail-intldocs-sample2.json", "\"JobId\"\\s*:\\s*\""},
        {"valid-auditing-text-simple-intldocs-test-request.json", "\"trace_id\"\\s*:\\s*\""}}) {
      endpoint.received.clear();
      byte[] body = unique(fixture[0], fixture[1]);
      assertThat(post("/failing", body, null).statusCode()).isEqualTo(500); // the claim is released
      assertThat(post("/moderation", body, null).statusCode()).isEqualTo(200);
      assertThat(post("/moderation", body, null).statusCode()).isEqualTo(200); // dropped
      // The failed delivery released its claim: the next one reached the method, the one after it did not.
      assertThat(endpoint.received).as(fixture[0]).hasSize(1);
    }
    // A live stream under moderation calls back once per batch of frames, each with the same JobId and State.
    endpoint.received.clear();
    byte[] batch = unique("valid-auditing-live-detail-running-auditing.json", "\"JobId\"\\s*:\\s*\"");
    assertThat(post("/moderation", batch, null).statusCode()).isEqualTo(200);
    assertThat(post("/moderation", batch, null).statusCode()).isEqualTo(200);
    assertThat(endpoint.received).hasSize(2);
  }

  @Test
  void aBodyOverTheLimitGets413() throws Exception {
    double before = count("unknown", "too_large");
    byte[] over = new byte[LIMIT + 1];
    Arrays.fill(over, (byte) ' ');
    over[0] = '{';
    for (boolean chunked : new boolean[] {false, true}) {
      Answer response = send("/moderation", over, null, chunked);
      assertThat(response.statusCode()).isEqualTo(413);
      assertThat(response.contentType()).startsWith("application/problem+json");
      JsonNode problem = JSON.readTree(response.body());
      assertThat(problem.path("type").asText()).isEqualTo(CallbackProblemAdvice.TOO_LARGE_TYPE.toString());
      assertThat(problem.path("maxBytes").asLong()).isEqualTo(LIMIT);
    }
    assertThat(count("unknown", "too_large") - before).isEqualTo(2);
    assertThat(endpoint.received).isEmpty();
  }

  /** The fixture with a JobId or trace_id of its own, so that no other test's delivery of it has claimed its key. */
  private static byte[] unique(String fixture, String idBefore) throws Exception {
    String body = Files.readString(MODERATION.resolve(fixture), StandardCharsets.UTF_8);
    String changed = body.replaceFirst("(" + idBefore + ")", "$1" + Long.toHexString(System.nanoTime()));
    assertThat(changed).isNotEqualTo(body);
    return changed.getBytes(StandardCharsets.UTF_8);
  }

  private void assertInvalid(Answer response, ReadResult expected, String name) throws Exception {
    assertThat(response.statusCode()).as(name + ": " + response.body()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("type").asText()).isEqualTo(CallbackProblemAdvice.INVALID_TYPE.toString());
    List<Map<String, Object>> members = new ArrayList<>();
    problem.path("problems").forEach(p -> members.add(JSON.convertValue(p, Map.class)));
    assertThat(members).as(name).isEqualTo(CallbackProblemAdvice.members(expected.problems()));
    assertThat(members).as(name).isNotEmpty();
  }

  private void assertWrongKind(Answer response, String detail) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("type").asText()).isEqualTo(CallbackProblemAdvice.WRONG_KIND_TYPE.toString());
    assertThat(problem.path("detail").asText()).contains(detail);
  }

  private Answer post(String path, byte[] body, String contentVersion) throws IOException {
    return send(path, body, contentVersion, false);
  }

  /** One POST over a connection of its own; chunked, or with its Content-Length. */
  private Answer send(String path, byte[] body, String contentVersion, boolean chunked) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) uri(path).toURL().openConnection();
    try {
      connection.setRequestMethod("POST");
      connection.setDoOutput(true);
      connection.setRequestProperty("Content-Type", "application/json");
      if (contentVersion != null) {
        connection.setRequestProperty("X-Ci-Content-Version", contentVersion);
      }
      if (chunked) {
        connection.setChunkedStreamingMode(4096);
      } else {
        connection.setFixedLengthStreamingMode(body.length);
      }
      try (OutputStream out = connection.getOutputStream()) {
        out.write(body);
      } catch (IOException e) {
        // The server may answer (413) and close before the whole body is sent; its answer is read below.
      }
      int status = connection.getResponseCode();
      InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
      String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      String type = connection.getContentType();
      return new Answer(status, type == null ? "" : type, text);
    } finally {
      connection.disconnect();
    }
  }

  /** An HTTP answer. */
  record Answer(int statusCode, String contentType, String body) {}

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private double count(String event, String outcome) {
    return registry.find(MicrometerCallbackMetrics.RECEIVED).tag("event", event).tag("outcome", outcome).counters()
        .stream().mapToDouble(c -> c.count()).sum();
  }

  /** The service: Spring MVC on an embedded server, the starter, a meter registry and {@link Endpoint}. */
  @SpringBootConfiguration
  @ImportAutoConfiguration(CiCallbackAutoConfiguration.class)
  @Import({BootAutoConfiguration.ServletWebServer.class, Endpoint.class})
  static class App {
    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }
  }

  /** Methods taking each parameter type; what reached them. */
  @RestController
  static class Endpoint {
    final List<ModerationCallback> received = new CopyOnWriteArrayList<>();
    final List<Callback> callbacks = new CopyOnWriteArrayList<>();

    @PostMapping("/moderation")
    void moderation(@RequestBody ModerationCallback callback) {
      received.add(callback);
    }

    @PostMapping("/moderation/detail")
    void detail(@RequestBody ModerationCallback.Detail callback) {
      received.add(callback);
    }

    @PostMapping("/moderation/simple")
    void simple(@RequestBody ModerationCallback.Simple callback) {
      received.add(callback);
    }

    @PostMapping("/failing")
    ResponseEntity<Void> failing(@RequestBody ModerationCallback callback) {
      return ResponseEntity.internalServerError().build();
    }

    @PostMapping("/callback")
    void callback(@RequestBody Callback callback) {
      callbacks.add(callback);
    }
  }
}
