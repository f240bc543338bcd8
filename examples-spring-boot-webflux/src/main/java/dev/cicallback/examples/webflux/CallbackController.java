package dev.cicallback.examples.webflux;

import dev.cicallback.model.json.Callback;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The callback endpoint: the starter reads the body (XML or JSON) as it streams in, validates it, answers 400 or 413
 * for what it refuses and drops second deliveries, so this method only sees valid callbacks, once each.
 */
@RestController
public class CallbackController {

  private final FinishedJobs jobs;

  public CallbackController(FinishedJobs jobs) {
    this.jobs = jobs;
  }

  @PostMapping("/ci/callback")
  Mono<Void> on(@RequestBody Mono<Callback> callback) {
    return callback.doOnNext(jobs::finished).then();
  }
}
