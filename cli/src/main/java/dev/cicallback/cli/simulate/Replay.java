package dev.cicallback.cli.simulate;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cicallback.validator.CallbackReader;
import dev.cicallback.validator.CallbackWriter;
import dev.cicallback.validator.ReadResult;
import dev.cicallback.validator.ValidatorOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code trigger --replay} sends: saved payloads byte for byte, each expected to be accepted when the contract
 * accepts it. One the contract refuses is an error naming it, unless {@code allowInvalid}, when it is sent and
 * expected to be refused.
 */
public final class Replay {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Replay() {}

  /** A saved payload the contract refuses, sent only with --allow-invalid. */
  public static final class Refused extends Exception {
    private final transient ReadResult read;
    private final transient Path file;

    Refused(Path file, ReadResult read) {
      super(file + ": the contract refuses it", null, false, false);
      this.file = file;
      this.read = read;
    }

    public Path file() {
      return file;
    }

    public ReadResult read() {
      return read;
    }
  }

  /** The bodies of {@code files}, in that order, judged with {@code options}. */
  public static List<Body> bodies(List<Path> files, ValidatorOptions options, boolean allowInvalid)
      throws IOException, Refused {
    CallbackReader reader = CallbackReader.create(options);
    List<Body> bodies = new ArrayList<>();
    for (Path file : files) {
      byte[] bytes = Files.readAllBytes(file);
      ReadResult read = reader.read(bytes);
      if (!read.isValid() && !allowInvalid) {
        throw new Refused(file, read);
      }
      String id = read.callback().map(c -> {
        try {
          return BodyMaker.id(JSON.readTree(CallbackWriter.toJson(c)));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).orElse("-");
      bodies.add(new Body(file.toString(), read.format(), bytes, id,
          read.isValid() ? Body.Expect.ACCEPTED : Body.Expect.REFUSED));
    }
    return bodies;
  }
}
