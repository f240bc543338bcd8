package dev.cicallback.validator.internal;

import dev.cicallback.validator.PayloadFormat;
import dev.cicallback.validator.Problem;
import dev.cicallback.validator.ProblemCode;
import dev.cicallback.validator.ValidatorOptions;
import dev.cicallback.validator.internal.core.FormatValidator;
import dev.cicallback.validator.internal.core.Lazy;
import dev.cicallback.validator.internal.core.Messages;
import dev.cicallback.validator.internal.core.PayloadCheck;
import dev.cicallback.validator.internal.core.Text;
import dev.cicallback.validator.internal.json.JsonPayloadValidator;
import dev.cicallback.validator.internal.xml.XmlPayloadValidator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The steps every payload goes through, in order: the size limit, the format (from the options or the first bytes),
 * UTF-8, then the format's own validator, and the problems sorted into document order. A pipeline is built either to
 * validate or to read (then each check also gives what to bind); the public entry points each own one.
 * Thread-safe; each format's schema is compiled on first use, so a run that only meets XML never pays for the JSON
 * Schema.
 */
public final class Pipeline {

  /**
   * The largest payload held in memory whatever the options say: one array, with room for the byte that shows a
   * payload is larger (a JVM array holds a little under 2 GiB).
   */
  public static final long MAX_IN_MEMORY = Integer.MAX_VALUE - 9;

  private final ValidatorOptions options;
  private final Lazy<FormatValidator> xml;
  private final Lazy<FormatValidator> json;

  private Pipeline(ValidatorOptions options, boolean reads) {
    this.options = Objects.requireNonNull(options, "options");
    this.xml = new Lazy<>(() -> new XmlPayloadValidator(options, reads));
    this.json = new Lazy<>(() -> new JsonPayloadValidator(options, reads));
  }

  /** A pipeline that only judges. */
  public static Pipeline validating(ValidatorOptions options) {
    return new Pipeline(options, false);
  }

  /** A pipeline that judges and gives what to bind: the model, or the payload's tree in CI's JSON form. */
  public static Pipeline reading(ValidatorOptions options) {
    return new Pipeline(options, true);
  }

  public ValidatorOptions options() {
    return options;
  }

  /** The size limit in effect: the options', or what one array can hold if that is less. */
  public long limit() {
    return Math.min(options.maxBytes(), MAX_IN_MEMORY);
  }

  /** Reads at most the limit + 1 bytes of {@code in} and checks them; the stream is not closed. */
  public PayloadCheck check(InputStream in) throws IOException {
    Objects.requireNonNull(in, "in");
    long limit = limit();
    int capacity = (int) (limit + 1);
    byte[] buffer = new byte[Math.min(capacity, 64 * 1024)];
    int length = 0;
    while (true) {
      // Full, yet at most the limit (more returns below): it has room to grow, up to the limit + 1.
      if (length == buffer.length) {
        buffer = Arrays.copyOf(buffer, (int) Math.min((long) buffer.length * 2, capacity));
      }
      int read = in.read(buffer, length, buffer.length - length);
      if (read < 0) {
        break;
      }
      length += read;
      if (length > limit) {
        return tooLarge();
      }
    }
    return check(buffer, length);
  }

  /** Checks the file at {@code path}, refusing a regular file larger than the limit before reading it. */
  public PayloadCheck check(Path path) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
    if (attributes.isRegularFile()) {
      if (attributes.size() > limit()) {
        return tooLarge();
      }
      byte[] bytes = Files.readAllBytes(path); // sized once: no growing buffer per file in a batch
      return check(bytes, bytes.length);
    }
    try (InputStream in = Files.newInputStream(path)) {
      return check(in);
    }
  }

  /** Checks the first {@code length} bytes of {@code bytes}. */
  public PayloadCheck check(byte[] bytes, int length) {
    return check(bytes, length, null);
  }

  /**
   * Checks the first {@code length} bytes of {@code bytes}; {@code simple} is the content-moderation form the sender
   * named (true Simple, false Detail), or null.
   */
  public PayloadCheck check(byte[] bytes, int length, Boolean simple) {
    if (length > limit()) {
      return tooLarge();
    }
    if (FormatDetector.hasWideBom(bytes, length)) {
      return refused(ProblemCode.ENCODING, 1, 1, Text.ENCODING_WIDE);
    }
    Optional<PayloadFormat> detected = FormatDetector.detect(bytes, length);
    Optional<PayloadFormat> format = options.format().or(() -> detected);
    if (format.isEmpty()) {
      Text what =
          length == 0 || detected.isEmpty() && isBlank(bytes, length) ? Text.SYNTAX_EMPTY : Text.SYNTAX_NEITHER;
      return refused(ProblemCode.SYNTAX, 1, 1, what);
    }
    List<Problem> encoding = Utf8Check.problems(bytes, length);
    if (!encoding.isEmpty()) {
      return new PayloadCheck(format, encoding, null);
    }
    int bom = FormatDetector.utf8BomLength(bytes, length);
    PayloadCheck check;
    try {
      check =
          format.get() == PayloadFormat.XML
              ? xml.get().check(bytes, 0, length)
              : json.get().check(bytes, bom, length - bom, simple);
    } catch (RuntimeException e) {
      // A safety net for bodies from the internet: a bug of ours must not become the caller's crash.
      return new PayloadCheck(
          format,
          List.of(
              Messages.error(
                  ProblemCode.INTERNAL, 0, 0, "", Text.INTERNAL_CRASH, e.getClass().getSimpleName())),
          null);
    }
    List<Problem> problems = new ArrayList<>(check.problems());
    problems.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
    return check.withProblems(format, problems);
  }

  private PayloadCheck tooLarge() {
    return refused(ProblemCode.LIMIT, 0, 0, Text.LIMIT_TOO_LARGE, limit());
  }

  private static PayloadCheck refused(ProblemCode code, int line, int column, Text text, Object... arguments) {
    return new PayloadCheck(
        Optional.empty(), List.of(Messages.error(code, line, column, "", text, arguments)), null);
  }

  private static boolean isBlank(byte[] bytes, int length) {
    for (int i = FormatDetector.utf8BomLength(bytes, length); i < length; i++) {
      if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r' && bytes[i] != '\n') {
        return false;
      }
    }
    return true;
  }
}
