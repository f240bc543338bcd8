package dev.cicallback.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cicallback.cli.simulate.Listener;
import dev.cicallback.cli.simulate.ListenerOptions;
import dev.cicallback.validator.UrlSecret;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code listen --url-secret-file} and {@code trigger --url-secret-file}: a callback without the secret is answered
 * 404 and not read, one with either secret of a rotation is handled; no output holds a secret.
 */
class UrlSecretCliTest {

  private static final String OLD = "old/secret+0123456789";
  private static final String NEW = "new-secret-9876543210";

  @TempDir Path folder;

  @Test
  void triggerAddsTheSecretAndTheListenerRefusesRequestsWithoutIt() throws Exception {
    Path both = Files.writeString(folder.resolve("both"), OLD + "\n" + NEW + "\n", StandardCharsets.UTF_8);
    Path current = Files.writeString(folder.resolve("current"), "\n" + NEW + "\n", StandardCharsets.UTF_8);
    Path wrong = Files.writeString(folder.resolve("wrong"), "wrong-secret-000000000\n", StandardCharsets.UTF_8);
    StringWriter lines = new StringWriter();
    StringBuilder printed = new StringBuilder();
    try (Listener listener = Listener.start(ListenerOptions.loopback(), new PrintWriter(lines),
        UrlSecret.of(List.of(OLD, NEW)))) {
      Cli without = Cli.run("trigger", "tts-success", "--to", listener.url());
      assertEquals(1, without.status(), without.out() + without.err());
      assertTrue(without.out().startsWith("404 "), without.out());
      Cli wrongOne = Cli.run("trigger", "tts-success", "--to", listener.url(), "--url-secret-file", wrong.toString());
      assertTrue(wrongOne.out().startsWith("404 "), wrongOne.out());
      Cli old = Cli.run("trigger", "tts-success", "--to", listener.url(), "--url-secret-file", both.toString());
      assertEquals(0, old.status(), old.out() + old.err());
      assertTrue(old.out().startsWith("200 "), old.out());
      Cli renewed = Cli.run("trigger", "workflow-finish", "--to", listener.url() + "?x=1", "--url-secret-file",
          current.toString());
      assertEquals(0, renewed.status(), renewed.out() + renewed.err());
      assertTrue(renewed.out().startsWith("200 "), renewed.out());
      for (Cli cli : List.of(without, wrongOne, old, renewed)) {
        printed.append(cli.out()).append(cli.err());
      }
    }
    String listened = lines.toString();
    assertEquals(2, listened.lines().filter(l -> l.endsWith(": 404, no or wrong URL secret")).count(), listened);
    assertEquals(2, listened.lines().filter(l -> l.startsWith("200 valid")).count(), listened);
    String all = listened + printed;
    assertFalse(all.contains(OLD) || all.contains(NEW) || all.contains("old%2Fsecret"), all);
  }

  @Test
  void aBadSecretFileIsAUsageErrorThatNamesNoSecret() throws Exception {
    Path shortOne = Files.writeString(folder.resolve("short"), "tiny-secret\n", StandardCharsets.UTF_8);
    Cli cli = Cli.run("listen", "--url-secret-file", shortOne.toString(), "--port", "0");
    assertEquals(2, cli.status(), cli.out() + cli.err());
    assertTrue(cli.err().contains("URL secret 1 of 1 has fewer than 16 characters (11)"), cli.err());
    assertFalse(cli.err().contains("tiny-secret"), cli.err());
    Cli missing = Cli.run("trigger", "tts-success", "--to", "http://127.0.0.1:9/", "--url-secret-file",
        folder.resolve("none").toString());
    assertEquals(2, missing.status(), missing.out() + missing.err());
    assertTrue(missing.err().contains("--url-secret-file: cannot read"), missing.err());
  }
}
