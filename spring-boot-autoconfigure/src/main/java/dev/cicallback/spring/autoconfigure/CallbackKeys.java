package dev.cicallback.spring.autoconfigure;

import dev.cicallback.model.json.Callback;
import dev.cicallback.model.json.JobsDetail;
import dev.cicallback.validator.ModerationCallback;
import dev.cicallback.validator.ModerationKind;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** The de-duplication key of a callback (job, workflow or content moderation): what identifies one delivery. */
public final class CallbackKeys {

  private CallbackKeys() {}

  /**
   * {@code WorkflowFinish:<RunId>} for a workflow run, {@code TaskFinish:<JobId>} for a job (the JobIds joined with
   * commas should a body hold several jobs); empty when the body carries no such id.
   */
  public static Optional<String> of(Callback callback) {
    if (callback.getWorkflowExecution() != null) {
      return Optional.ofNullable(callback.getWorkflowExecution().getRunId())
          .filter(id -> !id.isEmpty())
          .map(id -> "WorkflowFinish:" + id);
    }
    String jobIds = callback.getJobsDetail().stream()
        .map(JobsDetail::getJobId)
        .filter(Objects::nonNull)
        .filter(id -> !id.isEmpty())
        .collect(Collectors.joining(","));
    return jobIds.isEmpty() ? Optional.empty() : Optional.of("TaskFinish:" + jobIds);
  }

  /**
   * The key of a content-moderation callback. Detail form: {@code Moderation:<JobId>:<State>}, since CI calls back once
   * per state a job reaches (a job's {@code Auditing} callback and its {@code Success} one are both handled). Simple
   * form, which has no State and is sent once per moderation: {@code ModerationSimple:<data.trace_id>}. Empty, and so
   * never dropped, when the id is absent or empty, and for a live stream's {@code Auditing} callbacks: CI sends one per
   * batch of frames, all with the same JobId and State, and a redelivery cannot be told from the next batch. (A Simple
   * callback of a live stream cannot be told from a video's; its batches would share a key, so a live stream
   * moderated with de-duplication on should use the Detail form.)
   */
  public static Optional<String> of(ModerationCallback moderation) {
    if (moderation instanceof ModerationCallback.Simple simple) { // Java 17: no patterns in a switch
      return Optional.ofNullable(simple.body().getData())
          .map(data -> data.getTraceId())
          .filter(id -> !id.isEmpty())
          .map(id -> "ModerationSimple:" + id);
    }
    var job = ((ModerationCallback.Detail) moderation).body().getJobsDetail();
    if (job == null || job.getJobId() == null || job.getJobId().isEmpty() || job.getState() == null) {
      return Optional.empty();
    }
    String state = job.getState().value();
    if (moderation.kind() == ModerationKind.LIVE_STREAM && "Auditing".equals(state)) {
      return Optional.empty();
    }
    return Optional.of("Moderation:" + job.getJobId() + ":" + state);
  }
}
