package dev.cicallback.cli.simulate;

import dev.cicallback.validator.PayloadFormat;
import dev.cicallback.validator.Problem;
import dev.cicallback.validator.ReadResult;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a received body is, for the line {@code listen} prints and the name it saves it under: its verdict, the
 * event, the first job's Tag, State and JobId (or the workflow run's State and RunId), and its first problem. A node
 * the body does not have is "-"; so is every node of a body that is not well-formed or over a limit.
 */
record Received(
    boolean valid, Optional<PayloadFormat> format, String event, String tag, String state, String id,
    Optional<Problem> firstProblem) {

  /** Codes after which a body is not looked into: it is not well-formed, or over a limit. */
  private static final java.util.Set<dev.cicallback.validator.ProblemCode> UNREADABLE = java.util.EnumSet.of(
      dev.cicallback.validator.ProblemCode.SYNTAX, dev.cicallback.validator.ProblemCode.ENCODING,
      dev.cicallback.validator.ProblemCode.LIMIT, dev.cicallback.validator.ProblemCode.INTERNAL);

  /** {@code body} as {@code read} judged it. */
  static Received of(byte[] body, ReadResult read) {
    Map<String, String> nodes = read.format().isPresent()
        && read.problems().stream().noneMatch(p -> UNREADABLE.contains(p.code()))
        ? Glance.of(body, read.format().get()) : Map.of();
    String event = nodes.getOrDefault("EventName", "-");
    String tag = "-";
    String state;
    String id;
    if (nodes.containsKey("JobsDetail/Tag") || nodes.containsKey("JobsDetail/JobId")
        || nodes.containsKey("JobsDetail/State")) {
      tag = nodes.getOrDefault("JobsDetail/Tag", "-");
      state = nodes.getOrDefault("JobsDetail/State", "-");
      id = nodes.getOrDefault("JobsDetail/JobId", "-");
    } else if (nodes.containsKey("data/event")) {
      // A content-moderation callback's Simple form: its event and trace_id.
      event = nodes.get("data/event");
      state = "-";
      id = nodes.getOrDefault("data/trace_id", "-");
    } else {
      state = nodes.getOrDefault("WorkflowExecution/State", "-");
      id = nodes.getOrDefault("WorkflowExecution/RunId", "-");
    }
    Optional<Problem> first = read.problems().stream().filter(Problem::isError).findFirst()
        .or(() -> read.problems().stream().findFirst());
    return new Received(read.isValid(), read.format(), word(event), word(tag), word(state), word(id), first);
  }

  /** A node's text as one word for a line: blank is "-", spaces and control characters become "_", 80 at most. */
  private static String word(String text) {
    String word = text.strip().replaceAll("[\\s\\p{Cntrl}]", "_");
    return word.isEmpty() ? "-" : word.length() > 80 ? word.substring(0, 80) + "..." : word;
  }

  /**
   * What the body is, as a file name's stem: {@code valid-tts-success-<JobId>}, {@code valid-workflow-success-<RunId>},
   * {@code invalid-value-tts-bogus-<JobId>}, {@code valid-auditing-image-success-<JobId>} (a content moderation's),
   * {@code invalid-syntax} (the problem's code, then what could be read).
   */
  String stem() {
    StringBuilder stem = new StringBuilder(valid ? "valid" : "invalid");
    if (!valid) {
      stem.append('-').append(firstProblem.map(p -> p.code().name()).orElse("unknown"));
    }
    boolean moderation = event.startsWith("Review");
    if (event.equals("WorkflowFinish")) {
      stem.append("-workflow");
    } else if (moderation) {
      stem.append("-auditing-").append(event.substring("Review".length()));
    } else if (!tag.equals("-")) {
      stem.append('-').append(tag);
    }
    if (!state.equals("-") && (!tag.equals("-") || event.equals("WorkflowFinish") || moderation)) {
      stem.append('-').append(state);
    }
    if (!id.equals("-")) {
      stem.append('-').append(id);
    }
    return safe(stem.toString().toLowerCase(Locale.ROOT).replace('_', '-'));
  }

  /** Only letters, digits, {@code - + .} (a hostile body's JobId may hold a slash), at most 120 characters. */
  private static String safe(String name) {
    String cleaned = name.replaceAll("[^a-z0-9+.-]", "_").replaceAll("\\.{2,}", "_");
    return cleaned.length() > 120 ? cleaned.substring(0, 120) : cleaned;
  }
}
