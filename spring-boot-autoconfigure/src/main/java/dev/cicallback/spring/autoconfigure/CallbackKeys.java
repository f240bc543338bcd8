package dev.cicallback.spring.autoconfigure;

import dev.cicallback.model.json.Callback;
import dev.cicallback.model.json.JobsDetail;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** The de-duplication key of a callback: what identifies one delivery's subject. */
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
}
