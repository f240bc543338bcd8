package dev.cicallback.cli.simulate;

import dev.cicallback.validator.PayloadFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What {@code trigger --hostile} sends: the project's bad-input corpus (XXE, external DTDs, billion laughs, encoding
 * lies, malformed JSON and XML, ...; packaged from the validator's tests), then what is too large to package: a
 * body one byte over the endpoint's size limit, nesting 100,000 deep in each format, and a 2 MiB string. Every one
 * should be refused with a 4xx; the oversized one may instead have its connection closed.
 */
public final class HostileCorpus {

  static final String CORPUS = "dev/cicallback/cli/simulate/bad-input";
  static final int DEPTH = 100_000;
  static final int LONG_STRING = 2 * 1024 * 1024;

  private HostileCorpus() {}

  /** Every hostile body, the corpus's files sorted by name, then the generated ones. */
  public static List<Body> bodies(long maxBytes) {
    List<Body> bodies = new ArrayList<>(packaged());
    bodies.add(oversized(maxBytes));
    bodies.add(new Body("generated/deep-nesting.json", Optional.of(PayloadFormat.JSON),
        ("[".repeat(DEPTH) + "]".repeat(DEPTH)).getBytes(StandardCharsets.US_ASCII), "-", Body.Expect.REFUSED));
    bodies.add(new Body("generated/deep-nesting.xml", Optional.of(PayloadFormat.XML),
        ("<Response>" + "<a>".repeat(DEPTH) + "</a>".repeat(DEPTH) + "</Response>").getBytes(StandardCharsets.US_ASCII),
        "-", Body.Expect.REFUSED));
    bodies.add(new Body("generated/2-mib-string.json", Optional.of(PayloadFormat.JSON),
        ("{\"EventName\": \"TaskFinish\", \"JobsDetail\": [{\"Message\": \"" + "x".repeat(LONG_STRING) + "\"}]}")
            .getBytes(StandardCharsets.US_ASCII), "-", Body.Expect.REFUSED));
    return bodies;
  }

  /** A callback's JSON padded with spaces to one byte over {@code maxBytes}: too large, and for no other reason. */
  static Body oversized(long maxBytes) {
    if (maxBytes >= Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("--max-bytes for --hostile must be under 2 GiB, not " + maxBytes);
    }
    byte[] start = ("{\"EventName\": \"TaskFinish\"}").getBytes(StandardCharsets.US_ASCII);
    byte[] bytes = Arrays.copyOf(start, (int) Math.max(maxBytes + 1, start.length));
    Arrays.fill(bytes, start.length, bytes.length, (byte) ' ');
    return new Body("generated/oversized-" + (maxBytes + 1) + "-bytes.json", Optional.of(PayloadFormat.JSON), bytes,
        "-", Body.Expect.REFUSED_OR_CLOSED);
  }

  /** The packaged corpus, read from the jar (or the classes folder in a build). */
  static List<Body> packaged() {
    URL url = HostileCorpus.class.getClassLoader().getResource(CORPUS);
    if (url == null) {
      throw new IllegalStateException("the bad-input corpus is not packaged (cli/pom.xml copies it)");
    }
    try {
      URI uri = url.toURI();
      if (uri.getScheme().equals("jar")) {
        FileSystem jar;
        try {
          jar = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          jar = FileSystems.getFileSystem(uri);
        }
        return read(jar.getPath("/" + CORPUS));
      }
      return read(Path.of(uri));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Body> read(Path root) throws IOException {
    List<Body> bodies = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = root.relativize(file).toString().replace('\\', '/');
        Optional<PayloadFormat> format = name.endsWith(".xml") ? Optional.of(PayloadFormat.XML)
            : name.endsWith(".json") ? Optional.of(PayloadFormat.JSON) : Optional.empty();
        bodies.add(new Body("bad-input/" + name, format, Files.readAllBytes(file), "-", Body.Expect.REFUSED));
      }
    }
    return bodies;
  }
}
