package dev.cicallback.spring.autoconfigure;

/**
 * The de-duplication store could not be asked (the database or Redis is down, slow or refuses the statement): the
 * delivery is neither handled nor dropped, since the store cannot tell whether it was handled. Over HTTP it is answered
 * 503, so that CI delivers it again; a Kafka listener does not commit the record.
 */
public final class DeduplicationStoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public DeduplicationStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
