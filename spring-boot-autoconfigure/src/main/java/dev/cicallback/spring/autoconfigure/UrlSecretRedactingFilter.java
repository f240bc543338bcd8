package dev.cicallback.spring.autoconfigure;

import dev.cicallback.validator.UrlSecret;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.util.Objects;
import org.springframework.core.Ordered;

/**
 * Takes the URL secret out of what the rest of the application sees of the query: the request goes on with
 * {@code getQueryString()} redacted ({@code ci-secret=REDACTED}), so that Spring's own request logging at DEBUG and a
 * service's logs of the URL never hold the secret, while {@link UrlSecretInterceptor} checks the query as it came
 * ({@link #rawQuery}). Registered as a bean, it runs first of all filters, on every path. The embedded server's
 * access log, written outside the application, is the service's to keep free of query strings (see
 * docs/authenticity.md).
 */
public final class UrlSecretRedactingFilter implements Filter, Ordered {

  private static final String RAW_QUERY = UrlSecretRedactingFilter.class.getName() + ".rawQuery";

  private final UrlSecret secret;

  public UrlSecretRedactingFilter(UrlSecret secret) {
    this.secret = Objects.requireNonNull(secret, "secret");
  }

  /** First of all filters, so that none sees the secret. */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!(request instanceof HttpServletRequest http) || http.getQueryString() == null
        || http.getAttribute(RAW_QUERY) != null) {
      chain.doFilter(request, response);
      return;
    }
    String raw = http.getQueryString();
    String redacted = secret.redact(raw);
    if (redacted.equals(raw)) {
      chain.doFilter(request, response);
      return;
    }
    http.setAttribute(RAW_QUERY, new RawQuery(raw));
    chain.doFilter(new HttpServletRequestWrapper(http) {
      @Override
      public String getQueryString() {
        return redacted;
      }
    }, response);
  }

  /** The query as it came, when this filter redacted it; otherwise the request's own. */
  static String rawQuery(HttpServletRequest request) {
    return request.getAttribute(RAW_QUERY) instanceof RawQuery raw ? raw.value() : request.getQueryString();
  }

  /** The raw query, held so that printing the request's attributes does not print it. */
  private record RawQuery(String value) {
    @Override
    public String toString() {
      return "RawQuery[REDACTED]";
    }
  }
}
