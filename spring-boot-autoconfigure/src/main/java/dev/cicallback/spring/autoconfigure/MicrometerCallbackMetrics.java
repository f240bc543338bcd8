package dev.cicallback.spring.autoconfigure;

import dev.cicallback.model.json.Callback;
import dev.cicallback.model.json.JobsDetail;
import dev.cicallback.validator.ProblemCode;
import dev.cicallback.validator.ReadResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Counts callbacks in Micrometer, with tags of bounded cardinality whatever a body holds:
 *
 * <ul>
 *   <li>{@code ci.callback.received} (counter), tagged {@code event} ({@code TaskFinish}, {@code WorkflowFinish}),
 *       {@code tag} (the job Tag when the contract knows it, {@code other} for any other Tag, {@code none} for a
 *       workflow run), {@code state} (the job's or run's State, one of the contract's, or {@code none} when the body
 *       has none), {@code outcome} ({@link CallbackOutcome#tagValue()}: {@code valid}, {@code invalid},
 *       {@code too_large}, {@code duplicate}, {@code store_unavailable}) and {@code transport} ({@code http},
 *       {@code kafka}); a body that was not read (invalid or too large) has {@code unknown} for event, tag and state;
 *   <li>{@code ci.callback.read} (timer): how long reading and validating took, tagged {@code outcome} and
 *       {@code transport}.
 * </ul>
 */
public final class MicrometerCallbackMetrics implements CallbackMetrics {

  /** The counter's name. */
  public static final String RECEIVED = "ci.callback.received";
  /** The timer's name. */
  public static final String READ = "ci.callback.read";
  /** The tag value for what a body that was not read would have said. */
  public static final String UNKNOWN = "unknown";
  /** The tag value of a job Tag the contract does not know. */
  public static final String OTHER = "other";
  /** The tag value for a node the body does not have. */
  public static final String NONE = "none";

  private final MeterRegistry registry;

  public MicrometerCallbackMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public void record(CallbackOutcome outcome, ReadResult read, long nanos) {
    record(HTTP, outcome, read, nanos);
  }

  @Override
  public void record(String transport, CallbackOutcome outcome, ReadResult read, long nanos) {
    Tags tags = Tags.of("outcome", outcome.tagValue(), "transport", transport);
    Counter.builder(RECEIVED)
        .description("CI callbacks posted to the endpoint or read from Kafka")
        .tags(tags.and(describe(read)))
        .register(registry)
        .increment();
    Timer.builder(READ)
        .description("Time to read and validate a CI callback")
        .tags(tags)
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /** The event, tag and state tags of what was read. */
  static Tags describe(ReadResult read) {
    if (read != null && read.moderation().isPresent()) {
      // A content-moderation callback: event "moderation", its kind as the tag, the Detail form's State.
      var moderation = read.moderation().get();
      String state = moderation.detail().map(d -> d.getJobsDetail().getState())
          .map(st -> st.value()).orElse(NONE);
      return Tags.of("event", "moderation", "tag", moderation.kind().name(), "state", state);
    }
    if (read == null || read.callback().isEmpty()) {
      return Tags.of("event", UNKNOWN, "tag", UNKNOWN, "state", UNKNOWN);
    }
    Callback callback = read.callback().get();
    String event = read.event().orElse(UNKNOWN);
    if (callback.getWorkflowExecution() != null) {
      var state = callback.getWorkflowExecution().getState();
      return Tags.of("event", event, "tag", NONE, "state", state == null ? NONE : state.value());
    }
    if (callback.getJobsDetail().isEmpty()) {
      return Tags.of("event", event, "tag", NONE, "state", NONE);
    }
    JobsDetail job = callback.getJobsDetail().get(0);
    // Tag is text in the model; only the contract's Tags (a bounded set) become tag values.
    boolean unknownTag = read.problems().stream().anyMatch(p -> p.code() == ProblemCode.UNKNOWN_TAG);
    String tag = job.getTag() == null ? NONE : unknownTag ? OTHER : job.getTag();
    return Tags.of("event", event, "tag", tag, "state", job.getState() == null ? NONE : job.getState().value());
  }
}
