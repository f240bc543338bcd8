package dev.cicallback.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Expands the command's PATH arguments: files as given, folders walked for *.xml and *.json, "-" for stdin. */
final class PayloadSources {

  static final String STDIN = "-";

  private PayloadSources() {}

  /** A path that cannot be read as given. */
  static final class UnreadablePath extends Exception {
    UnreadablePath(String message) {
      super(message, null, false, false);
    }
  }

  static List<String> expand(List<String> arguments) throws UnreadablePath {
    List<String> sources = new ArrayList<>();
    for (String argument : arguments) {
      if (argument.equals(STDIN)) {
        sources.add(STDIN);
        continue;
      }
      Path path = Path.of(argument);
      if (Files.isDirectory(path)) {
        sources.addAll(walk(path));
      } else {
        sources.add(file(argument).toString());
      }
    }
    return sources;
  }

  /** {@code argument} as a readable regular file. */
  static Path file(String argument) throws UnreadablePath {
    Path path = Path.of(argument);
    if (Files.isRegularFile(path) && Files.isReadable(path)) {
      return path;
    }
    throw new UnreadablePath(Files.exists(path) ? "cannot read " + argument : "no such file or folder: " + argument);
  }

  private static List<String> walk(Path folder) throws UnreadablePath {
    // The attributes come with the walk: no second look at each file.
    try (Stream<Path> files =
        Files.find(folder, Integer.MAX_VALUE, (file, attributes) -> attributes.isRegularFile() && isPayload(file))) {
      return files
          .map(Path::toString)
          .sorted()
          .toList();
    } catch (IOException | UncheckedIOException e) {
      throw new UnreadablePath("cannot read folder " + folder + ": " + e.getMessage());
    }
  }

  private static boolean isPayload(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".xml") || name.endsWith(".json");
  }
}
