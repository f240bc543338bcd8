package dev.cicallback.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --version}: the project's version, the contract's (from the XSD) and the commit the jar was built from. */
class VersionTest {

  private static final Path BUILD_INFO = Path.of("src/build/java/BuildInfo.java");

  @Test
  void version_names_the_project_the_contract_and_the_commit() throws Exception {
    Cli cli = Cli.run("--version");

    assertEquals(0, cli.status(), cli.err());
    String commit = git("rev-parse", "--short=12", "HEAD");
    String expectedCommit = commit == null ? "unknown" : Pattern.quote(commit) + "( \\(with uncommitted changes\\))?";
    assertTrue(
        cli.out().matches("ci-callback \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?, contract " + Pattern.quote(contractVersion())
            + ", commit " + expectedCommit + "\n"),
        cli.out());
    assertEquals(cli.out(), Cli.run("validate", "--version").out());
    assertEquals(cli.out(), Cli.run("-V").out());
  }

  @Test
  void a_build_outside_a_git_checkout_says_commit_unknown(@TempDir Path dir) throws Exception {
    Path output = dir.resolve("out/build.properties");
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                BUILD_INFO.toAbsolutePath().toString(),
                output.toString())
            .directory(dir.toFile())
            .redirectErrorStream(true);
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(name -> name.startsWith("GIT_"));
    environment.put("GIT_CEILING_DIRECTORIES", dir.getParent().toString());
    Process process = builder.start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the build step hangs");
    String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertEquals(0, process.exitValue(), printed);
    Properties properties = new Properties();
    try (var in = Files.newInputStream(output)) {
      properties.load(in);
    }
    assertEquals("unknown", properties.getProperty("commit"));
  }

  /** The version attribute of the entry XSD's xs:schema element. */
  private static String contractVersion() throws IOException {
    String xsd = Files.readString(Path.of(System.getProperty("schema.dir", "../schema"), "xml", "callback.xsd"));
    Matcher schema = Pattern.compile("<xs:schema\\b[^>]*\\bversion=\"([^\"]+)\"").matcher(xsd);
    assertTrue(schema.find(), "callback.xsd has no version");
    return schema.group(1);
  }

  /** What git prints for {@code arguments} in this checkout, or null when there is no git or no checkout. */
  private static String git(String... arguments) throws InterruptedException {
    try {
      String[] command = new String[arguments.length + 1];
      command[0] = "git";
      System.arraycopy(arguments, 0, command, 1, arguments.length);
      Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return process.waitFor() == 0 && !printed.isEmpty() ? printed : null;
    } catch (IOException e) {
      return null;
    }
  }
}
