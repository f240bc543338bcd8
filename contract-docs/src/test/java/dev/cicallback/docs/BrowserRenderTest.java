package dev.cicallback.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Looks at the pages in headless Chromium (Debian's chromium, which bin/test installs): the index loads with no
 * console error and shows the node tree; every page, laid out at 1,400 and 900 px, fits the window without a
 * horizontal scroll, and every link of every page leads to a page and an element there; the search box finds nodes;
 * a screenshot can be taken.
 */
class BrowserRenderTest {

  private static final Path DOCS = Path.of(System.getProperty("docs.dir", "../generated-docs"));
  private static final Path CHROMIUM = Path.of(System.getProperty("chromium", "/usr/bin/chromium"));

  private record Run(int status, String stdout, String stderr) {}

  private static Run chromium(Path profile, String... extra) throws IOException, InterruptedException {
    return chromium(profile, DOCS.resolve("index.html"), extra);
  }

  private static Run chromium(Path profile, Path page, String... extra) throws IOException, InterruptedException {
    return chromiumAt(profile, page.toUri().toString(), extra);
  }

  private static Run chromiumAt(Path profile, String url, String... extra) throws IOException, InterruptedException {
    assertTrue(Files.isExecutable(CHROMIUM),
        CHROMIUM + " is missing: run bin/install-test-tools (Debian package chromium)");
    List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-quic", "--enable-logging=stderr", "--v=0",
        "--user-data-dir=" + profile));
    command.addAll(List.of(extra));
    command.add(url);
    Path out = profile.resolveSibling(profile.getFileName() + ".out");
    Path err = profile.resolveSibling(profile.getFileName() + ".err");
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(300, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("chromium did not finish in 300 s");
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
    long links = tree.group(1).split("<a href=\"[\\w.-]*#(row-)?Response", -1).length - 1;
    assertTrue(links > 100, "the rendered tree has only " + links + " nodes");
    assertTrue(tree.group(1).contains("<a href=\"tag-tts.html#Response.JobsDetail.Operation.TtsTpl\">"));
  }

  /**
   * Lays out every page in a frame as wide as the window and measures each: the frame's and the page's widths, the
   * text that ends right of the frame, and the table cells whose content is wider than the cell; then follows every
   * link of every page to a page and an element there, and types into the index's search box. It writes all of it,
   * as JSON, into {@code <pre id="overflow-probe">} for {@code --dump-dom} to show. The pages have no such script;
   * the probe is a page of its own, served with them from one origin so that it may look into the frames.
   */
  private static final String PROBE = """
      <!DOCTYPE html>
      <html><head><meta charset="utf-8"><style>html,body{margin:0;overflow:hidden}
      iframe{display:block;border:0;width:WIDTHpx;height:900px}</style></head><body>
      FRAMES
      <script>
      window.addEventListener("load", function () {
        var frames = document.querySelectorAll("iframe"), byPage = {}, results = [], broken = [], links = 0;
        frames.forEach(function (frame) { byPage[frame.getAttribute("src")] = frame.contentDocument; });
        frames.forEach(function (frame) {
          var doc = frame.contentDocument, root = doc.documentElement, width = root.clientWidth, beyond = [];
          var wideCells = [], cells = 0, walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
          var range = doc.createRange();
          for (var text = walker.nextNode(); text; text = walker.nextNode()) {
            range.selectNodeContents(text);
            var right = range.getBoundingClientRect().right;
            if (right > width + 1) {
              beyond.push(Math.round(right) + "px " + text.parentNode.tagName + " " + text.textContent.trim().slice(0, 50));
            }
          }
          doc.querySelectorAll("td, th").forEach(function (cell) {
            cells++;
            if (cell.scrollWidth > cell.clientWidth + 1) {
              wideCells.push(cell.scrollWidth + "px in " + cell.clientWidth + "px: " + cell.textContent.trim().slice(0, 50));
            }
          });
          doc.querySelectorAll("a[href]").forEach(function (a) {
            var url = new URL(a.getAttribute("href"), doc.baseURI);
            if (url.origin !== location.origin) {
              return;
            }
            links++;
            var page = url.pathname.slice(1), target = byPage[page];
            var id = decodeURIComponent(url.hash.slice(1));
            if (!target || (id && !target.getElementById(id))) {
              broken.push(frame.getAttribute("src") + " -> " + a.getAttribute("href"));
            }
          });
          results.push({page: frame.getAttribute("src"), clientWidth: width, scrollWidth: root.scrollWidth,
              cells: cells, wideCells: wideCells.slice(0, 5), wideCellCount: wideCells.length,
              beyond: beyond.slice(0, 5), beyondCount: beyond.length});
        });
        var index = byPage["index.html"], box = index.getElementById("search-box");
        box.value = "TtsConfig";
        box.dispatchEvent(new Event("input"));
        var hits = Array.prototype.map.call(index.querySelectorAll("#search-results li.hit"),
            function (li) { return li.textContent; });
        var out = document.createElement("pre");
        out.id = "overflow-probe";
        out.textContent = JSON.stringify({innerWidth: window.innerWidth, pages: results, links: links,
            broken: broken.slice(0, 20), brokenCount: broken.length, searchHits: hits});
        document.body.appendChild(out);
      });
      </script>
      </body></html>
      """;

  /** Serves the generated pages, and the probe as {@code probe.html}, on a free loopback port. */
  private static HttpServer serve(String probe) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String name = exchange.getRequestURI().getPath().substring(1);
      byte[] body = name.equals("probe.html") ? probe.getBytes(StandardCharsets.UTF_8)
          : name.matches("[\\w.-]+\\.(html|png)") && Files.isRegularFile(DOCS.resolve(name))
              ? Files.readAllBytes(DOCS.resolve(name)) : null;
      exchange.getResponseHeaders().set("Content-Type", name.endsWith(".png") ? "image/png"
          : "text/html; charset=utf-8");
      exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
      if (body != null) {
        exchange.getResponseBody().write(body);
      }
      exchange.close();
    });
    server.start();
    return server;
  }

  @ParameterizedTest(name = "{0} px")
  @ValueSource(ints = {1400, 900})
  void every_page_fits_the_window_and_every_link_leads_somewhere(int width, @TempDir Path dir) throws Exception {
    List<String> pages;
    try (Stream<Path> files = Files.list(DOCS)) {
      pages = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".html")).sorted().toList();
    }
    assertTrue(pages.size() > 50, "only " + pages.size() + " pages");
    StringBuilder frames = new StringBuilder();
    for (String page : pages) {
      frames.append("<iframe src=\"").append(page).append("\"></iframe>\n");
    }
    HttpServer server = serve(PROBE.replace("WIDTH", Integer.toString(width)).replace("FRAMES", frames));
    Run run;
    try {
      run = chromiumAt(dir.resolve("profile"), "http://127.0.0.1:" + server.getAddress().getPort() + "/probe.html",
          "--window-size=" + width + ",1000", "--dump-dom");
    } finally {
      server.stop(0);
    }

    assertEquals(0, run.status(), run.stderr());
    Matcher probe = Pattern.compile("<pre id=\"overflow-probe\">(.*?)</pre>", Pattern.DOTALL).matcher(run.stdout());
    assertTrue(probe.find(), "the probe wrote nothing: " + run.stderr());
    JsonNode measured = new ObjectMapper().readTree(
        probe.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&nbsp;", "\u00a0").replace("&amp;", "&"));
    assertEquals(width, measured.get("innerWidth").asInt(), "the window is not as wide as asked");
    assertEquals(pages.size(), measured.get("pages").size(), "the probe did not lay out every page");
    int cells = 0;
    for (JsonNode page : measured.get("pages")) {
      cells += page.get("cells").asInt();
      assertTrue(page.get("scrollWidth").asInt() <= page.get("clientWidth").asInt(),
          page.get("page").asText() + " scrolls horizontally at " + width + " px: " + page);
      assertEquals(0, page.get("beyondCount").asInt(), page.get("page").asText() + ": text right of the window: " + page);
      assertEquals(0, page.get("wideCellCount").asInt(), page.get("page").asText() + ": cells narrower than their"
          + " content: " + page);
    }
    assertTrue(cells > 1000, "the probe saw only " + cells + " cells");
    assertTrue(measured.get("links").asInt() > 2_000, "the probe followed only " + measured.get("links") + " links");
    assertEquals(0, measured.get("brokenCount").asInt(), "links that lead nowhere: " + measured.get("broken"));
    JsonNode hits = measured.get("searchHits");
    assertTrue(hits.size() > 0 && hits.size() <= 50, "the search box shows " + hits);
    hits.forEach(hit -> assertTrue(hit.asText().contains("TtsConfig"), "a search hit without the text: " + hit));
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
