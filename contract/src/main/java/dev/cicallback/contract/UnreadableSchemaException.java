package dev.cicallback.contract;

/** A contract folder or one of its schemas cannot be read; the message names the file and, where known, the line. */
public final class UnreadableSchemaException extends Exception {

  private static final long serialVersionUID = 1L;

  /** A failure described by {@code message}. */
  public UnreadableSchemaException(String message) {
    super(message, null, false, false);
  }

  /** A failure described by {@code message}, caused by {@code cause}. */
  public UnreadableSchemaException(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
