package dev.cicallback.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.cicallback.model.json.Callback;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CallbackEndpointTest {

  private static final Path EXAMPLES = Path.of(System.getProperty("schema.dir", "../schema")).resolve("examples");

  private final List<Callback> received = new CopyOnWriteArrayList<>();
  private final HttpClient client = HttpClient.newHttpClient();
  private HttpServer server;
  private URI uri;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/ci-callback", new CallbackEndpoint(received::add));
    server.start();
    uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ci-callback");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private HttpResponse<String> post(Path payload) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofFile(payload)).build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void answers_200_and_hands_on_a_valid_callback_in_either_format() throws Exception {
    assertEquals(200, post(EXAMPLES.resolve("xml/valid-seed-workflow.xml")).statusCode());
    assertEquals(200, post(EXAMPLES.resolve("json/valid-seed-workflow.json")).statusCode());

    assertEquals(2, received.size());
    assertEquals(received.get(0), received.get(1));
    assertEquals("j707f4864f86811ecb90d0b03267ce0e5", received.get(0).getJobsDetail().get(0).getJobId());
  }

  @Test
  void answers_400_with_the_problems_for_an_invalid_body() throws Exception {
    HttpResponse<String> response = post(EXAMPLES.resolve("xml/invalid-volume-above-10.xml"));

    assertEquals(400, response.statusCode());
    assertTrue(response.body().startsWith("43:17: Volume: \"11\" is not allowed"), response.body());
    assertTrue(received.isEmpty());
  }

  @Test
  void answers_405_to_anything_but_post() throws Exception {
    HttpResponse<String> response =
        client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());

    assertEquals(405, response.statusCode());
    assertTrue(Files.exists(EXAMPLES));
  }
}
