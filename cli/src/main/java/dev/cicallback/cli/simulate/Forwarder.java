package dev.cicallback.cli.simulate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Passes a received body on to the user's app unchanged: the same bytes, the same headers (but those that belong to
 * one connection, which HTTP does not pass on: Host, Content-Length, Connection, Transfer-Encoding, ...), to one URL.
 */
final class Forwarder {

  /** Headers of one hop (RFC 9110 section 7.6.1), and those the client sets itself. */
  static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "keep-alive",
      "transfer-encoding", "te", "trailer", "upgrade", "proxy-connection", "expect", "http2-settings");

  /** The app's answer: its status and first line, or why there was none. */
  record Answer(int status, long millis, String firstLine, String failure) {
    @Override
    public String toString() {
      return failure != null ? "app: no answer: " + failure
          : "app: " + status + " in " + millis + " ms" + (firstLine.isEmpty() ? "" : ": " + firstLine);
    }
  }

  private final HttpClient client;
  private final URI to;
  private final Duration timeout;

  Forwarder(URI to, Duration timeout) {
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER).build();
    this.to = to;
    this.timeout = timeout;
  }

  Answer forward(String method, byte[] body, Map<String, List<String>> headers) throws InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(to).timeout(timeout)
        .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if (NOT_FORWARDED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
        continue;
      }
      for (String value : header.getValue()) {
        try {
          request.header(header.getKey(), value);
        } catch (IllegalArgumentException e) {
          // a name or value the JDK's client refuses to send (restricted, or not a legal header): left out
        }
      }
    }
    long start = System.nanoTime();
    try {
      HttpResponse<byte[]> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(answer.statusCode(), (System.nanoTime() - start) / 1_000_000,
          Sender.firstLine(answer.body()), null);
    } catch (IOException e) {
      return new Answer(0, (System.nanoTime() - start) / 1_000_000, "", Sender.describe(e));
    } catch (IllegalArgumentException e) {
      return new Answer(0, 0, "", e.getMessage());
    }
  }
}
