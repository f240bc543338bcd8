package dev.cicallback.examples.spring;

import dev.cicallback.model.json.Callback;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The callback endpoint: the starter reads the body (XML or JSON), validates it, answers 400 or 413 for what it
 * refuses and drops second deliveries, so this method only sees valid callbacks, once each.
 */
@RestController
public class CallbackController {

  private final FinishedJobs jobs;

  public CallbackController(FinishedJobs jobs) {
    this.jobs = jobs;
  }

  @PostMapping("/ci/callback")
  void on(@RequestBody Callback callback) {
    jobs.finished(callback);
  }
}
