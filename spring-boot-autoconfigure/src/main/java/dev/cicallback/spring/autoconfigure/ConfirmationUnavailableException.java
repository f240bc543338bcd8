package dev.cicallback.spring.autoconfigure;

/**
 * CI's API could not confirm a callback now (unreachable, rate-limited, failing, or refusing the credentials): the
 * callback is answered 503 so that CI delivers it again, and never passed on unconfirmed. The message says what
 * happened and never holds a credential or a URL secret.
 */
public class ConfirmationUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ConfirmationUnavailableException(String message) {
    super(message, null, false, false);
  }
}
