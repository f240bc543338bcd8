package dev.cicallback.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/**
 * Looks at the page in headless Chromium (Debian's chromium, which bin/test installs): it loads with no console
 * error and shows the node tree, and a screenshot can be taken.
 */
class BrowserRenderTest {

  private static final Path DOCS = Path.of(System.getProperty("docs.dir", "../generated-docs"));
  private static final Path CHROMIUM = Path.of(System.getProperty("chromium", "/usr/bin/chromium"));

  private record Run(int status, String stdout, String stderr) {}

  private static Run chromium(Path profile, String... extra) throws IOException, InterruptedException {
    assertTrue(Files.isExecutable(CHROMIUM),
        CHROMIUM + " is missing: run bin/install-test-tools (Debian package chromium)");
    List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-quic", "--enable-logging=stderr", "--v=0",
        "--user-data-dir=" + profile));
    command.addAll(List.of(extra));
    command.add(DOCS.resolve("index.html").toUri().toString());
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
