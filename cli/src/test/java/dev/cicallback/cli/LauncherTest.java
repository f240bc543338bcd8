package dev.cicallback.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** bin/ci-callback builds the jar on first use, in other projects' CI logs: quietly and without colour codes. */
class LauncherTest {

  @Test
  void the_first_use_build_is_quiet_batch_mode_and_colourless() throws IOException {
    // The build command, its continuation lines joined.
    String script = String.join("\n", Files.readAllLines(Path.of("../bin/ci-callback"))).replace("\\\n", " ");
    List<String> builds = script.lines()
        .filter(line -> line.matches(".*\\bmvn\\s+-.*") && !line.strip().startsWith("#"))
        .toList();

    assertEquals(1, builds.size(), "one Maven build in bin/ci-callback: " + builds);
    String build = " " + builds.get(0).replaceAll("\\s+", " ") + " ";
    for (String flag : new String[] {"-B", "-q", "--no-transfer-progress", "-Dstyle.color=never"}) {
      assertTrue(build.contains(" " + flag + " "), flag + " missing from " + build);
    }
    // Maven 3.8 writes a colour reset code even in batch mode unless the JVM starts with this property.
    assertTrue(build.contains("MAVEN_OPTS=\"${MAVEN_OPTS:-} -Djansi.noreset=true\""), build);
  }
}
