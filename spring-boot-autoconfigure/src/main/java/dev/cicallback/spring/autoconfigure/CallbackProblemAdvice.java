package dev.cicallback.spring.autoconfigure;

import dev.cicallback.validator.Problem;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers what the converter refuses, before any controller runs: an invalid body with 400, a body over the limit
 * with 413 (and {@code Connection: close}, so the rest of it is not read), each as an RFC 9457
 * {@code application/problem+json} body; a de-duplication store that cannot be reached with 503 (the same); a duplicate
 * delivery with 200 and no body. Ordered first, so that a
 * service's own handler of {@code HttpMessageNotReadableException} does not take these.
 *
 * <p>An invalid body's problem has {@code type} {@link #INVALID_TYPE}, {@code title}, {@code status}, {@code detail}
 * (the first error in words) and the extension member {@code problems}: every problem, errors and warnings in
 * document order, each {@code {code, severity, line, column, location, message}} as {@code Problem} has them.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CallbackProblemAdvice {

  /** The {@code type} of the 400 answer. */
  public static final URI INVALID_TYPE = URI.create("tag:cicallback.dev,2026:invalid-callback");
  /** The {@code type} of the 413 answer. */
  public static final URI TOO_LARGE_TYPE = URI.create("tag:cicallback.dev,2026:callback-too-large");
  /** The {@code type} of the 503 answer. */
  public static final URI STORE_UNAVAILABLE_TYPE = URI.create("tag:cicallback.dev,2026:deduplication-unavailable");

  private static final System.Logger LOG = System.getLogger(CallbackProblemAdvice.class.getName());

  /** 400, with every problem. */
  @ExceptionHandler(InvalidCallbackException.class)
  public ResponseEntity<ProblemDetail> invalid(InvalidCallbackException e) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    body.setType(INVALID_TYPE);
    body.setTitle("Invalid callback");
    body.setProperty("problems", e.read().problems().stream().map(CallbackProblemAdvice::member).toList());
    return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }

  /** 413, unread; the connection is closed after the answer. */
  @ExceptionHandler(CallbackTooLargeException.class)
  public ResponseEntity<ProblemDetail> tooLarge(CallbackTooLargeException e) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage());
    body.setType(TOO_LARGE_TYPE);
    body.setTitle("Callback too large");
    body.setProperty("maxBytes", e.limit());
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
        .header(HttpHeaders.CONNECTION, "close")
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(body);
  }

  /**
   * 503: the de-duplication store cannot tell whether this delivery was handled, so it is not handled now; CI delivers
   * it again.
   */
  @ExceptionHandler(DeduplicationStoreException.class)
  public ResponseEntity<ProblemDetail> storeUnavailable(DeduplicationStoreException e) {
    LOG.log(System.Logger.Level.WARNING, e.getMessage());
    ProblemDetail body = ProblemDetail.forStatusAndDetail(
        HttpStatus.SERVICE_UNAVAILABLE, "the de-duplication store cannot be reached; deliver the callback again");
    body.setType(STORE_UNAVAILABLE_TYPE);
    body.setTitle("De-duplication store unavailable");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(body);
  }

  /** 200: CI delivered this one before, and it was handled. */
  @ExceptionHandler(DuplicateCallbackException.class)
  public ResponseEntity<Void> duplicate(DuplicateCallbackException e) {
    return ResponseEntity.ok().build();
  }

  private static Map<String, Object> member(Problem p) {
    Map<String, Object> member = new LinkedHashMap<>();
    member.put("code", p.code().name());
    member.put("severity", p.severity().name());
    member.put("line", p.line());
    member.put("column", p.column());
    member.put("location", p.location());
    member.put("message", p.message());
    return member;
  }

  /** The members of every problem, as the 400 answer lists them (for tests and logs). */
  static List<Map<String, Object>> members(List<Problem> problems) {
    return problems.stream().map(CallbackProblemAdvice::member).toList();
  }
}
