package dev.cicallback.cli.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cicallback.validator.CallbackReader;
import dev.cicallback.validator.CallbackValidator;
import dev.cicallback.validator.CallbackWriter;
import dev.cicallback.validator.PayloadFormat;
import dev.cicallback.validator.ReadResult;
import dev.cicallback.validator.ValidationResult;
import dev.cicallback.validator.ValidatorOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes an event's body: its fixture as CI's JSON tree (read with the contract, written back as CI writes it), fresh
 * ids and timestamps, the {@code --set} edits, then the wire form asked for, checked against the contract.
 */
public final class BodyMaker {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ValidatorOptions options;
  private final Map<PayloadFormat, CallbackValidator> validators = new ConcurrentHashMap<>();
  private final FreshValues fresh;
  private final Map<String, ObjectNode> trees = new ConcurrentHashMap<>();

  BodyMaker(ValidatorOptions options, FreshValues fresh) {
    this.options = options;
    this.fresh = fresh;
  }

  /** Bodies judged with {@code options} (mode and limits), with the current time and random ids. */
  public static BodyMaker create(ValidatorOptions options) {
    return new BodyMaker(options, FreshValues.now());
  }

  /** A body the contract refuses; {@link #verdict()} says why. */
  public static final class Refused extends Exception {
    private final transient Body body;
    private final transient ValidationResult verdict;

    Refused(Body body, ValidationResult verdict) {
      super(body.label() + ": the contract refuses the body", null, false, false);
      this.body = body;
      this.verdict = verdict;
    }

    public Body body() {
      return body;
    }

    public ValidationResult verdict() {
      return verdict;
    }
  }

  /**
   * A fresh body of {@code event} in {@code format} with {@code edits} made. A pointer that leads nowhere is refused
   * (with {@code allowInvalid}, a missing last step is added); so is a body the contract refuses, unless
   * {@code allowInvalid}, when it is made all the same and expected to be refused.
   */
  public Body make(Event event, PayloadFormat format, List<PointerEdit> edits, boolean allowInvalid)
      throws PointerEdit.Refused, Refused {
    ObjectNode tree = tree(event).deepCopy();
    fresh.refresh(tree);
    for (PointerEdit edit : edits) {
      edit.apply(tree, allowInvalid);
    }
    // A content-moderation callback is JSON only, as CI sends it, whatever format is asked for.
    PayloadFormat wire = event.moderation() ? PayloadFormat.JSON : format;
    byte[] bytes = wire == PayloadFormat.XML ? WireForms.xml(tree) : WireForms.json(tree);
    ValidationResult verdict = validators
        .computeIfAbsent(wire, f -> CallbackValidator.create(options.toBuilder().format(f).build()))
        .validate(bytes);
    Body body = new Body(event.name() + (wire == PayloadFormat.XML ? ".xml" : ".json"), Optional.of(wire), bytes,
        id(tree), verdict.isValid() ? Body.Expect.ACCEPTED : Body.Expect.REFUSED, event.contentVersion());
    if (!verdict.isValid() && !allowInvalid) {
      throw new Refused(body, verdict);
    }
    return body;
  }

  /** The event's fixture as CI's JSON tree, read once. */
  ObjectNode tree(Event event) {
    return trees.computeIfAbsent(event.fixture(), BodyMaker::load);
  }

  private static ObjectNode load(String fixture) {
    byte[] bytes;
    try (InputStream in = BodyMaker.class.getResourceAsStream("/" + EventCatalogue.FIXTURES + fixture)) {
      if (in == null) {
        throw new IllegalStateException("the fixture " + fixture + " is not packaged (cli/pom.xml copies them)");
      }
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ReadResult read = CallbackReader.strict().read(bytes);
    if (!read.isValid()) {
      throw new IllegalStateException("the packaged fixture " + fixture + " is not valid: " + read.problems());
    }
    try {
      byte[] json = read.moderation().isPresent() ? CallbackWriter.toJson(read.moderation().get())
          : CallbackWriter.toJson(read.callback().orElseThrow());
      return (ObjectNode) JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first job's JobId, or the workflow run's RunId, or a Simple moderation callback's trace_id, or "-". */
  static String id(JsonNode tree) {
    if (tree.path("data").path("trace_id").isTextual()) {
      return tree.get("data").get("trace_id").textValue();
    }
    JsonNode job = first(tree.get("JobsDetail"));
    if (job != null && job.path("JobId").isTextual()) {
      return job.get("JobId").textValue();
    }
    JsonNode run = first(tree.get("WorkflowExecution"));
    if (run != null && run.path("RunId").isTextual()) {
      return run.get("RunId").textValue();
    }
    return "-";
  }

  private static JsonNode first(JsonNode node) {
    return node != null && node.isArray() ? node.get(0) : node;
  }
}
