package dev.cicallback.spring.autoconfigure;

import java.util.Objects;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Spring WebFlux's counterpart of {@link DeduplicationInterceptor}: settles the de-duplication key that
 * {@link CallbackHttpMessageReader} claimed for a request once it is handled, kept when the answer is 2xx, released
 * otherwise (an error, or another status), so that CI's next delivery is handled rather than dropped. The claim is
 * handed over in the Reactor context; the store is asked off the event loop. A store that cannot be reached then is
 * logged; the claim runs out with its lease.
 */
public final class DeduplicationWebFilter implements WebFilter {

  private static final System.Logger LOG = System.getLogger(DeduplicationWebFilter.class.getName());

  private final CallbackDeduplicator deduplicator;

  public DeduplicationWebFilter(CallbackDeduplicator deduplicator) {
    this.deduplicator = Objects.requireNonNull(deduplicator, "deduplicator");
  }

  /** The key one request claimed, if it claimed one. */
  static final class Claim {
    private volatile String key;

    void claimed(String key) {
      this.key = key;
    }

    String key() {
      return key;
    }
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    Claim claim = new Claim();
    return chain.filter(exchange)
        .contextWrite(context -> context.put(Claim.class, claim))
        .then(Mono.defer(() -> settle(claim, isSuccess(exchange.getResponse().getStatusCode()))))
        .onErrorResume(e -> settle(claim, false).then(Mono.error(e)));
  }

  private static boolean isSuccess(HttpStatusCode status) {
    return status == null || status.is2xxSuccessful(); // no status set yet: 200
  }

  private Mono<Void> settle(Claim claim, boolean success) {
    String key = claim.key;
    if (key == null) {
      return Mono.empty();
    }
    claim.key = null;
    return Mono.<Void>fromRunnable(() -> {
      try {
        if (success) {
          deduplicator.handled(key);
        } else {
          deduplicator.release(key);
        }
      } catch (DeduplicationStoreException e) {
        LOG.log(System.Logger.Level.WARNING, e.getMessage() + "; the claim runs out with its lease");
      }
    }).subscribeOn(Schedulers.boundedElastic());
  }
}
