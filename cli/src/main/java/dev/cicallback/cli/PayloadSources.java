package dev.cicallback.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
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

  /**
   * The payloads the arguments name, in report order: arguments as given, each folder's files sorted. {@code found}
   * hears of each one as soon as it is seen, in walk order, so that work on it can start during the walk.
   */
  static List<String> expand(List<String> arguments, Consumer<String> found) throws UnreadablePath {
    List<String> sources = new ArrayList<>();
    for (String argument : arguments) {
      if (argument.equals(STDIN)) {
        found.accept(STDIN);
        sources.add(STDIN);
        continue;
      }
      Path path = Path.of(argument);
      if (Files.isDirectory(path)) {
        sources.addAll(walk(path, found));
      } else {
        String source = file(argument).toString();
        found.accept(source);
        sources.add(source);
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

  private static List<String> walk(Path folder, Consumer<String> found) throws UnreadablePath {
    // The attributes come with the walk: no second look at each file.
    try (Stream<Path> files =
        Files.find(folder, Integer.MAX_VALUE, (file, attributes) -> attributes.isRegularFile() && isPayload(file))) {
      List<String> sources = new ArrayList<>();
      files.forEach(file -> {
        String source = file.toString();
        found.accept(source);
        sources.add(source);
      });
      sources.sort(null);
      return sources;
    } catch (IOException | UncheckedIOException e) {
      throw new UnreadablePath("cannot read folder " + folder + ": " + e.getMessage());
    }
  }

  private static boolean isPayload(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".xml") || name.endsWith(".json");
  }
}
