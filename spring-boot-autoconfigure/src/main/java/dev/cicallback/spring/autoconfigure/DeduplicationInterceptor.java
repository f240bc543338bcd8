package dev.cicallback.spring.autoconfigure;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Objects;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Settles the de-duplication key a request claimed once it is handled: kept when handling succeeded (a 2xx answer),
 * released when it did not (an exception, or an answer other than 2xx), so that CI's next delivery of that callback is
 * handled rather than dropped. A store that cannot be reached then is logged; the claim runs out with its lease.
 */
public final class DeduplicationInterceptor implements HandlerInterceptor {

  private static final System.Logger LOG = System.getLogger(DeduplicationInterceptor.class.getName());

  private final CallbackDeduplicator deduplicator;

  public DeduplicationInterceptor(CallbackDeduplicator deduplicator) {
    this.deduplicator = Objects.requireNonNull(deduplicator, "deduplicator");
  }

  @Override
  public void afterCompletion(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception failure) {
    if (!(request.getAttribute(CallbackHttpMessageConverter.CLAIMED_KEY_ATTRIBUTE) instanceof String key)) {
      return;
    }
    try {
      if (failure != null || response.getStatus() / 100 != 2) {
        deduplicator.release(key);
      } else {
        deduplicator.handled(key);
      }
    } catch (DeduplicationStoreException e) {
      LOG.log(System.Logger.Level.WARNING, e.getMessage() + "; the claim runs out with its lease");
    }
  }
}
