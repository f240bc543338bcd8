package dev.cicallback.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cicallback.cli.simulate.EventCatalogue;
import dev.cicallback.cli.simulate.Listener;
import dev.cicallback.cli.simulate.ListenerOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ci-callback trigger} against a local listener and a stand-in app: edits, hostile input, replay, retries. */
class TriggerCommandTest {

  @TempDir Path saved;
  private Listener listener;
  private final StringWriter lines = new StringWriter();

  @BeforeEach
  void listen() throws IOException {
    listener = Listener.start(ListenerOptions.loopback().withSave(saved), new PrintWriter(lines));
  }

  @AfterEach
  void stop() {
    listener.close();
  }

  private List<Path> savedFiles() throws IOException {
    try (Stream<Path> files = Files.list(saved)) {
      return files.sorted().toList();
    }
  }

  @Test
  void set_edits_reach_the_endpoint_in_both_formats() throws IOException {
    for (String format : List.of("xml", "json")) {
      Cli cli = Cli.run("trigger", "tts-success", "--to", listener.url(), "--format", format,
          "--set", "/JobsDetail/0/State=Failed", "--set", "/JobsDetail/0/Operation/UserData=order-99");
      assertEquals(0, cli.status(), cli.out() + cli.err());
      assertTrue(cli.out().startsWith("200 "), cli.out());
    }
    List<Path> files = savedFiles();
    assertEquals(2, files.size(), files.toString());
    for (Path file : files) {
      assertTrue(file.getFileName().toString().startsWith("valid-tts-failed-j"), file.toString());
      String body = Files.readString(file);
      assertTrue(body.contains("order-99"), body);
      assertTrue(body.contains(file.toString().endsWith(".xml") ? "<State>Failed</State>" : "\"State\": \"Failed\""),
          body);
    }
  }

  @Test
  void a_pointer_that_leads_nowhere_exits_2_and_a_refused_body_exits_1_and_neither_sends_anything() {
    Cli nowhere = Cli.run("trigger", "tts-success", "--to", listener.url(), "--set", "/JobsDetail/0/Stat=Failed");
    assertEquals(2, nowhere.status());
    assertEquals("", nowhere.out());
    assertTrue(nowhere.err().startsWith("ci-callback trigger: --set /JobsDetail/0/Stat: no such node: /JobsDetail/0"
        + " has no member Stat; it has Code, "), nowhere.err());

    for (String format : List.of("xml", "json")) {
      Cli refused = Cli.run("trigger", "tts-success", "--to", listener.url(), "--format", format,
          "--set", "/JobsDetail/0/State=Bogus");
      assertEquals(1, refused.status(), refused.out() + refused.err());
      assertEquals("", refused.out());
      String[] err = refused.err().split("\n");
      assertTrue(err[0].matches("tts-success\\." + format + ":\\d+:\\d+: error: State: \"Bogus\" is not allowed.*"),
          err[0]);
      assertEquals("ci-callback trigger: the contract refuses tts-success." + format + " after the edits; nothing was"
          + " sent (--allow-invalid sends it, expecting a 4xx)", err[err.length - 1]);
    }
    assertEquals(0, listener.received());
  }

  @Test
  void allow_invalid_sends_the_refused_body_and_a_4xx_is_the_expected_answer() throws IOException {
    Cli cli = Cli.run("trigger", "tts-success", "--to", listener.url(), "--format", "json",
        "--set", "/JobsDetail/0/State=Bogus", "--allow-invalid");

    assertEquals(0, cli.status(), cli.out() + cli.err());
    assertTrue(cli.out().matches("(?s)400 +\\d+ ms  tts-success\\.json  j[0-9a-f]{32}\n1 sent: 1 answered as expected,"
        + " 0 not \\(0 2xx, 1 4xx, .*"), cli.out());
    List<Path> files = savedFiles();
    assertEquals(1, files.size());
    assertTrue(files.get(0).getFileName().toString().matches("invalid-value-tts-bogus-j[0-9a-f]{32}\\.json"),
        files.toString());
  }

  @Test
  void hostile_input_is_refused_by_listen_one_line_each_with_status_and_time() throws IOException {
    Cli cli = Cli.run("trigger", "--hostile", "--to", listener.url());

    assertEquals(0, cli.status(), cli.out() + cli.err());
    String[] out = cli.out().split("\n");
    long corpus;
    try (Stream<Path> files = Files.walk(Path.of("../validator/src/test/resources/bad-input"))) {
      corpus = files.filter(Files::isRegularFile).count();
    }
    assertTrue(corpus > 40, "the corpus: " + corpus);
    int sent = (int) corpus + 4; // and the oversized, the two deep ones and the long string
    assertEquals(sent + 1, out.length, cli.out());
    for (int i = 0; i < sent; i++) {
      assertTrue(out[i].matches("(400|---) +\\d+ ms  (bad-input/(xml|json)/|generated/)\\S+  -.*"), out[i]);
      assertTrue(!out[i].contains("UNEXPECTED"), out[i]);
    }
    assertTrue(cli.out().contains("  bad-input/xml/xxe-external-entity-to-etc-passwd.xml  "), cli.out());
    assertTrue(cli.out().contains("  generated/oversized-8388609-bytes.json  "), cli.out());
    assertTrue(out[sent].startsWith(sent + " sent: " + sent + " answered as expected, 0 not"), out[sent]);
    assertTrue(listener.received() >= sent - 1, "the oversized one may be cut off: " + listener.received());
    for (Path file : savedFiles()) {
      assertTrue(file.getFileName().toString().startsWith("invalid-"), file.toString());
    }
  }

  @Test
  void hostile_input_an_endpoint_accepts_is_reported_and_exits_1() throws IOException {
    try (LocalApp lenient = new LocalApp(200)) {
      Cli cli = Cli.run("trigger", "--hostile", "--to", lenient.url("/hook"));

      assertEquals(1, cli.status(), cli.out());
      String first = cli.out().split("\n")[0];
      assertTrue(first.matches("200 +\\d+ ms  bad-input/\\S+  -  UNEXPECTED: expected 4xx; the answer: app answer 1"),
          first);
      assertTrue(cli.out().contains(" 0 answered as expected, "), cli.out());
      assertEquals("/hook", lenient.requests.get(0).path());
    }
  }

  @Test
  void replay_posts_saved_payloads_byte_for_byte() throws IOException {
    assertEquals(0, Cli.run("trigger", "transcode-success", "--to", listener.url(), "--count", "3",
        "--concurrency", "2").status());
    assertEquals(0, Cli.run("trigger", "workflow-finish", "--to", listener.url(), "--format", "json").status());
    List<Path> files = savedFiles();
    assertEquals(4, files.size(), files.toString());
    Path replayed = Files.createDirectories(saved.resolveSibling(saved.getFileName() + "-replayed"));

    try (LocalApp app = new LocalApp(202)) {
      Cli cli = Cli.run("trigger", "--replay", saved.toString(), "--to", app.url("/"));

      assertEquals(0, cli.status(), cli.out() + cli.err());
      assertEquals(4, app.requests.size());
      for (int i = 0; i < files.size(); i++) {
        byte[] body = Files.readAllBytes(files.get(i));
        assertTrue(app.requests.stream().anyMatch(r -> java.util.Arrays.equals(r.body(), body)), files.get(i) + "");
        assertTrue(cli.out().contains("  " + files.get(i) + "  "), cli.out());
      }
      assertTrue(app.requests.stream().anyMatch(r -> "application/json".equals(r.headers().getFirst("Content-Type"))));
      assertTrue(app.requests.stream().anyMatch(r -> "application/xml".equals(r.headers().getFirst("Content-Type"))));
    } finally {
      Files.delete(replayed);
    }
  }

  @Test
  void replay_refuses_a_payload_the_contract_refuses_unless_allow_invalid() throws IOException {
    Path bad = Files.copy(Cli.EXAMPLES.resolve("xml/invalid-volume-above-10.xml"), saved.resolve("bad.xml"));

    Cli refused = Cli.run("trigger", "--replay", saved.toString(), "--to", listener.url());
    assertEquals(1, refused.status());
    assertTrue(refused.err().startsWith(bad + ":43:17: error: Volume: \"11\" is not allowed"), refused.err());
    assertEquals(0, listener.received());

    Cli sent = Cli.run("trigger", "--replay", bad.toString(), "--to", listener.url(), "--allow-invalid");
    assertEquals(0, sent.status(), sent.out());
    assertTrue(sent.out().startsWith("400 "), sent.out());
  }

  @Test
  void retries_try_again_after_a_5xx_and_without_them_a_5xx_exits_1() throws IOException {
    try (LocalApp flaky = new LocalApp(503, 503, 200)) {
      Cli cli = Cli.run("trigger", "tts-failed", "--to", flaky.url("/"), "--retries", "3", "--retry-delay", "1");
      assertEquals(0, cli.status(), cli.out());
      assertTrue(cli.out().matches("(?s)200 +\\d+ ms  tts-failed\\.xml  j[0-9a-f]{32}  \\(attempt 3\\)\n.*"),
          cli.out());
      assertEquals(3, flaky.requests.size());
      assertTrue(java.util.Arrays.equals(flaky.requests.get(0).body(), flaky.requests.get(2).body()),
          "a retry sends the same body");
    }
    try (LocalApp down = new LocalApp(503)) {
      Cli cli = Cli.run("trigger", "tts-failed", "--to", down.url("/"));
      assertEquals(1, cli.status(), cli.out());
      assertTrue(cli.out().contains("  UNEXPECTED: expected 2xx; the answer: app answer 1"), cli.out());
      assertEquals(1, down.requests.size());
    }
  }

  @Test
  void a_closed_port_is_reported_per_delivery_and_exits_1() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    Cli cli = Cli.run("trigger", "tts-success", "--to", "http://127.0.0.1:" + port + "/", "--timeout", "5");

    assertEquals(1, cli.status(), cli.out());
    assertTrue(cli.out().matches("(?s)--- +\\d+ ms  tts-success\\.xml  j[0-9a-f]{32}  connection refused  UNEXPECTED:"
        + " expected 2xx\n1 sent: 0 answered as expected, 1 not \\(0 2xx, 0 4xx, 0 other, 1 without an answer\\).*"),
        cli.out());
  }

  @Test
  void headers_count_and_concurrency_send_that_many_bodies_each_with_its_own_job_id() throws IOException {
    try (LocalApp app = new LocalApp(200)) {
      Cli cli = Cli.run("trigger", "tts-success", "--to", app.url("/cb?token=t"), "--format", "json",
          "--count", "6", "--concurrency", "3", "--header", "X-Token: secret");

      assertEquals(0, cli.status(), cli.out());
      assertEquals(6, app.requests.size());
      ObjectMapper json = new ObjectMapper();
      long ids = app.requests.stream().map(r -> {
        try {
          return json.readTree(r.body()).at("/JobsDetail/0/JobId").asText();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).distinct().count();
      assertEquals(6, ids);
      for (LocalApp.Request request : app.requests) {
        assertEquals("secret", request.headers().getFirst("X-Token"));
        assertEquals("application/json", request.headers().getFirst("Content-Type"));
        assertEquals("POST", request.method());
      }
      assertTrue(cli.out().contains("6 sent: 6 answered as expected, 0 not (6 2xx,"), cli.out());
    }
  }

  @Test
  void list_shows_every_event_one_a_line() {
    Cli cli = Cli.run("trigger", "--list");

    assertEquals(0, cli.status());
    assertEquals(String.join("\n", EventCatalogue.listing()) + "\n", cli.out());
    assertTrue(cli.out().contains("tts-success "), cli.out());
    assertTrue(cli.out().contains("transcode-success "), cli.out());
  }

  @Test
  void usage_errors_exit_2_with_a_sentence() {
    assertUsage(Cli.run("trigger", "--to", listener.url()), "an EVENT is needed (ci-callback trigger --list shows"
        + " them), or --hostile, or --replay PATH");
    assertUsage(Cli.run("trigger", "nosuch", "--to", listener.url()), "unknown event \"nosuch\"; ci-callback trigger"
        + " --list shows the " + EventCatalogue.all().size() + " events");
    assertUsage(Cli.run("trigger", "tts-success"), "option --to is required (URL)");
    assertUsage(Cli.run("trigger", "tts-success", "--to", "localhost:8080"), "--to takes an http or https URL");
    assertUsage(Cli.run("trigger", "tts-success", "--hostile", "--to", listener.url()),
        "one of EVENT, --hostile and --replay only");
    assertUsage(Cli.run("trigger", "--hostile", "--set", "/a=b", "--to", listener.url()),
        "--set, --format and --count apply to an EVENT");
    assertUsage(Cli.run("trigger", "tts-success", "--count", "0", "--to", listener.url()),
        "--count takes a whole number of at least 1, not \"0\"");
    assertUsage(Cli.run("trigger", "tts-success", "--format", "yaml", "--to", listener.url()),
        "option --format takes xml, json, not \"yaml\"");
    assertUsage(Cli.run("trigger", "tts-success", "--list=yes"), "option --list takes no value");
    assertUsage(Cli.run("trigger", "tts-success", "--to", listener.url(), "--header", "nocolon"),
        "--header takes NAME:VALUE");
    assertEquals(0, listener.received());
  }

  private static void assertUsage(Cli cli, String message) {
    assertEquals(2, cli.status(), cli.out() + cli.err());
    assertTrue(cli.err().startsWith("ci-callback trigger: " + message), cli.err());
  }

  @Test
  void help_shows_the_options_and_the_repeatable_ones_say_so() {
    Cli cli = Cli.run("help", "trigger");

    assertEquals(0, cli.status());
    assertTrue(cli.out().startsWith("Usage: ci-callback trigger [-hV] [--to=URL] [--list] [--format=xml|json]"
        + " [--set=POINTER=VALUE]..."), cli.out());
    assertTrue(cli.out().contains("(may be given more than once)"), cli.out());
    assertTrue(new String(cli.out().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)
        .contains("  --hostile "), cli.out());
  }
}
