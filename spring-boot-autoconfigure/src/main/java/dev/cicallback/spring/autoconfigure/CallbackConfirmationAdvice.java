package dev.cicallback.spring.autoconfigure;

import dev.cicallback.model.json.Callback;
import dev.cicallback.validator.ModerationCallback;
import java.lang.reflect.Type;
import java.net.URI;
import java.util.Objects;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * In Spring MVC, confirms each callback read for a {@code @RequestBody Callback} or {@code ModerationCallback}
 * parameter through {@link CallbackConfirmer} before the method is called (after the converter has read and validated
 * it, and claimed its de-duplication key, which a refusal releases): a callback CI's record does not confirm is
 * answered 403 ({@link #NOT_CONFIRMED_TYPE}), one that cannot be confirmed now 503 ({@link #UNAVAILABLE_TYPE}), so
 * that CI delivers it again. Each refusal is counted ({@link CallbackOutcome#NOT_CONFIRMED},
 * {@link CallbackOutcome#CONFIRMATION_UNAVAILABLE}) and logged with the mismatch or the cause; the answers say neither.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CallbackConfirmationAdvice extends RequestBodyAdviceAdapter {

  /** The {@code type} of the 403 answer. */
  public static final URI NOT_CONFIRMED_TYPE = URI.create("tag:cicallback.dev,2026:callback-not-confirmed");
  /** The {@code type} of the 503 answer. */
  public static final URI UNAVAILABLE_TYPE = URI.create("tag:cicallback.dev,2026:confirmation-unavailable");

  private static final System.Logger LOG = System.getLogger(CallbackConfirmationAdvice.class.getName());

  private final CallbackConfirmer confirmer;
  private final CallbackMetrics metrics;

  public CallbackConfirmationAdvice(CallbackConfirmer confirmer, CallbackMetrics metrics) {
    this.confirmer = Objects.requireNonNull(confirmer, "confirmer");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  @Override
  public boolean supports(
      MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
    return targetType instanceof Class<?> type && BodyReading.isCallbackType(type);
  }

  @Override
  public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    long start = System.nanoTime();
    CallbackConfirmer.Confirmation confirmation;
    try {
      if (body instanceof Callback callback) {
        confirmation = confirmer.confirm(callback);
      } else if (body instanceof ModerationCallback moderation) {
        confirmation = confirmer.confirm(moderation);
      } else {
        return body;
      }
    } catch (ConfirmationUnavailableException e) {
      metrics.record(CallbackMetrics.HTTP, CallbackOutcome.CONFIRMATION_UNAVAILABLE, null, System.nanoTime() - start);
      LOG.log(System.Logger.Level.WARNING, "callback answered 503, not confirmed: " + e.getMessage());
      throw e;
    }
    if (!confirmation.confirmed()) {
      metrics.record(CallbackMetrics.HTTP, CallbackOutcome.NOT_CONFIRMED, null, System.nanoTime() - start);
      LOG.log(System.Logger.Level.WARNING, "callback refused (403) as forged: " + confirmation.mismatch());
      throw new CallbackNotConfirmedException(confirmation.mismatch());
    }
    return body;
  }

  /** 403: CI's record does not confirm the callback; the answer does not say how it differs. */
  @ExceptionHandler(CallbackNotConfirmedException.class)
  public ResponseEntity<ProblemDetail> notConfirmed(CallbackNotConfirmedException e) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
        "CI's API does not confirm this callback");
    body.setType(NOT_CONFIRMED_TYPE);
    body.setTitle("Callback not confirmed");
    return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }

  /** 503: CI's API could not be asked; CI delivers the callback again. */
  @ExceptionHandler(ConfirmationUnavailableException.class)
  public ResponseEntity<ProblemDetail> unavailable(ConfirmationUnavailableException e) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
        "The callback cannot be confirmed through CI's API now; deliver it again");
    body.setType(UNAVAILABLE_TYPE);
    body.setTitle("Confirmation unavailable");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "10")
        .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }
}
