package dev.cicallback.examples;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cicallback.model.json.Callback;
import dev.cicallback.validator.UrlSecret;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CallbackEndpointTest {

  private static final Path EXAMPLES = Path.of(System.getProperty("schema.dir", "../schema")).resolve("examples");

  private final List<Callback> received = new CopyOnWriteArrayList<>();
  private final HttpClient client = HttpClient.newHttpClient();
  private final List<Closeable> toClose = new ArrayList<>();
  private CallbackEndpoint.Receiver receiver;
  private URI uri;

  @BeforeEach
  void start() throws IOException {
    receiver = CallbackEndpoint.start(0, received::add);
    uri = URI.create("http://127.0.0.1:" + receiver.address().getPort() + CallbackEndpoint.PATH);
  }

  @AfterEach
  void stop() throws IOException {
    for (Closeable c : toClose) {
      c.close();
    }
    receiver.close();
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
  void with_a_url_secret_a_request_without_it_is_answered_404_and_never_handed_on() throws Exception {
    String old = "old-secret-3c9e71a0b5d2";
    String current = "new-secret-8a4f02d6e1b7";
    UrlSecret secret = UrlSecret.of(List.of(old, current));
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    java.io.PrintStream out = System.out;
    java.io.PrintStream err = System.err;
    System.setOut(new java.io.PrintStream(captured, true, UTF_8));
    System.setErr(new java.io.PrintStream(captured, true, UTF_8));
    // The JDK server's own log at its default level (INFO) to the captured stream. At FINE it logs every request line,
    // query included: docs/authenticity.md says to keep it above that.
    java.util.logging.Logger serverLog = java.util.logging.Logger.getLogger("com.sun.net.httpserver");
    java.util.logging.Handler handler = new java.util.logging.ConsoleHandler();
    handler.setLevel(java.util.logging.Level.ALL);
    serverLog.addHandler(handler);
    try (CallbackEndpoint.Receiver guarded =
        CallbackEndpoint.start(new InetSocketAddress("127.0.0.1", 0), 2, secret, received::add)) {
      String base = "http://127.0.0.1:" + guarded.address().getPort() + CallbackEndpoint.PATH;
      Path body = EXAMPLES.resolve("xml/valid-seed-workflow.xml");
      for (String query : List.of("", "?ci-secret=", "?ci-secret=wrong-secret-0000000000", "?ci-secret=" + old + "x",
          "?secret=" + old, "?ci-secret=" + old + "&ci-secret=" + current)) {
        HttpResponse<String> response = client.send(
            HttpRequest.newBuilder(URI.create(base + query)).POST(HttpRequest.BodyPublishers.ofFile(body)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(404, response.statusCode(), query);
        assertEquals("", response.body(), query);
      }
      assertEquals(List.of(), received);
      for (String query : List.of("?ci-secret=" + old, "?x=1&ci-secret=" + current)) {
        HttpResponse<String> response = client.send(
            HttpRequest.newBuilder(URI.create(base + query)).POST(HttpRequest.BodyPublishers.ofFile(body)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), query);
      }
      assertEquals(2, received.size());
      HttpResponse<String> invalid = client.send(HttpRequest.newBuilder(URI.create(base + "?ci-secret=" + old))
              .POST(HttpRequest.BodyPublishers.ofString("<Response/>")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(400, invalid.statusCode());
      assertTrue(!invalid.body().contains(old), invalid.body());
    } finally {
      serverLog.removeHandler(handler);
      System.setOut(out);
      System.setErr(err);
    }
    String all = captured.toString(UTF_8);
    assertTrue(!all.contains(old) && !all.contains(current), all);
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

  @Test
  void binds_the_loopback_address_unless_told_otherwise() {
    assertTrue(receiver.address().getAddress().isLoopbackAddress(), receiver.address().toString());
    assertEquals("127.0.0.1", receiver.address().getAddress().getHostAddress());

    assertEquals(new InetSocketAddress("127.0.0.1", 8080), CallbackEndpoint.address());
    assertEquals(new InetSocketAddress("127.0.0.1", 9000), CallbackEndpoint.address("9000"));
    assertEquals(new InetSocketAddress("0.0.0.0", 9000), CallbackEndpoint.address("9000", "0.0.0.0"));
  }

  @Test
  void refuses_bad_arguments_with_a_clear_message() {
    assertEquals("not a port: abc",
        assertThrows(IllegalArgumentException.class, () -> CallbackEndpoint.address("abc")).getMessage());
    assertEquals("not a port: 70000",
        assertThrows(IllegalArgumentException.class, () -> CallbackEndpoint.address("70000")).getMessage());
    assertEquals("unknown address: no-such-host.invalid",
        assertThrows(IllegalArgumentException.class, () -> CallbackEndpoint.address("1", "no-such-host.invalid"))
            .getMessage());
    assertEquals("expected at most a port and an address, got 3 arguments",
        assertThrows(IllegalArgumentException.class, () -> CallbackEndpoint.address("1", "2", "3")).getMessage());
  }

  /**
   * One client trickles its request line and headers a byte a second, another its body: neither holds up the
   * others, and the server closes both once the request time limit has passed.
   */
  @Test
  void two_requests_are_answered_while_clients_trickle_and_the_tricklers_are_cut_off() throws Exception {
    byte[] valid = Files.readAllBytes(EXAMPLES.resolve("json/valid-seed-workflow.json"));
    byte[] head = request(valid, false);
    long started = System.nanoTime();
    Connection headers = connect();
    Connection body = connect();
    body.out.write(Arrays.copyOf(head, head.length - valid.length)); // the headers whole, the body not yet
    for (int second = 0; second < 2; second++) { // a byte a second on each, while the two requests are made
      headers.out.write(head[second]);
      body.out.write(valid[second]);
      Thread.sleep(1000);
    }

    List<String> statuses = new ArrayList<>();
    List<String> answers = new ArrayList<>();
    long slowest = 0;
    for (int i = 0; i < 2; i++) {
      long t0 = System.nanoTime();
      String status;
      try (Connection c = connect()) {
        status = c.exchange(valid, true).status;
      } catch (SocketTimeoutException e) {
        status = "no answer";
      }
      long ms = millis(System.nanoTime() - t0);
      slowest = Math.max(slowest, ms);
      statuses.add(status);
      answers.add(status + " in " + ms + " ms");
    }
    System.out.println("answers while two clients trickle: " + answers);
    assertEquals(List.of("HTTP/1.1 200 OK", "HTTP/1.1 200 OK"), statuses, answers::toString);
    assertTrue(slowest < 2000, answers::toString);

    long limit = TimeUnit.SECONDS.toMillis(Long.getLong("sun.net.httpserver.maxReqTime", -1));
    assertTrue(limit > 0, "the request time limit is set");
    headers.socket.setSoTimeout((int) limit + 5000);
    body.socket.setSoTimeout((int) limit + 5000);
    assertEquals(-1, headers.readOrEnd(), "the trickler of headers gets no answer");
    assertEquals(-1, body.readOrEnd(), "the trickler of a body gets no answer");
    long cutOff = millis(System.nanoTime() - started);
    System.out.println("tricklers cut off after " + cutOff + " ms (limit " + limit + " ms)");
    assertTrue(cutOff < limit + 4000, cutOff + " ms, limit " + limit + " ms");
  }

  /** The same requests on one kept-alive connection and on a fresh connection each: alike per request. */
  @Test
  void requests_on_a_kept_alive_connection_are_answered_as_fast_as_on_fresh_ones() throws Exception {
    byte[] valid = Files.readAllBytes(EXAMPLES.resolve("json/valid-seed-workflow.json"));
    int n = 40;
    for (int i = 0; i < n; i++) { // warm up the reader
      try (Connection c = connect()) {
        c.exchange(valid, true);
      }
    }

    long[] fresh = new long[n];
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      try (Connection c = connect()) {
        assertEquals("HTTP/1.1 200 OK", c.exchange(valid, true).status);
      }
      fresh[i] = System.nanoTime() - t0;
    }
    long[] kept = new long[n];
    try (Connection c = connect()) {
      for (int i = 0; i < n; i++) {
        long t0 = System.nanoTime();
        assertEquals("HTTP/1.1 200 OK", c.exchange(valid, false).status);
        kept[i] = System.nanoTime() - t0;
      }
    }

    double freshMedian = median(fresh);
    double keptMedian = median(kept);
    String figures = String.format(Locale.ROOT, "median per request: kept alive %.2f ms, fresh %.2f ms (%d each)",
        keptMedian, freshMedian, n);
    System.out.println(figures);
    assertTrue(keptMedian < freshMedian + 20, figures);
    assertEquals(3 * n, received.size());
  }

  /** Fifty slow connections at once are served by the receiver's own threads, no more than it was given. */
  @Test
  void fifty_slow_connections_use_no_more_than_the_configured_threads() throws Exception {
    int threads = 4;
    try (CallbackEndpoint.Receiver small =
        CallbackEndpoint.start(new InetSocketAddress("127.0.0.1", 0), threads, received::add)) {
      String prefix = "ci-callback-" + small.address().getPort() + "-";
      int before = ManagementFactory.getThreadMXBean().getThreadCount();
      byte[] head = ("POST " + CallbackEndpoint.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n").getBytes(US_ASCII);
      List<Connection> slow = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        slow.add(connect(small.address()));
      }
      int most = 0;
      for (int second = 0; second < 3; second++) {
        for (Connection c : slow) {
          c.out.write(head[second]);
        }
        Thread.sleep(1000);
        most = Math.max(most, workers(prefix));
      }
      int grown = ManagementFactory.getThreadMXBean().getThreadCount() - before;

      assertEquals(threads, most, "worker threads while 50 connections trickle");
      assertTrue(grown <= threads + 3, grown + " threads more"); // the workers, the dispatcher and two timers
    }
  }

  private static int workers(String prefix) {
    return (int) Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith(prefix))
        .count();
  }

  private static double median(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return (sorted[(sorted.length - 1) / 2] + sorted[sorted.length / 2]) / 2e6;
  }

  private static long millis(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }

  private static byte[] request(byte[] body, boolean close) {
    byte[] head = ("POST " + CallbackEndpoint.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + body.length
        + "\r\n" + (close ? "Connection: close\r\n" : "") + "\r\n").getBytes(US_ASCII);
    byte[] request = Arrays.copyOf(head, head.length + body.length);
    System.arraycopy(body, 0, request, head.length, body.length);
    return request;
  }

  private Connection connect() throws IOException {
    return connect(receiver.address());
  }

  private Connection connect(InetSocketAddress address) throws IOException {
    Connection c = new Connection(new Socket(address.getAddress(), address.getPort()));
    toClose.add(c);
    return c;
  }

  /** A plain HTTP/1.1 client connection: each request is written whole, in one write. */
  private static final class Connection implements Closeable {
    final Socket socket;
    final OutputStream out;
    final InputStream in;

    Connection(Socket socket) throws IOException {
      this.socket = socket;
      socket.setSoTimeout(20_000); // generous: a busy machine must not fail the test, a hang still does
      this.out = socket.getOutputStream();
      this.in = new BufferedInputStream(socket.getInputStream());
    }

    record Answer(String status, String body) {}

    Answer exchange(byte[] body, boolean close) throws IOException {
      out.write(request(body, close));
      out.flush();
      String status = line();
      int length = 0;
      for (String header = line(); !header.isEmpty(); header = line()) {
        if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
          length = Integer.parseInt(header.substring("content-length:".length()).trim());
        }
      }
      return new Answer(status, new String(in.readNBytes(length), UTF_8));
    }

    /** The next byte, or -1 when the server has closed the connection (or reset it). */
    int readOrEnd() throws IOException {
      try {
        return in.read();
      } catch (SocketTimeoutException e) {
        throw e;
      } catch (IOException reset) {
        return -1;
      }
    }

    private String line() throws IOException {
      StringBuilder line = new StringBuilder();
      for (int b = in.read(); b != '\n'; b = in.read()) {
        if (b == -1) {
          throw new IOException("the connection closed mid-answer: " + line);
        }
        if (b != '\r') {
          line.append((char) b);
        }
      }
      return line.toString();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
