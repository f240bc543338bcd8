package dev.cicallback.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Copies of a contract folder to change in a test. */
final class TestContracts {

  private TestContracts() {}

  /** A copy of the xml/ and json/ folders of {@code contract} under {@code into}. */
  static Path copy(Path contract, Path into) {
    try {
      for (String form : new String[] {"xml", "json"}) {
        Files.createDirectories(into.resolve(form));
        try (Stream<Path> files = Files.list(contract.resolve(form))) {
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
      String text = Files.readString(file, StandardCharsets.UTF_8);
      int at = text.indexOf(from);
      if (at < 0 || text.indexOf(from, at + 1) >= 0) {
        throw new IllegalArgumentException(file + ": \"" + from + "\" is not there exactly once");
      }
      Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
