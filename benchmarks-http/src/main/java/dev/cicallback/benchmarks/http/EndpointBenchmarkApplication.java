package dev.cicallback.benchmarks.http;

import dev.cicallback.model.json.Callback;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service benchmarks/endpoint.sh loads: the starter's endpoint ({@code POST /callback}, a {@link Callback} read,
 * validated and de-duplicated by the starter) beside a bare one ({@code POST /bare}, the body as bytes, nothing
 * else), in one application, so that both run on the same server, threads and settings.
 */
@SpringBootApplication
@RestController
public class EndpointBenchmarkApplication {

  private final LongAdder handled = new LongAdder();

  public static void main(String[] args) {
    SpringApplication.run(EndpointBenchmarkApplication.class, args);
  }

  /** The starter's endpoint: the method sees valid callbacks, each once. */
  @PostMapping("/callback")
  ResponseEntity<Void> callback(@RequestBody Callback callback) {
    handled.increment();
    return ResponseEntity.ok().build();
  }

  /** The bare endpoint: the body read as bytes, answered 200. */
  @PostMapping("/bare")
  ResponseEntity<Void> bare(@RequestBody byte[] body) {
    handled.add(body.length > 0 ? 1 : 0);
    return ResponseEntity.ok().build();
  }
}
