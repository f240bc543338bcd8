package dev.cicallback.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Expands the command's PATH arguments: files as given, folders walked for *.xml and *.json (symbolic links
 * followed), "-" for stdin.
 */
final class PayloadSources {

  static final String STDIN = "-";

  private PayloadSources() {}

  /** A path that cannot be read as given. */
  static final class UnreadablePath extends Exception {
    UnreadablePath(String message) {
      super(message, null, false, false);
    }
  }

  /** Hears of each payload as the walk meets it, with the index of the argument that names it. */
  interface Found {
    void accept(int argument, String source);
  }

  /**
   * The payloads the arguments name, in report order: arguments as given, each folder's files sorted. {@code found}
   * hears of each one as soon as it is seen, in walk order, so that work on it can start during the walk.
   */
  static List<String> expand(List<String> arguments, Consumer<String> found) throws UnreadablePath {
    List<List<String>> named = new ArrayList<>();
    arguments.forEach(argument -> named.add(new ArrayList<>()));
    walk(arguments, (argument, source) -> {
      found.accept(source);
      named.get(argument).add(source);
    });
    List<String> sources = new ArrayList<>();
    for (List<String> ofOne : named) {
      ofOne.sort(null); // one file, or a folder's files
      sources.addAll(ofOne);
    }
    return sources;
  }

  /**
   * Tells {@code found} of each payload the arguments name, in walk order, keeping none: a batch of any size walks in
   * the same memory. Report order is the arguments' order, then each source's own ({@link #expand}).
   */
  static void walk(List<String> arguments, Found found) throws UnreadablePath {
    for (int i = 0; i < arguments.size(); i++) {
      String argument = arguments.get(i);
      int index = i;
      if (argument.equals(STDIN)) {
        found.accept(index, STDIN);
        continue;
      }
      Path path = Path.of(argument);
      if (Files.isDirectory(path)) {
        walk(path, source -> found.accept(index, source));
      } else {
        found.accept(index, file(argument).toString());
      }
    }
  }

  /** {@code argument} as a readable regular file. */
  static Path file(String argument) throws UnreadablePath {
    Path path = Path.of(argument);
    if (Files.isRegularFile(path) && Files.isReadable(path)) {
      return path;
    }
    throw new UnreadablePath(Files.exists(path) ? "cannot read " + argument : "no such file or folder: " + argument);
  }

  /**
   * The payloads under {@code folder}, in walk order, symbolic links followed (to files and to folders) as they are
   * when named directly; a link that leads back into a folder above it, or to nothing, is an error naming it.
   */
  private static void walk(Path folder, Consumer<String> found) throws UnreadablePath {
    try {
      // The attributes come with the walk: no second look at each file.
      Files.walkFileTree(folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
              if (!isPayload(file)) {
                return FileVisitResult.CONTINUE;
              }
              if (attributes.isSymbolicLink()) { // a link the walk could not follow: its target is missing
                throw new BrokenLink(file, Files.readSymbolicLink(file));
              }
              if (attributes.isRegularFile()) {
                found.accept(file.toString());
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
              throw e;
            }
          });
    } catch (FileSystemLoopException e) {
      throw new UnreadablePath("cannot read folder " + folder + ": the symbolic link " + e.getFile()
          + " leads back into a folder above it (a loop)");
    } catch (BrokenLink e) {
      throw new UnreadablePath("cannot read folder " + folder + ": the symbolic link " + e.link + " points to "
          + e.target + ", which does not exist");
    } catch (IOException | UncheckedIOException e) {
      IOException cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e;
      throw new UnreadablePath("cannot read folder " + folder + ": " + IoFailure.describe(cause));
    }
  }

  /** A symbolic link to nothing, met during a walk. */
  private static final class BrokenLink extends IOException {
    final transient Path link;
    final transient Path target;

    BrokenLink(Path link, Path target) {
      super(link.toString(), null);
      this.link = link;
      this.target = target;
    }
  }

  private static boolean isPayload(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".xml") || name.endsWith(".json");
  }
}
