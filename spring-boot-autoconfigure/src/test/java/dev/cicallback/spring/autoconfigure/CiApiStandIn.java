package dev.cicallback.spring.autoconfigure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.qcloud.cos.auth.BasicCOSCredentials;
import com.qcloud.cos.auth.COSSigner;
import com.qcloud.cos.http.HttpMethodName;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in of CI's API on loopback: checks each request's COS signature against the one Tencent's own signer
 * computes with the same SecretKey (403 {@code SignatureDoesNotMatch} otherwise, as CI answers) and serves recorded
 * answers made from the repository's fixtures, 404 for anything else; or, when told, answers every request with a
 * status, or drops the connection unanswered.
 */
final class CiApiStandIn implements AutoCloseable {

  /** {@link #status} that drops the connection without an answer. */
  static final int DROP = -1;

  private static final ObjectMapper JSON = new ObjectMapper();

  final String secretId;
  private final String secretKey;
  private final HttpServer server;
  final Map<String, byte[]> answers = new ConcurrentHashMap<>();
  final List<String> refused = new CopyOnWriteArrayList<>();
  final AtomicInteger requests = new AtomicInteger();
  volatile int status;

  CiApiStandIn(String secretId, String secretKey) throws IOException {
    this.secretId = secretId;
    this.secretKey = secretKey;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", this::handle);
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** DescribeMediaJob's and the workflow run's answer: a callback fixture without its EventName. */
  static byte[] jobAnswer(byte[] callbackXml) {
    String xml = new String(callbackXml, StandardCharsets.UTF_8);
    return xml.replaceFirst("\\s*<EventName>[^<]*</EventName>", "").getBytes(StandardCharsets.UTF_8);
  }

  /** A moderation query's answer: the leaves of a Detail callback fixture's JobsDetail, as CI's XML. */
  static byte[] moderationAnswer(byte[] detailJson) throws IOException {
    JsonNode job = JSON.readTree(detailJson).path("JobsDetail");
    StringBuilder xml = new StringBuilder("<Response>\n  <JobsDetail>\n");
    job.fields().forEachRemaining(field -> {
      if (field.getValue().isValueNode()) {
        xml.append("    <").append(field.getKey()).append('>').append(field.getValue().asText()
            .replace("&", "&amp;").replace("<", "&lt;")).append("</").append(field.getKey()).append(">\n");
      }
    });
    return xml.append("  </JobsDetail>\n  <RequestId>NjU3YTI5ZTZfOTBmYTUwOV8xN2M3X2E5</RequestId>\n</Response>\n")
        .toString().getBytes(StandardCharsets.UTF_8);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      requests.incrementAndGet();
      int forced = status;
      if (forced == DROP) {
        return; // closed without a status line
      }
      if (forced != 0) {
        send(exchange, forced, error(forced == 429 ? "RequestLimitExceeded" : "ServiceUnavailable"));
        return;
      }
      String why = signatureProblem(exchange);
      if (why != null) {
        refused.add(why);
        send(exchange, 403, error("SignatureDoesNotMatch"));
        return;
      }
      byte[] answer = answers.get(exchange.getRequestURI().getRawPath());
      if (answer == null) {
        send(exchange, 404, error("NoSuchResource"));
        return;
      }
      send(exchange, 200, answer);
    }
  }

  /** Null when the Authorization header is the one the SDK's signer computes for this request with our key. */
  private String signatureProblem(HttpExchange exchange) {
    String given = exchange.getRequestHeaders().getFirst("Authorization");
    if (given == null) {
      return "no Authorization";
    }
    Map<String, String> fields = new HashMap<>();
    for (String pair : given.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        fields.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }
    if (!secretId.equals(fields.get("q-ak"))) {
      return "unknown SecretId";
    }
    String[] times = fields.getOrDefault("q-sign-time", "").split(";");
    if (times.length != 2) {
      return "no q-sign-time";
    }
    long start = Long.parseLong(times[0]);
    long end = Long.parseLong(times[1]);
    long now = System.currentTimeMillis() / 1000;
    if (now < start - 60 || now > end) {
      return "expired";
    }
    Map<String, String> headers = new HashMap<>();
    for (String name : fields.getOrDefault("q-header-list", "").split(";")) {
      if (!name.isEmpty()) {
        String value = exchange.getRequestHeaders().getFirst(name);
        headers.put(name, value == null ? "" : value);
      }
    }
    String expected = new COSSigner().buildAuthorizationStr(HttpMethodName.GET,
        exchange.getRequestURI().getRawPath(), headers, Map.of(), new BasicCOSCredentials(secretId, secretKey),
        new Date(start * 1000), new Date(end * 1000), true);
    return expected.equals(given) ? null : "signature differs";
  }

  private static byte[] error(String code) {
    return ("<Error><Code>" + code + "</Code><Message>stand-in</Message></Error>").getBytes(StandardCharsets.UTF_8);
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/xml");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
