package dev.cicallback.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Looks at the page in headless Chromium (Debian's chromium, which bin/test installs): it loads with no console
 * error and shows the node tree, it fits the window at 1,400 and 900 px without a horizontal scroll, and a screenshot
 * can be taken.
 */
class BrowserRenderTest {

  private static final Path DOCS = Path.of(System.getProperty("docs.dir", "../generated-docs"));
  private static final Path CHROMIUM = Path.of(System.getProperty("chromium", "/usr/bin/chromium"));

  private record Run(int status, String stdout, String stderr) {}

  private static Run chromium(Path profile, String... extra) throws IOException, InterruptedException {
    return chromium(profile, DOCS.resolve("index.html"), extra);
  }

  private static Run chromium(Path profile, Path page, String... extra) throws IOException, InterruptedException {
    assertTrue(Files.isExecutable(CHROMIUM),
        CHROMIUM + " is missing: run bin/install-test-tools (Debian package chromium)");
    List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-quic", "--enable-logging=stderr", "--v=0",
        "--user-data-dir=" + profile));
    command.addAll(List.of(extra));
    command.add(page.toUri().toString());
    Path out = profile.resolveSibling(profile.getFileName() + ".out");
    Path err = profile.resolveSibling(profile.getFileName() + ".err");
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("chromium did not finish in 90 s");
    }
    return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void page_loads_without_console_errors_and_shows_the_node_tree(@TempDir Path dir) throws Exception {
    Run run = chromium(dir.resolve("profile"), "--dump-dom");

    assertEquals(0, run.status(), run.stderr());
    List<String> consoleErrors = run.stderr().lines()
        .filter(line -> line.contains("CONSOLE") || line.contains("Failed to load resource")
            || line.contains("Uncaught"))
        .toList();
    assertEquals(List.of(), consoleErrors);
    Matcher tree = Pattern.compile("<ul id=\"tree\">(.*?)</nav>", Pattern.DOTALL).matcher(run.stdout());
    assertTrue(tree.find(), "no node tree in the rendered page");
    long links = tree.group(1).split("<a href=\"#Response", -1).length - 1;
    assertTrue(links > 100, "the rendered tree has only " + links + " nodes");
    assertTrue(run.stdout().contains("id=\"Response.JobsDetail.Operation.TtsTpl\""));
  }

  /**
   * Measures the laid-out page: the window's and the page's widths, the text that ends right of the window, and the
   * table cells whose content is wider than the cell. It writes them, as JSON, into {@code <pre id="overflow-probe">}
   * for {@code --dump-dom} to show. The page has no scripts; the probe runs in a copy of it.
   */
  private static final String PROBE = """
      <script>
      (function () {
        var root = document.documentElement, width = root.clientWidth, beyond = [], cells = 0, wideCells = [];
        var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT), range = document.createRange();
        for (var text = walker.nextNode(); text; text = walker.nextNode()) {
          range.selectNodeContents(text);
          var right = range.getBoundingClientRect().right;
          if (right > width + 1) {
            beyond.push(Math.round(right) + "px " + text.parentNode.tagName + " " + text.textContent.trim().slice(0, 50));
          }
        }
        document.querySelectorAll("td, th").forEach(function (cell) {
          cells++;
          if (cell.scrollWidth > cell.clientWidth + 1) {
            wideCells.push(cell.scrollWidth + "px in " + cell.clientWidth + "px: " + cell.textContent.trim().slice(0, 50));
          }
        });
        var out = document.createElement("pre");
        out.id = "overflow-probe";
        out.textContent = JSON.stringify({innerWidth: window.innerWidth, clientWidth: width,
            scrollWidth: root.scrollWidth, cells: cells, wideCells: wideCells.slice(0, 10),
            wideCellCount: wideCells.length, beyond: beyond.slice(0, 10), beyondCount: beyond.length});
        document.body.appendChild(out);
      })();
      </script>
      """;

  @ParameterizedTest(name = "{0} px")
  @ValueSource(ints = {1400, 900})
  void the_page_fits_the_window_without_a_horizontal_scroll(int width, @TempDir Path dir) throws Exception {
    String html = Files.readString(DOCS.resolve("index.html"), StandardCharsets.UTF_8);
    assertTrue(html.contains("</body>"));
    Path probed = dir.resolve("index-probed.html");
    Files.writeString(probed, html.replace("</body>", PROBE + "</body>"), StandardCharsets.UTF_8);

    Run run = chromium(dir.resolve("profile"), probed, "--window-size=" + width + ",1000", "--dump-dom");

    assertEquals(0, run.status(), run.stderr());
    Matcher probe = Pattern.compile("<pre id=\"overflow-probe\">(.*?)</pre>", Pattern.DOTALL).matcher(run.stdout());
    assertTrue(probe.find(), "the probe wrote nothing: " + run.stderr());
    JsonNode measured = new ObjectMapper().readTree(
        probe.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&nbsp;", "\u00a0").replace("&amp;", "&"));
    assertEquals(width, measured.get("innerWidth").asInt(), "the window is not as wide as asked: " + measured);
    assertTrue(measured.get("cells").asInt() > 1000, "the probe saw only " + measured.get("cells") + " cells");
    assertTrue(measured.get("scrollWidth").asInt() <= measured.get("clientWidth").asInt(),
        "the page scrolls horizontally at " + width + " px: " + measured);
    assertEquals(0, measured.get("beyondCount").asInt(), "text right of the window: " + measured.get("beyond"));
    assertEquals(0, measured.get("wideCellCount").asInt(), "cells narrower than their content: " + measured);
  }

  @Test
  void a_screenshot_of_the_page_can_be_taken(@TempDir Path dir) throws Exception {
    Path png = dir.resolve("index.png");

    Run run = chromium(dir.resolve("profile"), "--window-size=1400,1000", "--hide-scrollbars",
        "--screenshot=" + png);

    assertEquals(0, run.status(), run.stderr());
    byte[] bytes = Files.readAllBytes(png);
    assertTrue(bytes.length > 20_000, "screenshot too small: " + bytes.length);
    assertEquals((byte) 0x89, bytes[0]);
    assertEquals('P', bytes[1]);
  }
}
