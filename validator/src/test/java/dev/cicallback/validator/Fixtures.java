package dev.cicallback.validator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The fixtures under {@code schema/examples}; a file's name says its verdict. */
final class Fixtures {

  static final Path ROOT = Path.of(System.getProperty("schema.dir", "../schema")).resolve("examples");

  private Fixtures() {}

  static List<Path> all() {
    try (Stream<Path> files = Files.walk(ROOT)) {
      List<Path> list =
          files
              .filter(Files::isRegularFile)
              .filter(p -> p.toString().endsWith(".xml") || p.toString().endsWith(".json"))
              .sorted()
              .toList();
      if (list.size() < 10) {
        throw new IllegalStateException("fixtures missing under " + ROOT);
      }
      return list;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean expectsValid(Path fixture) {
    return fixture.getFileName().toString().startsWith("valid-");
  }

  static byte[] read(Path fixture) {
    try {
      return Files.readAllBytes(fixture);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
