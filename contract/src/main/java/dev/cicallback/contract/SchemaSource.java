package dev.cicallback.contract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where a contract's files are read from: a folder laid out like {@code schema/}, or the files packaged in this jar.
 * Files are named relative to the contract's root with forward slashes ({@code xml/common.xsd}); a name that leaves
 * the root is refused.
 */
abstract class SchemaSource {

  /** Whether {@code file} exists. */
  abstract boolean exists(String file);

  /** Opens {@code file}. */
  abstract InputStream open(String file) throws IOException;

  /** The files of folder {@code dir} ({@code xml}, {@code json}) whose names end with {@code suffix}, sorted. */
  abstract List<String> list(String dir, String suffix) throws IOException;

  /** Whether folder {@code dir} exists. */
  abstract boolean hasFolder(String dir);

  /**
   * The name of the file {@code reference} (a relative file name, as in {@code schemaLocation} or a {@code $ref}) in
   * {@code from} points at, or null when it leaves the contract's root or is not a plain relative name.
   */
  static String resolve(String from, String reference) {
    if (reference.contains(":") || reference.startsWith("/") || reference.contains("\\")) {
      return null;
    }
    int slash = from.lastIndexOf('/');
    List<String> parts = new ArrayList<>(List.of(slash < 0 ? new String[0] : from.substring(0, slash).split("/")));
    for (String part : reference.split("/")) {
      if (part.equals("..")) {
        if (parts.isEmpty()) {
          return null;
        }
        parts.remove(parts.size() - 1);
      } else if (!part.isEmpty() && !part.equals(".")) {
        parts.add(part);
      }
    }
    return parts.isEmpty() ? null : String.join("/", parts);
  }

  /** The contract in {@code folder}. */
  static SchemaSource folder(Path folder) {
    return new Folder(folder);
  }

  /** The contract packaged in this jar ({@link SchemaFiles}); its entries are the four {@link SchemaFiles} names. */
  static SchemaSource packaged() {
    return new Packaged();
  }

  private static final class Folder extends SchemaSource {
    private final Path root;

    Folder(Path root) {
      this.root = root;
    }

    @Override
    boolean exists(String file) {
      return Files.isRegularFile(root.resolve(file));
    }

    @Override
    InputStream open(String file) throws IOException {
      return Files.newInputStream(root.resolve(file));
    }

    @Override
    boolean hasFolder(String dir) {
      return Files.isDirectory(root.resolve(dir));
    }

    @Override
    List<String> list(String dir, String suffix) throws IOException {
      try (Stream<Path> listing = Files.list(root.resolve(dir))) {
        return listing.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix)).sorted()
            .map(n -> dir + "/" + n).toList();
      }
    }

    @Override
    public String toString() {
      return root.toString();
    }
  }

  private static final class Packaged extends SchemaSource {
    @Override
    boolean exists(String file) {
      return SchemaFiles.class.getResource("/" + SchemaFiles.ROOT + file) != null;
    }

    @Override
    InputStream open(String file) throws IOException {
      InputStream in = SchemaFiles.class.getResourceAsStream("/" + SchemaFiles.ROOT + file);
      if (in == null) {
        throw new IOException("no packaged schema file " + file);
      }
      return in;
    }

    @Override
    boolean hasFolder(String dir) {
      return true;
    }

    @Override
    List<String> list(String dir, String suffix) {
      List<String> entries = dir.equals("xml")
          ? List.of(SchemaFiles.CALLBACK_XSD, SchemaFiles.TTS_XSD)
          : List.of(SchemaFiles.CALLBACK_JSON_SCHEMA, SchemaFiles.TTS_JSON_SCHEMA);
      return entries.stream().filter(n -> n.endsWith(suffix)).sorted().map(n -> dir + "/" + n).toList();
    }

    @Override
    public String toString() {
      return "the packaged contract";
    }
  }
}
