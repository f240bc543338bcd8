package dev.cicallback.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cicallback.cli.simulate.Event;
import dev.cicallback.cli.simulate.EventCatalogue;
import dev.cicallback.cli.simulate.Listener;
import dev.cicallback.cli.simulate.ListenerOptions;
import dev.cicallback.validator.CallbackValidator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first check: listen on a loopback port, trigger every event in both formats against it; every body
 * is received, valid, saved, and the saved files validate with {@code ci-callback validate}.
 */
class SimulatorRoundTripTest {

  private static final Pattern DELIVERY = Pattern.compile("200 +\\d+ ms  ([a-z-]+)\\.(xml|json)  ([a-z][0-9a-f]{32})");

  /** The job and workflow events (the moderation ones are JSON only: below). */
  private static final List<Event> JOB_EVENTS =
      EventCatalogue.all().stream().filter(e -> !e.moderation()).toList();

  /**
   * Every content-moderation event reaches an app as JSON with the X-Ci-Content-Version header of its form, and the
   * body the app got reads, with that header, as a valid moderation callback of that form.
   */
  @Test
  void every_moderation_event_is_posted_as_json_with_its_form_header() throws Exception {
    List<Event> events = EventCatalogue.all().stream().filter(Event::moderation).toList();
    try (LocalApp app = new LocalApp(200)) {
      for (Event event : events) {
        Cli cli = Cli.run("trigger", event.name(), "--to", app.url("/ci/callback"));
        assertEquals(0, cli.status(), event.name() + ": " + cli.out() + cli.err());
        assertTrue(cli.out().startsWith("200 ") && cli.out().contains(event.name() + ".json"), cli.out());
      }
      assertEquals(events.size(), app.requests.size());
      for (int i = 0; i < events.size(); i++) {
        LocalApp.Request request = app.requests.get(i);
        String form = events.get(i).contentVersion().orElseThrow();
        assertEquals(form, request.headers().getFirst("X-Ci-Content-Version"), events.get(i).name());
        assertEquals("application/json", request.headers().getFirst("Content-Type"));
        var read = dev.cicallback.validator.CallbackReader.strict().read(request.body(), form);
        assertTrue(read.isValid(), events.get(i).name() + ": " + read.problems());
        assertEquals(form.toUpperCase(java.util.Locale.ROOT), read.moderation().orElseThrow().form().name());
      }
    }
  }

  @Test
  void every_event_in_both_formats_is_received_valid_saved_and_the_saved_files_validate(@TempDir Path saved)
      throws Exception {
    StringWriter lines = new StringWriter();
    List<String> ids = new ArrayList<>();
    try (Listener listener = Listener.start(ListenerOptions.loopback().withSave(saved), new PrintWriter(lines))) {
      for (Event event : JOB_EVENTS) {
        for (String format : List.of("xml", "json")) {
          Cli cli = Cli.run("trigger", event.name(), "--to", listener.url(), "--format", format);

          assertEquals(0, cli.status(), event.name() + " " + format + ": " + cli.out() + cli.err());
          String[] out = cli.out().split("\n");
          assertEquals(2, out.length, cli.out());
          Matcher line = DELIVERY.matcher(out[0]);
          assertTrue(line.lookingAt(), out[0]);
          assertEquals(event.name(), line.group(1));
          assertEquals(format, line.group(2));
          ids.add(line.group(3));
          assertTrue(out[1].startsWith("1 sent: 1 answered as expected, 0 not (1 2xx, 0 4xx, 0 other, 0 without"),
              out[1]);
        }
      }
      int sent = JOB_EVENTS.size() * 2;
      assertEquals(sent, listener.received());
      assertEquals(sent + " received: " + sent + " valid, 0 invalid", listener.summary());
    }

    List<Path> files;
    try (Stream<Path> list = Files.list(saved)) {
      files = list.sorted().toList();
    }
    assertEquals(ids.size(), files.size(), files.toString());
    for (String id : ids) {
      assertEquals(1, files.stream().filter(f -> f.getFileName().toString().contains(id)).count(), id);
    }
    for (Path file : files) {
      String name = file.getFileName().toString();
      assertTrue(name.matches("valid-([a-z]+-(success|failed)|workflow-success)-[a-z][0-9a-f]{32}\\.(xml|json)"),
          name);
      assertTrue(CallbackValidator.strict().validate(file).isValid(), name);
    }
    assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().startsWith("valid-tts-success-j")));
    assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().startsWith("valid-tts-failed-j")));
    assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().startsWith("valid-workflow-success-i")));

    Cli validate = Cli.run("validate", saved.toString());
    assertEquals(0, validate.status(), validate.out());
    assertEquals(files.size() + " valid, 0 invalid\n", validate.out());

    for (String line : lines.toString().split("\n")) {
      assertTrue(line.matches("200 valid   (TaskFinish [A-Za-z]+ (Success|Failed)|WorkflowFinish - Success) "
          + "[a-z][0-9a-f]{32}  saved .+\\.(xml|json)"), line);
    }
  }

  @Test
  void the_listen_command_runs_until_max_requests_then_prints_its_summary(@TempDir Path saved) throws Exception {
    PortWatch watch = new PortWatch();
    PrintWriter out = new PrintWriter(watch, true);
    StringWriter err = new StringWriter();
    CompletableFuture<Integer> listen = CompletableFuture.supplyAsync(() -> Main.run(
        new String[] {"listen", "--port", "0", "--save", saved.toString(), "--max-requests", "3"},
        out, new PrintWriter(err), java.io.InputStream.nullInputStream()));
    String url = watch.url.get(30, TimeUnit.SECONDS);

    assertEquals(0, Cli.run("trigger", "tts-success", "--to", url).status());
    assertEquals(0, Cli.run("trigger", "workflow-finish", "--to", url, "--format", "json").status());
    Cli refused = Cli.run("trigger", "tts-success", "--to", url, "--set", "/JobsDetail/0/State=Bogus",
        "--allow-invalid");
    assertEquals(0, refused.status(), refused.out());
    assertTrue(refused.out().startsWith("400 "), refused.out());

    assertEquals(0, listen.get(30, TimeUnit.SECONDS), err.toString());
    String[] lines = watch.toString().split("\n");
    assertEquals(5, lines.length, watch.toString());
    assertTrue(lines[0].matches("listening on http://127\\.0\\.0\\.1:\\d+/ \\(strict\\), saving to .+; Ctrl-C stops"),
        lines[0]);
    assertTrue(lines[3].matches("400 invalid TaskFinish Tts Bogus j[0-9a-f]{32}  \\d+:\\d+: error VALUE: State: "
        + "\"Bogus\" is not allowed.*"), lines[3]);
    assertTrue(lines[3].contains("  saved " + saved.resolve("invalid-value-tts-bogus-j")), lines[3]);
    assertEquals("3 received: 2 valid, 1 invalid", lines[4]);
    try (Stream<Path> files = Files.list(saved)) {
      assertEquals(3, files.count());
    }
  }

  @Test
  void listen_refuses_what_it_cannot_do_with_exit_2() throws IOException {
    Cli parameter = Cli.run("listen", "extra");
    assertEquals(2, parameter.status());
    assertTrue(parameter.err().startsWith("ci-callback listen: takes no parameters, got: extra\n"), parameter.err());

    Path file = Files.createTempFile("not-a-folder", ".txt");
    try {
      Cli save = Cli.run("listen", "--save", file.toString());
      assertEquals(2, save.status());
      assertTrue(save.err().startsWith("ci-callback listen: --save: " + file + " is not a folder"), save.err());
    } finally {
      Files.delete(file);
    }
    assertEquals(2, Cli.run("listen", "--port", "70000").status());
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Cli busy = Cli.run("listen", "--port", String.valueOf(taken.getLocalPort()));
      assertEquals(2, busy.status());
      assertTrue(busy.err().startsWith("ci-callback listen: cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": "),
          busy.err());
      assertFalse(busy.err().contains("Exception"), busy.err());
    }
    assertEquals(2, Cli.run("listen", "--forward-to", "ftp://x/").status());
    assertFalse(Cli.run("help", "listen").out().isEmpty());
  }

  /** Standard output that tells the listen command's URL once it has printed it. */
  private static final class PortWatch extends Writer {
    final CompletableFuture<String> url = new CompletableFuture<>();
    private final StringBuilder text = new StringBuilder();

    @Override
    public synchronized void write(char[] buffer, int offset, int length) {
      text.append(buffer, offset, length);
      Matcher m = Pattern.compile("listening on (\\S+)").matcher(text);
      if (m.find() && text.indexOf("\n", m.start()) > 0) {
        url.complete(m.group(1));
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public synchronized String toString() {
      return text.toString();
    }
  }
}
