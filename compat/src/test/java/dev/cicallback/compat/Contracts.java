package dev.cicallback.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** The project's contract folder, and copies of it to change in a test. */
final class Contracts {

  /** The repository's schema/ (the build passes its place; ../schema from this module otherwise). */
  static final Path SCHEMA = Path.of(System.getProperty("schema.dir", "../schema"));

  private Contracts() {}

  /** A copy of the xml/ and json/ folders of {@code contract} under {@code into}. */
  static Path copy(Path contract, Path into) {
    try {
      for (String form : new String[] {"xml", "json"}) {
        Path source = contract.resolve(form);
        if (!Files.isDirectory(source)) {
          continue;
        }
        Files.createDirectories(into.resolve(form));
        try (Stream<Path> files = Files.list(source)) {
          for (Path file : files.toList()) {
            Files.copy(file, into.resolve(form).resolve(file.getFileName().toString()),
                StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
      return into;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces the one occurrence of {@code from} in {@code file} with {@code to}; fails when it is not once there. */
  static void edit(Path file, String from, String to) {
    try {
      String text = Files.readString(file);
      int at = text.indexOf(from);
      if (at < 0 || text.indexOf(from, at + 1) >= 0) {
        throw new IllegalArgumentException(file + " does not hold exactly one \"" + from + "\"");
      }
      Files.writeString(file, text.substring(0, at) + to + text.substring(at + from.length()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
