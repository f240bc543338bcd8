package dev.cicallback.cli.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cicallback.model.json.Callback;
import dev.cicallback.model.json.JobsDetail;
import dev.cicallback.validator.CallbackReader;
import dev.cicallback.validator.CallbackWriter;
import dev.cicallback.validator.ModerationCallback;
import dev.cicallback.validator.ReadResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stand-in of CI's query API for local runs ({@code trigger --serve-ci-api PORT}): every body the simulator sends is
 * recorded as CI would report it, so that a service confirming callbacks ({@code ci-callback.confirm.endpoint} set to
 * {@link #url()}) finds each one: {@code GET /jobs/<JobId>} (the callback without its {@code EventName}, in XML),
 * {@code GET /workflowexecution/<RunId>}, {@code GET /<kind>/auditing/<JobId>} (the moderation job's leaves). Anything
 * else is 404, as for a forged callback. A request without a COS {@code Authorization} header is refused 403; the
 * signature itself is not checked here (the starter's tests check it with the SDK's signer). Each request is printed.
 */
public final class CiApiStandIn implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final CallbackReader READER = CallbackReader.tolerant();

  private final HttpServer server;
  private final ExecutorService threads;
  private final PrintWriter out;
  private final Map<String, byte[]> records = new ConcurrentHashMap<>();

  private CiApiStandIn(HttpServer server, ExecutorService threads, PrintWriter out) {
    this.server = server;
    this.threads = threads;
    this.out = out;
  }

  /** Serves on {@code address} (port 0: a free one); each request's line goes to {@code out}. */
  public static CiApiStandIn start(InetSocketAddress address, PrintWriter out) throws IOException {
    HttpServer server = HttpServer.create(address, 0);
    ExecutorService pool = Executors.newFixedThreadPool(4, runnable -> {
      Thread thread = new Thread(runnable, "ci-callback-ci-api");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(pool);
    CiApiStandIn standIn = new CiApiStandIn(server, pool, out);
    server.createContext("/", standIn::handle);
    server.start();
    return standIn;
  }

  /** {@code http://127.0.0.1:PORT}: the endpoint to give the service. */
  public String url() {
    String host = server.getAddress().getAddress().getHostAddress();
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.getAddress().getPort();
  }

  /** Records what CI's API would report for {@code body}; a body that is no valid callback is not recorded. */
  public void record(Body body) {
    ReadResult read = READER.read(body.bytes(), body.contentVersion().orElse(null));
    if (read.callback().isPresent()) {
      Callback callback = read.callback().get();
      byte[] answer = withoutEventName(CallbackWriter.toXml(callback));
      if (callback.getWorkflowExecution() != null && callback.getWorkflowExecution().getRunId() != null) {
        records.put("/workflowexecution/" + segment(callback.getWorkflowExecution().getRunId()), answer);
      }
      for (JobsDetail job : callback.getJobsDetail()) {
        if (job.getJobId() != null) {
          records.put("/jobs/" + segment(job.getJobId()), answer);
        }
      }
    } else if (read.moderation().isPresent()) {
      recordModeration(read.moderation().get(), body.bytes());
    }
  }

  private void recordModeration(ModerationCallback moderation, byte[] bytes) {
    String kind = switch (moderation.kind()) {
      case IMAGE -> "image";
      case VIDEO, LIVE_STREAM -> "video";
      case AUDIO -> "audio";
      case TEXT -> "text";
      case DOCUMENT -> "document";
      case WEB_PAGE -> "webpage";
    };
    JsonNode leaves;
    try {
      JsonNode tree = JSON.readTree(bytes);
      leaves = moderation.detail().isPresent() ? tree.path("JobsDetail") : JSON.createObjectNode()
          .put("JobId", tree.path("data").path("trace_id").asText())
          .set("Result", tree.path("data").path("result"));
    } catch (IOException e) {
      return; // read already: cannot happen
    }
    String id = leaves.path("JobId").asText();
    if (id.isEmpty()) {
      return;
    }
    StringBuilder xml = new StringBuilder("<Response>\n  <JobsDetail>\n");
    leaves.fields().forEachRemaining(field -> {
      if (field.getValue().isValueNode()) {
        xml.append("    <").append(field.getKey()).append('>').append(field.getValue().asText()
            .replace("&", "&amp;").replace("<", "&lt;")).append("</").append(field.getKey()).append(">\n");
      }
    });
    xml.append("  </JobsDetail>\n</Response>\n");
    records.put("/" + kind + "/auditing/" + segment(id), xml.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** How many paths are recorded. */
  public int size() {
    return records.size();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      int status;
      byte[] answer;
      if (authorization == null || !authorization.startsWith("q-sign-algorithm=sha1&q-ak=")) {
        status = 403;
        answer = error("AccessDenied");
      } else if (!"GET".equals(exchange.getRequestMethod()) || !records.containsKey(path)) {
        status = 404;
        answer = error("NoSuchResource");
      } else {
        status = 200;
        answer = records.get(path);
      }
      print("ci-api: " + exchange.getRequestMethod() + " " + path + " " + status);
      exchange.getResponseHeaders().set("Content-Type", "application/xml");
      exchange.sendResponseHeaders(status, answer.length);
      try (OutputStream body = exchange.getResponseBody()) {
        body.write(answer);
      }
    }
  }

  private synchronized void print(String line) {
    out.println(line);
    out.flush();
  }

  private static byte[] withoutEventName(byte[] xml) {
    return new String(xml, StandardCharsets.UTF_8).replaceFirst("\\s*<EventName>[^<]*</EventName>", "")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] error(String code) {
    return ("<Error><Code>" + code + "</Code><Message>ci-callback trigger's stand-in</Message></Error>")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String segment(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
