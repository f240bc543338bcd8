package dev.cicallback.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.cicallback.model.json.JobsDetail;
import dev.cicallback.model.json.Callback;
import dev.cicallback.validator.CallbackReader;
import dev.cicallback.validator.ReadResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A minimal receiver for CI callbacks on the JDK's own HTTP server: reads the body with {@link CallbackReader}
 * (either wire format), answers 200 and hands the callback on when it is valid, 400 with the problems when not.
 */
public final class CallbackEndpoint implements HttpHandler {

  private final CallbackReader reader = CallbackReader.tolerant();
  private final Consumer<Callback> onCallback;

  public CallbackEndpoint(Consumer<Callback> onCallback) {
    this.onCallback = onCallback;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
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
      onCallback.accept(read.callback().get());
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

  /** Serves {@code /ci-callback} on the port given (default 8080) and prints each job that finishes. */
  public static void main(String[] args) throws IOException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
    server.createContext("/ci-callback", new CallbackEndpoint(callback -> {
      for (JobsDetail job : callback.getJobsDetail()) {
        System.out.println(job.getJobId() + " " + job.getState() + " " + job.getEndTime());
      }
    }));
    server.start();
    System.out.println("listening on http://localhost:" + server.getAddress().getPort() + "/ci-callback");
  }

}
