package dev.cicallback.examples.webflux;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A payload of {@code schema/examples} and the problems its {@code .problems} file lists for one mode (a valid
 * fixture has no such file): lines {@code <mode> <line>:<column> <severity> <CODE> <location or -> | <message>}.
 */
record Fixture(Path path, byte[] body, List<ExpectedProblem> problems) {

  /** The repository's fixtures, both formats: the module's tests run in its folder, beside ../schema. */
  static final Path EXAMPLES = Path.of(System.getProperty("schema.dir", "../schema")).resolve("examples");

  record ExpectedProblem(String severity, String code, int line, int column, String location, String message) {}

  /** Every fixture of both formats, in a stable order. */
  static List<Fixture> all(String mode) {
    List<Fixture> fixtures = new ArrayList<>();
    for (String format : List.of("xml", "json")) {
      try (Stream<Path> files = Files.list(EXAMPLES.resolve(format))) {
        files.filter(p -> p.getFileName().toString().endsWith("." + format))
            .sorted()
            .forEach(p -> fixtures.add(read(p, mode)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return fixtures;
  }

  static Fixture read(Path path, String mode) {
    try {
      Path listed = path.resolveSibling(path.getFileName() + ".problems");
      List<ExpectedProblem> problems = new ArrayList<>();
      if (Files.exists(listed)) {
        for (String line : Files.readAllLines(listed)) {
          if (line.startsWith(mode + " ")) {
            problems.add(parse(line.substring(mode.length() + 1)));
          }
        }
      }
      return new Fixture(path, Files.readAllBytes(path), problems);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ExpectedProblem parse(String line) {
    int bar = line.indexOf(" | ");
    String[] head = line.substring(0, bar).split(" ", 4);
    String[] place = head[0].split(":");
    return new ExpectedProblem(
        head[1].toUpperCase(Locale.ROOT),
        head[2],
        Integer.parseInt(place[0]),
        Integer.parseInt(place[1]),
        head[3].equals("-") ? "" : head[3],
        line.substring(bar + 3));
  }

  String name() {
    return EXAMPLES.relativize(path).toString();
  }

  boolean isXml() {
    return path.getFileName().toString().endsWith(".xml");
  }

  /** Whether the reader is to accept it: no error among its problems in this mode. */
  boolean valid() {
    return problems.stream().noneMatch(p -> p.severity().equals("ERROR"));
  }

  ExpectedProblem firstError() {
    return problems.stream().filter(p -> p.severity().equals("ERROR")).findFirst().orElseThrow();
  }
}
