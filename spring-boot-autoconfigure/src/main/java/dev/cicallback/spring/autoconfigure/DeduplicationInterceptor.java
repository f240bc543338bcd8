package dev.cicallback.spring.autoconfigure;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Objects;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Releases the de-duplication key a request claimed when handling it did not succeed (an exception, or an answer
 * other than 2xx), so that CI's next delivery of that callback is handled rather than dropped.
 */
public final class DeduplicationInterceptor implements HandlerInterceptor {

  private final CallbackDeduplicator deduplicator;

  public DeduplicationInterceptor(CallbackDeduplicator deduplicator) {
    this.deduplicator = Objects.requireNonNull(deduplicator, "deduplicator");
  }

  @Override
  public void afterCompletion(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception failure) {
    if (request.getAttribute(CallbackHttpMessageConverter.CLAIMED_KEY_ATTRIBUTE) instanceof String key
        && (failure != null || response.getStatus() / 100 != 2)) {
      deduplicator.release(key);
    }
  }
}
