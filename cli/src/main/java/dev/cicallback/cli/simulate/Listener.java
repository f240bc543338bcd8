package dev.cicallback.cli.simulate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cicallback.validator.CallbackReader;
import dev.cicallback.validator.CallbackWriter;
import dev.cicallback.validator.Problem;
import dev.cicallback.validator.ReadResult;
import dev.cicallback.validator.UrlSecret;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code ci-callback listen}'s receiver on the JDK's HTTP server: validates every body POSTed to it (any path),
 * prints one line each, saves it when asked, forwards it unchanged when asked and prints the app's answer, and
 * answers 200 for a valid body, 400 with the problems (JSON) otherwise.
 *
 * <p>Hardened as {@code examples/CallbackEndpoint} is: loopback unless told otherwise, a fixed pool of threads, a
 * body read no further than the size limit + 1 byte, and the JDK server's time limits (a request must arrive within
 * 10 s, its answer be sent within 10 s), so that a slow client holds one thread for a while, never the server.
 */
public final class Listener implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ListenerOptions options;
  private final HttpServer server;
  private final ExecutorService threads;
  private final PrintWriter out;
  private final CallbackReader reader;
  private final BodyFiles files;
  private final Forwarder forwarder;
  private final AtomicInteger received = new AtomicInteger();
  private final AtomicInteger valid = new AtomicInteger();
  private final CountDownLatch enough;
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile UrlSecret secret;

  private Listener(ListenerOptions options, HttpServer server, ExecutorService threads, PrintWriter out) {
    this.options = options;
    this.server = server;
    this.threads = threads;
    this.out = out;
    this.reader = CallbackReader.create(options.validation());
    this.files = options.save().map(BodyFiles::new).orElse(null);
    this.forwarder = options.forwardTo().map(uri -> new Forwarder(uri, options.forwardTimeout())).orElse(null);
    this.enough = new CountDownLatch(options.maxRequests() > 0 ? 1 : 0);
  }

  /** Starts listening; each body's line goes to {@code out}. */
  public static Listener start(ListenerOptions options, PrintWriter out) throws IOException {
    return start(options, out, null);
  }

  /**
   * Starts listening, answering 404 (body unread, a line printed without the query) to a request whose query does not
   * carry one of {@code secret}'s secrets; null: none required.
   */
  public static Listener start(ListenerOptions options, PrintWriter out, UrlSecret secret) throws IOException {
    // The JDK's server reads these once, when the JVM's first server is made; a -D on the command line wins.
    System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
    System.getProperties().putIfAbsent("sun.net.httpserver.maxReqTime", "10");
    System.getProperties().putIfAbsent("sun.net.httpserver.maxRspTime", "10");
    HttpServer server = HttpServer.create(options.address(), 0);
    String name = "ci-callback-listen-" + server.getAddress().getPort() + "-";
    AtomicInteger count = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(options.threads(), runnable -> {
      Thread thread = new Thread(runnable, name + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(pool);
    Listener listener = new Listener(options, server, pool, out);
    listener.secret = secret;
    listener.warmUp();
    server.createContext("/", listener::handle);
    server.start();
    return listener;
  }

  /**
   * Reads a callback in each format once before the first request, so that the schemas are compiled and CI's first
   * callback is answered as fast as the others (the first read of a format takes about a second).
   */
  private void warmUp() throws IOException {
    String fixture = EventCatalogue.FIXTURES + EventCatalogue.find("tts-success").orElseThrow().fixture();
    try (InputStream in = Listener.class.getResourceAsStream("/" + fixture)) {
      if (in == null) {
        throw new IllegalStateException("the fixture " + fixture + " is not packaged");
      }
      ReadResult xml = reader.read(in.readAllBytes());
      xml.callback().ifPresent(callback -> reader.read(CallbackWriter.toJson(callback)));
    }
  }

  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** The URL to post to: {@code http://127.0.0.1:PORT/}. */
  public String url() {
    String host = address().getAddress().getHostAddress();
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address().getPort() + "/";
  }

  /** Bodies received so far. */
  public int received() {
    return received.get();
  }

  /** Waits until {@link ListenerOptions#maxRequests()} bodies have been answered (at once when there is no limit). */
  public void awaitMaxRequests() throws InterruptedException {
    enough.await();
  }

  /** Waits until {@link #close()}; true if it was closed within {@code seconds}. */
  public boolean awaitClose(long seconds) throws InterruptedException {
    return closed.await(seconds, TimeUnit.SECONDS);
  }

  /** {@code 3 received: 2 valid, 1 invalid}. */
  public String summary() {
    int all = received.get();
    return all + " received: " + valid.get() + " valid, " + (all - valid.get()) + " invalid";
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
    closed.countDown();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (secret != null && !secret.matchesQuery(exchange.getRequestURI().getRawQuery())) {
        print(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
            + ": 404, no or wrong URL secret");
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "POST");
        answer(exchange, 405, "{\"error\": \"POST a callback\"}\n");
        print(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + ": 405, POST a callback");
        return;
      }
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes((int) Math.min(options.validation().maxBytes() + 1, Integer.MAX_VALUE - 8));
      }
      ReadResult read = reader.read(body);
      Received what = Received.of(body, read);
      StringBuilder line = new StringBuilder(line(read.isValid() ? 200 : 400, what));
      boolean whole = body.length <= options.validation().maxBytes();
      if (files != null) {
        line.append("  ").append(whole ? files.save(what, body, exchange.getRequestHeaders().getFirst("Content-Type"))
            : "not saved: over the size limit, read no further");
      }
      if (forwarder != null) {
        line.append("  ").append(whole
            ? forwarder.forward("POST", body, exchange.getRequestHeaders()).toString()
            : "not forwarded: over the size limit, read no further");
      }
      received.incrementAndGet();
      if (read.isValid()) {
        valid.incrementAndGet();
      }
      print(line.toString()); // before the answer: once a sender has its answer, the line is out
      answer(exchange, read.isValid() ? 200 : 400, answerBody(read));
      if (options.maxRequests() > 0 && received.get() >= options.maxRequests()) {
        enough.countDown();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** {@code 200 valid TaskFinish Tts Success j...}, then the first problem. */
  static String line(int status, Received what) {
    StringBuilder line = new StringBuilder().append(status).append(' ').append(what.valid() ? "valid  " : "invalid")
        .append(' ').append(what.event()).append(' ').append(what.tag()).append(' ').append(what.state())
        .append(' ').append(what.id());
    what.firstProblem().ifPresent(p -> line.append("  ").append(ProblemText.line(p)));
    return line.toString();
  }

  /** {"valid": true|false, "problems": [...]} */
  private static String answerBody(ReadResult read) throws IOException {
    ObjectNode answer = JSON.createObjectNode().put("valid", read.isValid());
    ArrayNode problems = answer.putArray("problems");
    for (Problem p : read.problems()) {
      problems.addObject().put("severity", p.severity().label()).put("code", p.code().name()).put("line", p.line())
          .put("column", p.column()).put("location", p.location()).put("message", p.message());
    }
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(answer) + "\n";
  }

  private synchronized void print(String line) {
    out.println(line);
    out.flush();
  }

  private static void answer(HttpExchange exchange, int status, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream body = exchange.getResponseBody()) {
      body.write(bytes);
    }
  }
}
