package dev.cicallback.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.cicallback.cli.simulate.Body;
import dev.cicallback.cli.simulate.CiApiStandIn;
import dev.cicallback.model.json.Callback;
import dev.cicallback.validator.CallbackReader;
import dev.cicallback.validator.ModerationCallback;
import dev.cicallback.validator.PayloadFormat;
import dev.cicallback.validator.ReadResult;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * {@code trigger --serve-ci-api PORT}: a service that confirms each callback by asking CI's API finds every body the
 * simulator sent (a job, a workflow run, a moderation result), CI's way; a JobId it did not send is 404, a request
 * without a COS Authorization 403.
 */
class CiApiStandInTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final CallbackReader READER = CallbackReader.tolerant();

  @Test
  void aConfirmingServiceFindsEveryBodyTriggerSent() throws Exception {
    int apiPort;
    try (ServerSocket free = new ServerSocket(0)) {
      apiPort = free.getLocalPort();
    }
    List<String> asked = new CopyOnWriteArrayList<>();
    HttpServer app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    String api = "http://127.0.0.1:" + apiPort;
    app.createContext("/", exchange -> {
      try (exchange; InputStream in = exchange.getRequestBody()) {
        ReadResult read = READER.read(in.readAllBytes(),
            exchange.getRequestHeaders().getFirst("X-Ci-Content-Version"));
        String path = queryPath(read);
        asked.add(path);
        int status = get(api + path, true).statusCode() == 200 ? 200 : 403;
        exchange.sendResponseHeaders(status, -1);
      } catch (Exception e) {
        exchange.sendResponseHeaders(500, -1);
      }
    });
    app.start();
    try {
      String to = "http://127.0.0.1:" + app.getAddress().getPort() + "/ci-callback";
      for (String event : List.of("tts-success", "workflow-finish", "moderation-image-detail")) {
        Cli cli = Cli.run("trigger", event, "--to", to, "--count", "2", "--serve-ci-api", String.valueOf(apiPort));
        assertEquals(0, cli.status(), cli.out() + cli.err());
        assertTrue(cli.out().startsWith("serving CI's API at " + api + " for the bodies sent"), cli.out());
        assertEquals(2, cli.out().lines().filter(l -> l.startsWith("ci-api: GET ") && l.endsWith(" 200")).count(),
            cli.out());
      }
    } finally {
      app.stop(0);
    }
    assertEquals(6, asked.size(), asked.toString());
    assertTrue(asked.stream().anyMatch(p -> p.startsWith("/jobs/j")), asked.toString());
    assertTrue(asked.stream().anyMatch(p -> p.startsWith("/workflowexecution/")), asked.toString());
    assertTrue(asked.stream().anyMatch(p -> p.startsWith("/image/auditing/")), asked.toString());
  }

  @Test
  void recordsAreCisAnswersAndAnythingElseIsRefused() throws Exception {
    StringWriter lines = new StringWriter();
    byte[] job = Files.readAllBytes(Cli.EXAMPLES.resolve("json/valid-seed-case1-task-api.json"));
    try (CiApiStandIn ci = CiApiStandIn.start(new InetSocketAddress("127.0.0.1", 0), new PrintWriter(lines))) {
      ci.record(new Body("job", Optional.of(PayloadFormat.JSON), job, "j707f4864f86811ecb90d0b03267ce0e5",
          Body.Expect.ACCEPTED));
      HttpResponse<String> answer = get(ci.url() + "/jobs/j707f4864f86811ecb90d0b03267ce0e5", true);
      assertEquals(200, answer.statusCode());
      ReadResult record = READER.readJobResponse(answer.body().getBytes(StandardCharsets.UTF_8));
      assertTrue(record.isValid(), record.problems().toString());
      assertTrue(answer.body().startsWith("<Response>") && !answer.body().contains("EventName"), answer.body());
      assertEquals(READER.read(job).callback(),
          record.callback().map(c -> c.withEventName(Callback.EventName.TASK_FINISH)));
      assertEquals(404, get(ci.url() + "/jobs/j00000000000000000000000000000000", true).statusCode());
      assertEquals(403, get(ci.url() + "/jobs/j707f4864f86811ecb90d0b03267ce0e5", false).statusCode());
    }
    assertTrue(lines.toString().contains("ci-api: GET /jobs/j00000000000000000000000000000000 404"), lines.toString());
  }

  private static String queryPath(ReadResult read) {
    if (read.moderation().isPresent()) {
      ModerationCallback m = read.moderation().get();
      return "/image/auditing/" + m.detail().orElseThrow().getJobsDetail().getJobId();
    }
    Callback callback = read.callback().orElseThrow();
    return callback.getWorkflowExecution() != null
        ? "/workflowexecution/" + callback.getWorkflowExecution().getRunId()
        : "/jobs/" + callback.getJobsDetail().get(0).getJobId();
  }

  private static HttpResponse<String> get(String url, boolean signed) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
    if (signed) {
      request.header("Authorization", "q-sign-algorithm=sha1&q-ak=AKIDlocal&q-sign-time=0;1&q-signature=0");
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
