package dev.cicallback.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A copy of a schema folder that a test may edit, to see what the generator makes of a changed contract. */
final class SchemaCopy {

  private SchemaCopy() {}

  /** Copies {@code schema} to {@code into} (created) and returns the copy. */
  static Path of(Path schema, Path into) throws IOException {
    try (Stream<Path> files = Files.walk(schema)) {
      for (Path file : files.toList()) {
        Path copy = into.resolve(schema.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(file, copy);
        }
      }
    }
    return into;
  }

  /**
   * Replaces {@code text}, which must occur in {@code file} of the copy, by {@code replacement}.
   *
   * @throws AssertionError when the file no longer has the text, so that the test would check nothing
   */
  static void edit(Path copy, String file, String text, String replacement) throws IOException {
    Path path = copy.resolve(file);
    String content = Files.readString(path, StandardCharsets.UTF_8);
    if (!content.contains(text)) {
      throw new AssertionError(file + " no longer has the text this test edits: " + text);
    }
    Files.writeString(path, content.replace(text, replacement), StandardCharsets.UTF_8);
  }
}
