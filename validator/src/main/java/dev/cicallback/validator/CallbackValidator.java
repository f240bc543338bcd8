package dev.cicallback.validator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks CI callback payloads (XML or JSON) against the contract and reports every problem with its line, column
 * and XPath or JSON Pointer.
 *
 * <p>Build one and reuse it: the compiled schemas are shared, and {@code validate} is safe to call from many
 * threads at once. Bodies are untrusted: parsing is hardened and bounded by {@link ValidatorOptions}, and bad input
 * always comes back as problems, never as an exception.
 *
 * <pre>{@code
 * CallbackValidator validator = CallbackValidator.tolerant();
 * ValidationResult result = validator.validate(body);
 * if (!result.isValid()) { result.errors().forEach(p -> log.warn("{}:{} {} ({})", p.line(), p.column(), p.message(), p.location())); }
 * }</pre>
 */
public final class CallbackValidator {

  /** Start of the message for an input the validator failed on; the fuzz tests look for it. */
  static final String INTERNAL_ERROR = "cannot judge the payload (internal error ";

  private final ValidatorOptions options;
  // Each format's schema is compiled on first use: a run that only meets XML never pays for the JSON Schema.
  private final Lazy<XmlPayloadValidator> xml;
  private final Lazy<JsonPayloadValidator> json;

  private CallbackValidator(ValidatorOptions options) {
    this.options = Objects.requireNonNull(options, "options");
    this.xml = new Lazy<>(() -> new XmlPayloadValidator());
    this.json = new Lazy<>(() -> new JsonPayloadValidator(options));
  }

  /** The schemas as they are: a node the contract does not know is an error. */
  public static CallbackValidator strict() {
    return new CallbackValidator(ValidatorOptions.defaults());
  }

  /** Nodes the contract does not know are warnings; everything else as in {@link #strict()}. */
  public static CallbackValidator tolerant() {
    return new CallbackValidator(ValidatorOptions.defaults().withMode(ValidatorOptions.Mode.TOLERANT));
  }

  public static CallbackValidator create(ValidatorOptions options) {
    return new CallbackValidator(options);
  }

  public ValidatorOptions options() {
    return options;
  }

  /** Validates a payload held in memory. */
  public ValidationResult validate(byte[] payload) {
    Objects.requireNonNull(payload, "payload");
    return check(payload, payload.length, false).result();
  }

  /**
   * Validates a payload read from {@code in}, reading at most {@link ValidatorOptions#maxBytes()} + 1 bytes: a
   * larger payload is refused without reading the rest. The stream is not closed.
   *
   * @throws IOException if reading fails
   */
  public ValidationResult validate(InputStream in) throws IOException {
    return check(in, false).result();
  }

  /**
   * The largest payload held in memory whatever the options say: one array, with room for the byte that shows a
   * payload is larger (a JVM array holds a little under 2 GiB).
   */
  static final long MAX_IN_MEMORY = Integer.MAX_VALUE - 9;

  /** The size limit in effect: the options', or what one array can hold if that is less. */
  private long limit() {
    return Math.min(options.maxBytes(), MAX_IN_MEMORY);
  }

  /** Reads at most the limit + 1 bytes of {@code in} and checks them. */
  PayloadCheck check(InputStream in, boolean buildTree) throws IOException {
    Objects.requireNonNull(in, "in");
    long limit = limit();
    int capacity = (int) (limit + 1);
    byte[] buffer = new byte[(int) Math.min(capacity, 64 * 1024)];
    int length = 0;
    while (true) {
      if (length == buffer.length) {
        if (buffer.length >= capacity) {
          break;
        }
        buffer = java.util.Arrays.copyOf(buffer, (int) Math.min((long) buffer.length * 2, capacity));
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
    return check(buffer, length, buildTree);
  }

  /**
   * Validates the file at {@code path}, refusing files larger than the limit before reading them.
   *
   * @throws IOException if the file cannot be read
   */
  public ValidationResult validate(Path path) throws IOException {
    return check(path, false).result();
  }

  PayloadCheck check(Path path, boolean buildTree) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
    if (attributes.isRegularFile()) {
      if (attributes.size() > limit()) {
        return tooLarge();
      }
      byte[] bytes = Files.readAllBytes(path); // sized once: no growing buffer per file in a batch
      return check(bytes, bytes.length, buildTree);
    }
    try (InputStream in = Files.newInputStream(path)) {
      return check(in, buildTree);
    }
  }

  /** One pass over a payload held in memory: detect, check encoding, validate, and build the tree if asked. */
  PayloadCheck check(byte[] bytes, int length, boolean buildTree) {
    if (length > limit()) {
      return tooLarge();
    }
    if (FormatDetector.hasWideBom(bytes, length)) {
      return new PayloadCheck(
          Optional.empty(),
          List.of(problem(ProblemCode.ENCODING, "the payload is UTF-16 or UTF-32; callbacks are UTF-8", 1, 1)),
          null);
    }
    Optional<PayloadFormat> detected = FormatDetector.detect(bytes, length);
    Optional<PayloadFormat> format = options.format() != null ? Optional.of(options.format()) : detected;
    if (format.isEmpty()) {
      String what = length == 0 || detected.isEmpty() && isBlank(bytes, length)
          ? "the payload is empty"
          : "the payload is neither XML (starts with '<') nor JSON (starts with '{')";
      return new PayloadCheck(Optional.empty(), List.of(problem(ProblemCode.SYNTAX, what, 1, 1)), null);
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
              ? xml.get().check(bytes, 0, length, options, buildTree)
              : json.get().check(bytes, bom, length - bom, buildTree);
    } catch (RuntimeException e) {
      // A safety net for bodies from the internet: a bug of ours must not become the caller's crash.
      return new PayloadCheck(
          format,
          List.of(
              problem(
                  ProblemCode.INTERNAL,
                  INTERNAL_ERROR + e.getClass().getSimpleName() + "); please report it",
                  0,
                  0)),
          null);
    }
    List<Problem> problems = new ArrayList<>(check.problems());
    problems.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
    return check.withProblems(format, problems);
  }

  private PayloadCheck tooLarge() {
    return new PayloadCheck(
        Optional.empty(),
        List.of(
            problem(
                ProblemCode.LIMIT,
                "the payload is larger than the limit of " + limit() + " bytes; refused unread",
                0,
                0)),
        null);
  }

  private static boolean isBlank(byte[] bytes, int length) {
    for (int i = FormatDetector.utf8BomLength(bytes, length); i < length; i++) {
      if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r' && bytes[i] != '\n') {
        return false;
      }
    }
    return true;
  }

  private static Problem problem(ProblemCode code, String message, int line, int column) {
    return new Problem(Severity.ERROR, code, message, line, column, "");
  }
}
