package dev.cicallback.spring.autoconfigure;

import dev.cicallback.model.json.Callback;
import dev.cicallback.validator.ModerationCallback;
import dev.cicallback.validator.UrlSecret;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a request to a callback method (one whose {@code @RequestBody} is a {@link Callback} or a
 * {@link ModerationCallback}) whose query does not carry the {@link UrlSecret}: answered 404 with no body, before the
 * body is read, the de-duplication store asked or the method called, so that a probe cannot tell the endpoint from a
 * path that does not exist. Other handlers are left alone. The refusal is counted
 * ({@link CallbackOutcome#WRONG_SECRET}) and logged with the method, the path (never the query) and the client's
 * address.
 */
public final class UrlSecretInterceptor implements HandlerInterceptor {

  private static final System.Logger LOG = System.getLogger(UrlSecretInterceptor.class.getName());

  private final UrlSecret secret;
  private final CallbackMetrics metrics;
  private final Map<Method, Boolean> callbackMethods = new ConcurrentHashMap<>();

  public UrlSecretInterceptor(UrlSecret secret, CallbackMetrics metrics) {
    this.secret = Objects.requireNonNull(secret, "secret");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method)
        || !callbackMethods.computeIfAbsent(method.getMethod(), m -> takesCallback(method))) {
      return true;
    }
    if (secret.matchesQuery(UrlSecretRedactingFilter.rawQuery(request))) {
      return true;
    }
    metrics.record(CallbackMetrics.HTTP, CallbackOutcome.WRONG_SECRET, null, 0);
    LOG.log(System.Logger.Level.WARNING, "callback refused (404): no or wrong URL secret in "
        + request.getMethod() + " " + request.getRequestURI() + " from " + request.getRemoteAddr());
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    return false;
  }

  /** Whether a parameter of the method is a {@code @RequestBody} callback of either kind. */
  static boolean takesCallback(HandlerMethod method) {
    for (MethodParameter parameter : method.getMethodParameters()) {
      if (parameter.hasParameterAnnotation(RequestBody.class)
          && BodyReading.isCallbackType(parameter.getParameterType())) {
        return true;
      }
    }
    return false;
  }
}
