package dev.cicallback.validator;

/** What a body read by {@link CallbackReader} is: a job's callback, a workflow run's, or a content moderation's. */
public enum CallbackKind {
  /** {@code TaskFinish} (or an older body without EventName read as one): {@link ReadResult#callback()}. */
  JOB,
  /** {@code WorkflowFinish}: {@link ReadResult#callback()}. */
  WORKFLOW,
  /** A content-moderation (内容审核) callback, either form: {@link ReadResult#moderation()}. */
  MODERATION
}
