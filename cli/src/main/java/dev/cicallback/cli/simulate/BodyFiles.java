package dev.cicallback.cli.simulate;

import dev.cicallback.validator.PayloadFormat;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Saves received bodies byte for byte under one folder, each named for what it is ({@link Received#stem()}) with
 * its format's extension: {@code valid-tts-success-j....xml}; a name already taken gets {@code -2}, {@code -3}, ...
 */
final class BodyFiles {

  private final Path folder;

  BodyFiles(Path folder) {
    this.folder = folder;
  }

  /** Saves {@code body}; says where, or why it could not. */
  String save(Received what, byte[] body, String contentType) {
    String extension = what.format().map(f -> f == PayloadFormat.XML ? ".xml" : ".json")
        .orElseGet(() -> extension(contentType));
    String stem = what.stem();
    try {
      Files.createDirectories(folder);
      for (int n = 1; n <= 10_000; n++) {
        Path file = folder.resolve(stem + (n == 1 ? "" : "-" + n) + extension);
        try {
          Files.write(file, body, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
          return "saved " + file;
        } catch (FileAlreadyExistsException e) {
          // taken: the next number
        }
      }
      return "not saved: " + folder + " holds 10,000 files named " + stem;
    } catch (IOException e) {
      return "not saved: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }

  /** A body whose format the validator could not tell: by its Content-Type, else {@code .bin}. */
  private static String extension(String contentType) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    return type.contains("xml") ? ".xml" : type.contains("json") ? ".json" : ".bin";
  }
}
