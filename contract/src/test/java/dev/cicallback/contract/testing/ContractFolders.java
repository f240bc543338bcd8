package dev.cicallback.contract.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * Copies of a contract folder to change in a test, for every module whose tests edit a contract (this test-jar's
 * one class): the schemas alone, or with the examples, and an edit that fails unless its text is there exactly once,
 * so that a test never checks an edit that did not happen.
 */
public final class ContractFolders {

  private ContractFolders() {}

  /** A copy of the {@code xml/} and {@code json/} folders of {@code contract} (either may be missing) in {@code into}. */
  public static Path copy(Path contract, Path into) {
    for (String form : new String[] {"xml", "json"}) {
      if (Files.isDirectory(contract.resolve(form))) {
        copyTree(contract.resolve(form), into.resolve(form));
      }
    }
    return into;
  }

  /** A copy of the whole of {@code contract}, its examples included, in {@code into}. */
  public static Path copyWithExamples(Path contract, Path into) {
    copyTree(contract, into);
    return into;
  }

  /** Replaces the one occurrence of {@code from} in {@code file} with {@code to}; fails when it is not once there. */
  public static void edit(Path file, String from, String to) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      int at = text.indexOf(from);
      if (at < 0 || text.indexOf(from, at + 1) >= 0) {
        throw new AssertionError(file + " does not hold exactly one \"" + from + "\"");
      }
      Files.writeString(file, text.substring(0, at) + to + text.substring(at + from.length()), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copyTree(Path from, Path into) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path copy = into.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
