package dev.cicallback.model.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The fixture folders under {@code schema/examples}; a file's name says its verdict. Shared with the validator's
 * tests through this module's test jar.
 */
public final class Fixtures {

  public static final Path ROOT =
      Path.of(System.getProperty("schema.dir", "../schema")).resolve("examples");

  private Fixtures() {}

  /** Every fixture of both formats, XML first. */
  public static List<Path> all() {
    List<Path> all = new java.util.ArrayList<>(all("json"));
    all.addAll(all("xml"));
    return all;
  }

  public static List<Path> all(String format) {
    try (Stream<Path> files = Files.list(ROOT.resolve(format))) {
      List<Path> list =
          files.filter(p -> p.getFileName().toString().endsWith("." + format)).sorted().toList();
      if (list.isEmpty()) {
        throw new IllegalStateException("no fixtures in " + ROOT.resolve(format));
      }
      return list;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The content-moderation fixtures ({@code json/moderation/}): JSON only, as CI sends them, and a format of their own
   * (the moderation entries), so the job fixtures' folder lists stay the job callbacks'.
   */
  public static List<Path> moderation() {
    try (Stream<Path> files = Files.list(ROOT.resolve("json/moderation"))) {
      return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<Path> valid(String format) {
    return all(format).stream().filter(Fixtures::expectsValid).toList();
  }

  public static boolean expectsValid(Path fixture) {
    String name = fixture.getFileName().toString();
    if (name.startsWith("valid-")) {
      return true;
    }
    if (name.startsWith("invalid-")) {
      return false;
    }
    throw new IllegalStateException("fixture name must start with valid- or invalid-: " + fixture);
  }

  /**
   * Whether an {@code invalid-} fixture is valid in tolerant mode, as its name says: its only faults are what tolerant
   * mode reads with a warning ({@link #expectsWarningWhenTolerant}), or a node its job's Tag requires in strict mode
   * alone ({@code invalid-tag-required-<tag>-lacks-<node>}: valid to the union entry, refused by the Tag's own),
   * which tolerant mode does not ask for.
   */
  public static boolean expectsValidWhenTolerant(Path fixture) {
    return expectsValid(fixture) || expectsWarningWhenTolerant(fixture)
        || fixture.getFileName().toString().matches("invalid-tag-required-.*\\.(xml|json)");
  }

  /**
   * Whether an {@code invalid-} fixture is read in tolerant mode with a warning, as its name says: a node or job Tag
   * the contract does not know, a body without EventName.
   */
  public static boolean expectsWarningWhenTolerant(Path fixture) {
    return fixture.getFileName().toString()
        .matches("invalid-(unknown-(element|property|tag)|missing-eventname|legacy)(-.*)?\\.(xml|json)");
  }

  /** The same payload in the other wire format, if the folder has it. */
  public static Optional<Path> twin(Path fixture, String otherFormat) {
    String name = fixture.getFileName().toString();
    Path other =
        ROOT.resolve(otherFormat)
            .resolve(name.substring(0, name.lastIndexOf('.') + 1) + otherFormat);
    return Files.exists(other) ? Optional.of(other) : Optional.empty();
  }

  public static byte[] read(Path fixture) {
    try {
      return Files.readAllBytes(fixture);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
