package dev.cicallback.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cicallback.cli.simulate.Listener;
import dev.cicallback.cli.simulate.ListenerOptions;
import dev.cicallback.validator.ValidatorOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The receiver: forwarding unchanged, its answers, what it saves, and slow clients. */
class ListenerTest {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static HttpResponse<String> post(String url, byte[] body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void forward_to_passes_bodies_and_headers_through_unchanged_and_prints_the_apps_answer() throws Exception {
    byte[] valid = Files.readAllBytes(Cli.EXAMPLES.resolve("xml/valid-seed-workflow.xml"));
    byte[] invalid = Files.readAllBytes(Cli.EXAMPLES.resolve("json/invalid-joblevel-3.json"));
    StringWriter lines = new StringWriter();
    try (LocalApp app = new LocalApp(201);
        Listener listener = Listener.start(ListenerOptions.loopback().withForwardTo(URI.create(app.url("/app/hook"))),
            new PrintWriter(lines))) {
      HttpResponse<String> ok = post(listener.url() + "any/path?x=1", valid, "Content-Type", "application/xml",
          "User-Agent", "Tencent-CI", "X-Request-Id", "abc-123", "X-Repeated", "one", "X-Repeated", "two");
      HttpResponse<String> refused = post(listener.url(), invalid, "Content-Type", "application/json");

      assertEquals(200, ok.statusCode(), ok.body());
      assertEquals(400, refused.statusCode(), "the app's 201 does not change the answer to CI");
      assertEquals(2, app.requests.size());
      LocalApp.Request first = app.requests.get(0);
      assertArrayEquals(valid, first.body());
      assertEquals("POST", first.method());
      assertEquals("/app/hook", first.path());
      assertEquals("application/xml", first.headers().getFirst("Content-Type"));
      assertEquals("Tencent-CI", first.headers().getFirst("User-Agent"));
      assertEquals("abc-123", first.headers().getFirst("X-Request-Id"));
      assertEquals(List.of("one", "two"), first.headers().get("X-Repeated"));
      assertEquals(String.valueOf(valid.length), first.headers().getFirst("Content-Length"));
      assertArrayEquals(invalid, app.requests.get(1).body(), "invalid bodies are forwarded too, unchanged");
      assertEquals("application/json", app.requests.get(1).headers().getFirst("Content-Type"));

      String[] printed = lines.toString().split("\n");
      assertTrue(printed[0].matches("200 valid   TaskFinish Tts Success j707f4864f86811ecb90d0b03267ce0e5  app: 201 in"
          + " \\d+ ms: app answer 1"), printed[0]);
      assertTrue(printed[1].matches("400 invalid TaskFinish Tts Success \\S+  \\d+:\\d+: error VALUE: .*JobLevel.*"
          + "  app: 201 in \\d+ ms: app answer 2"), printed[1]);
    }
  }

  @Test
  void trigger_through_listen_to_the_app_delivers_the_bytes_trigger_sent() throws Exception {
    StringWriter lines = new StringWriter();
    try (LocalApp app = new LocalApp(200);
        Listener listener = Listener.start(ListenerOptions.loopback().withForwardTo(URI.create(app.url("/"))),
            new PrintWriter(lines));
        LocalApp direct = new LocalApp(200)) {
      Cli cli = Cli.run("trigger", "tts-workflow", "--to", listener.url(), "--format", "json", "--header",
          "X-Token: t0k3n");
      assertEquals(0, cli.status(), cli.out());
      assertEquals(1, app.requests.size());
      assertEquals("t0k3n", app.requests.get(0).headers().getFirst("X-Token"));
      assertEquals("ci-callback-trigger", app.requests.get(0).headers().getFirst("User-Agent"));
      JsonNode body = JSON.readTree(app.requests.get(0).body());
      assertTrue(cli.out().contains(body.at("/JobsDetail/0/JobId").asText()), cli.out());
    }
  }

  @Test
  void answers_400_with_the_problems_as_json_and_405_to_anything_but_post() throws Exception {
    try (Listener listener = Listener.start(ListenerOptions.loopback(), new PrintWriter(new StringWriter()))) {
      HttpResponse<String> refused = post(listener.url(), "{\"EventName\": \"TaskFinish\"".getBytes(
          StandardCharsets.UTF_8));
      assertEquals(400, refused.statusCode());
      assertEquals("application/json; charset=utf-8", refused.headers().firstValue("Content-Type").orElseThrow());
      JsonNode answer = JSON.readTree(refused.body());
      assertEquals(false, answer.get("valid").asBoolean());
      assertEquals("SYNTAX", answer.at("/problems/0/code").asText());
      assertEquals("error", answer.at("/problems/0/severity").asText());
      assertTrue(answer.at("/problems/0/message").asText().startsWith("not valid JSON"), answer.toString());
      assertTrue(answer.at("/problems/0/line").asInt() > 0, answer.toString());

      HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(URI.create(listener.url())).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(405, get.statusCode());
      assertEquals("POST", get.headers().firstValue("Allow").orElseThrow());
      assertEquals(1, listener.received(), "a GET is no body received");
    }
  }

  @Test
  void a_body_over_the_limit_is_refused_and_neither_saved_nor_forwarded(@TempDir Path saved) throws Exception {
    byte[] valid = Files.readAllBytes(Cli.EXAMPLES.resolve("xml/valid-minimal.xml"));
    StringWriter lines = new StringWriter();
    try (LocalApp app = new LocalApp(200);
        Listener listener = Listener.start(ListenerOptions.loopback()
            .withValidation(ValidatorOptions.builder().maxBytes(valid.length - 1).build())
            .withSave(saved).withForwardTo(URI.create(app.url("/"))), new PrintWriter(lines))) {
      HttpResponse<String> answer = post(listener.url(), valid);

      assertEquals(400, answer.statusCode());
      assertEquals("LIMIT", JSON.readTree(answer.body()).at("/problems/0/code").asText());
      assertEquals(0, app.requests.size());
      assertTrue(lines.toString().contains("  not saved: over the size limit, read no further  not forwarded: over"
          + " the size limit, read no further"), lines.toString());
      try (Stream<Path> files = Files.list(saved)) {
        assertEquals(0, files.count());
      }
    }
  }

  @Test
  void saved_names_stay_in_the_folder_whatever_the_job_id_holds_and_taken_names_get_a_number(@TempDir Path saved)
      throws Exception {
    String minimal = Files.readString(Cli.EXAMPLES.resolve("json/valid-minimal.json"));
    String id = JSON.readTree(minimal).findValue("JobId").asText();
    byte[] sneaky = minimal.replace(id, "../../etc/passwd").getBytes(StandardCharsets.UTF_8);
    assertTrue(!minimal.equals(new String(sneaky, StandardCharsets.UTF_8)));
    try (Listener listener = Listener.start(ListenerOptions.loopback().withSave(saved),
        new PrintWriter(new StringWriter()))) {
      assertEquals(200, post(listener.url(), sneaky).statusCode());
      assertEquals(200, post(listener.url(), sneaky).statusCode());
    }
    try (Stream<Path> files = Files.list(saved)) {
      List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
      assertEquals(2, names.size(), names.toString());
      for (String name : names) {
        assertTrue(name.matches("valid-tts-success-[a-z0-9_+-]+(-2)?\\.json") && !name.contains(".."), name);
      }
      assertArrayEquals(sneaky, Files.readAllBytes(saved.resolve(names.get(0))));
    }
  }

  @Test
  void a_client_that_sends_slowly_holds_one_thread_and_the_others_are_answered() throws Exception {
    try (Listener listener = Listener.start(ListenerOptions.loopback().withThreads(2),
            new PrintWriter(new StringWriter()));
        Socket slow = new Socket(listener.address().getAddress(), listener.address().getPort())) {
      OutputStream out = slow.getOutputStream();
      out.write(("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n{\"EventName\"")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      for (int i = 0; i < 3; i++) {
        Cli cli = Cli.run("trigger", "tts-success", "--to", listener.url(), "--timeout", "8");
        assertEquals(0, cli.status(), cli.out());
      }
      assertEquals(3, listener.received());
    }
  }
}
