package dev.cicallback.cli.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cicallback.validator.CallbackWriter;
import dev.cicallback.validator.PayloadFormat;
import dev.cicallback.validator.Problem;
import dev.cicallback.validator.ReadResult;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * What a received body is, for the line {@code listen} prints and the name it saves it under: its verdict, the
 * event, the first job's Tag, State and JobId (or the workflow run's State and RunId), and its first problem. A node
 * the body does not have (or that an invalid body could not be read for) is "-".
 */
record Received(
    boolean valid, Optional<PayloadFormat> format, String event, String tag, String state, String id,
    Optional<Problem> firstProblem) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** {@code read}: the body read in the listener's mode; {@code tolerant}: read tolerantly, when that failed. */
  static Received of(ReadResult read, ReadResult tolerant) {
    ReadResult described = read.callback().isPresent() ? read : tolerant;
    String event = described.event().orElse("-");
    String tag = "-";
    String state = "-";
    String id = "-";
    if (described.callback().isPresent()) {
      JsonNode tree;
      try {
        tree = JSON.readTree(CallbackWriter.toJson(described.callback().get()));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      JsonNode job = first(tree.get("JobsDetail"));
      JsonNode run = first(tree.get("WorkflowExecution"));
      if (job != null) {
        tag = text(job, "Tag");
        state = text(job, "State");
        id = text(job, "JobId");
      } else if (run != null) {
        state = text(run, "State");
        id = text(run, "RunId");
      }
    }
    Optional<Problem> first = read.problems().stream().filter(Problem::isError).findFirst()
        .or(() -> read.problems().stream().findFirst());
    return new Received(read.isValid(), read.format(), event, tag, state, id, first);
  }

  private static JsonNode first(JsonNode node) {
    return node != null && node.isArray() ? node.get(0) : node;
  }

  private static String text(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value != null && value.isValueNode() && !value.asText().isEmpty() ? value.asText() : "-";
  }

  /**
   * What the body is, as a file name's stem: {@code valid-tts-success-<JobId>}, {@code valid-workflow-success-<RunId>},
   * {@code invalid-value-tts-bogus-<JobId>}, {@code invalid-syntax} (the problem's code, then what could be read).
   */
  String stem() {
    StringBuilder stem = new StringBuilder(valid ? "valid" : "invalid");
    if (!valid) {
      stem.append('-').append(firstProblem.map(p -> p.code().name()).orElse("unknown"));
    }
    if (event.equals("WorkflowFinish")) {
      stem.append("-workflow");
    } else if (!tag.equals("-")) {
      stem.append('-').append(tag);
    }
    if (!state.equals("-") && (!tag.equals("-") || event.equals("WorkflowFinish"))) {
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
