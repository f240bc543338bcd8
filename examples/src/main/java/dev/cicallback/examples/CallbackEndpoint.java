package dev.cicallback.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.cicallback.model.json.JobsDetail;
import dev.cicallback.model.json.Callback;
import dev.cicallback.validator.CallbackReader;
import dev.cicallback.validator.ReadResult;
import dev.cicallback.validator.UrlSecret;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A minimal receiver for CI callbacks on the JDK's own HTTP server: reads the body with {@link CallbackReader}
 * (either wire format), answers 200 and hands the callback on when it is valid, 400 with the problems when not.
 *
 * <p>{@link #start} serves it on a fixed number of threads, on the loopback address unless given another, with a time
 * limit on each request so that a client sending slowly holds one thread for a while, never the whole server.
 *
 * <p>Given a {@link UrlSecret} (in {@link #main}, the comma-separated secrets of the environment variable
 * {@value #SECRET_VARIABLE}), a request whose query does not carry one of its secrets ({@code ?ci-secret=...}) is
 * answered 404 with no body before its body is read.
 */
public final class CallbackEndpoint implements HttpHandler {

  public static final String PATH = "/ci-callback";
  public static final int DEFAULT_THREADS = 16;
  /** The environment variable {@link #main} reads the URL secrets from, comma-separated. */
  public static final String SECRET_VARIABLE = "CI_CALLBACK_URL_SECRET";

  private final CallbackReader reader = CallbackReader.tolerant();
  private final UrlSecret secret;
  private final Consumer<Callback> onCallback;

  public CallbackEndpoint(Consumer<Callback> onCallback) {
    this(null, onCallback);
  }

  /** Requires {@code secret} in the query (null: no secret required). */
  public CallbackEndpoint(UrlSecret secret, Consumer<Callback> onCallback) {
    this.secret = secret;
    this.onCallback = onCallback;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (secret != null && !secret.matchesQuery(exchange.getRequestURI().getRawQuery())) {
        exchange.sendResponseHeaders(404, -1); // as if there were nothing here; the body is not read
        return;
      }
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "POST");
        answer(exchange, 405, "POST a callback\n");
        return;
      }
      ReadResult read;
      try (InputStream body = exchange.getRequestBody()) {
        read = reader.read(body); // bounded: refuses bodies over 8 MiB unread
      }
      if (read.callback().isEmpty()) {
        answer(exchange, 400, read.problems().stream()
            .map(p -> p.line() + ":" + p.column() + ": " + p.message() + " (" + p.location() + ")")
            .collect(Collectors.joining("\n", "", "\n")));
        return;
      }
      onCallback.accept(read.callback().get()); // keep it quick (it counts against the 10 s answer limit)
      answer(exchange, 200, "OK\n");
    }
  }

  private static void answer(HttpExchange exchange, int status, String text) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** A running receiver; {@link #close()} stops the server and its threads. */
  public record Receiver(HttpServer server, ExecutorService threads) implements AutoCloseable {
    public InetSocketAddress address() {
      return server.getAddress();
    }

    @Override
    public void close() {
      server.stop(0);
      threads.shutdownNow();
    }
  }

  /** Serves {@link #PATH} on 127.0.0.1 at {@code port} (0: any free port) with {@link #DEFAULT_THREADS} threads. */
  public static Receiver start(int port, Consumer<Callback> onCallback) throws IOException {
    return start(new InetSocketAddress("127.0.0.1", port), DEFAULT_THREADS, onCallback);
  }

  /** Serves {@link #PATH} on {@code address} with {@code threads} threads, named ci-callback-PORT-N. */
  public static Receiver start(InetSocketAddress address, int threads, Consumer<Callback> onCallback)
      throws IOException {
    return start(address, threads, null, onCallback);
  }

  /**
   * Serves {@link #PATH} on {@code address} with {@code threads} threads, requiring {@code secret} in the query (null:
   * none).
   */
  public static Receiver start(InetSocketAddress address, int threads, UrlSecret secret, Consumer<Callback> onCallback)
      throws IOException {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, not " + threads);
    }
    // The JDK's server reads these once, when the JVM's first server is made; a -D on the command line wins.
    // It writes the status line and headers, then the body: without TCP_NODELAY the body waits for the client's
    // delayed ACK of the headers, about 40 ms a request on a kept-alive connection.
    System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
    // A request must arrive whole within 10 s (headers and body) and its answer be sent within 10 s, or the server
    // closes the connection: a client sending a byte a second holds one thread for 10 s, no longer.
    System.getProperties().putIfAbsent("sun.net.httpserver.maxReqTime", "10");
    System.getProperties().putIfAbsent("sun.net.httpserver.maxRspTime", "10");

    HttpServer server = HttpServer.create(address, 0);
    String name = "ci-callback-" + server.getAddress().getPort() + "-";
    AtomicInteger count = new AtomicInteger();
    // Without an executor the server handles every request on its one dispatching thread, one request at a time.
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> new Thread(r, name + count.incrementAndGet()));
    server.setExecutor(pool);
    server.createContext(PATH, new CallbackEndpoint(secret, onCallback));
    server.start();
    return new Receiver(server, pool);
  }

  /** The address {@link #main} listens on: {@code [PORT [ADDRESS]]}, by default 8080 on 127.0.0.1. */
  static InetSocketAddress address(String... args) {
    if (args.length > 2) {
      throw new IllegalArgumentException("expected at most a port and an address, got " + args.length + " arguments");
    }
    int port = -1;
    try {
      port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
    } catch (NumberFormatException e) {
      // refused below
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("not a port: " + args[0]);
    }
    InetSocketAddress address = new InetSocketAddress(args.length > 1 ? args[1] : "127.0.0.1", port);
    if (address.isUnresolved()) {
      throw new IllegalArgumentException("unknown address: " + args[1]);
    }
    return address;
  }

  /**
   * Serves {@code /ci-callback} and prints each job that finishes. Arguments: {@code [PORT [ADDRESS]]}, by default
   * 8080 on 127.0.0.1 (put a reverse proxy in front); {@code 0.0.0.0} listens on every interface. With
   * {@value #SECRET_VARIABLE} set, the callback URL must carry one of its secrets: {@code /ci-callback?ci-secret=...}.
   */
  public static void main(String[] args) {
    InetSocketAddress address;
    try {
      address = address(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage() + "\nusage: CallbackEndpoint [PORT [ADDRESS]] (default: 8080 127.0.0.1)");
      System.exit(2);
      return;
    }
    UrlSecret secret;
    try {
      String secrets = System.getenv(SECRET_VARIABLE);
      secret = secrets == null || secrets.isBlank() ? null : UrlSecret.of(Arrays.asList(secrets.split(",")));
    } catch (IllegalArgumentException e) {
      System.err.println(SECRET_VARIABLE + ": " + e.getMessage()); // names the secret's position, never its value
      System.exit(2);
      return;
    }
    try {
      Receiver receiver = start(address, DEFAULT_THREADS, secret, callback -> {
        for (JobsDetail job : callback.getJobsDetail()) {
          System.out.println(job.getJobId() + " " + job.getState() + " " + job.getEndTime());
        }
      });
      String host = receiver.address().getAddress().getHostAddress();
      System.out.println("listening on http://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
          + receiver.address().getPort() + PATH + (secret == null ? "" : "?" + secret.parameter() + "=..."));
    } catch (IOException e) {
      System.err.println("cannot listen on " + address.getHostString() + ":" + address.getPort() + ": " + e.getMessage());
      System.exit(1);
    }
  }
}
