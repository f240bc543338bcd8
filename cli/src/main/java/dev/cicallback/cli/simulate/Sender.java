package dev.cicallback.cli.simulate;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Posts bodies to one URL over HTTP/1.1 and says how each was answered. With {@code retries}, a connection that
 * fails or a 5xx or 429 answer is tried again after {@code retryDelay}, doubled each time; off by default.
 */
public final class Sender {

  /** What identifies the sender to the endpoint. */
  static final String USER_AGENT = "ci-callback-trigger";

  private final HttpClient client;
  private final URI to;
  private final Duration timeout;
  private final int retries;
  private final Duration retryDelay;
  private final List<String[]> headers;

  /** {@code headers}: extra request headers, name and value. */
  public Sender(URI to, Duration timeout, int retries, Duration retryDelay, List<String[]> headers) {
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    this.to = to;
    this.timeout = timeout;
    this.retries = retries;
    this.retryDelay = retryDelay;
    this.headers = List.copyOf(headers);
  }

  /** Posts {@code body}, retrying as configured; never throws for a network failure (the delivery says it). */
  Delivery send(Body body) throws InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(to)
        .timeout(timeout)
        .header("Content-Type", body.contentType())
        .header("User-Agent", USER_AGENT)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
    body.contentVersion().ifPresent(form -> request.header("X-Ci-Content-Version", form));
    for (String[] header : headers) {
      request.setHeader(header[0], header[1]);
    }
    HttpRequest built = request.build();
    Duration delay = retryDelay;
    for (int attempt = 1; ; attempt++) {
      long start = System.nanoTime();
      Delivery delivery;
      try {
        HttpResponse<byte[]> response = client.send(built, HttpResponse.BodyHandlers.ofByteArray());
        delivery = new Delivery(body, Optional.of(response.statusCode()), System.nanoTime() - start, attempt, null,
            firstLine(response.body()));
      } catch (IOException e) {
        delivery = new Delivery(body, Optional.empty(), System.nanoTime() - start, attempt, describe(e), "");
      }
      boolean again = delivery.status().map(s -> s >= 500 || s == 429).orElse(true);
      if (!again || attempt > retries) {
        return delivery;
      }
      Thread.sleep(delay.toMillis());
      delay = delay.multipliedBy(2);
    }
  }

  /** The failure in words: the JDK's network exceptions often carry no message. */
  static String describe(IOException e) {
    if (e instanceof HttpConnectTimeoutException) {
      return "no connection within the timeout";
    }
    if (e instanceof HttpTimeoutException) {
      return "no answer within the timeout";
    }
    if (e instanceof ConnectException) {
      return "connection refused";
    }
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      Throwable cause = e.getCause();
      message = cause != null && cause.getMessage() != null ? cause.getMessage() : e.getClass().getSimpleName();
    }
    return "connection closed without an answer (" + message + ")";
  }

  /** The answer's first line, at most 200 characters, control characters removed. */
  static String firstLine(byte[] answer) {
    String text = new String(answer, 0, Math.min(answer.length, 4096), StandardCharsets.UTF_8).strip();
    int newline = text.indexOf('\n');
    String line = (newline < 0 ? text : text.substring(0, newline)).replaceAll("\\p{Cntrl}", " ");
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }
}
