package dev.cicallback.cli.simulate;

import dev.cicallback.validator.ValidatorOptions;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How {@link Listener} runs: where it listens, on how many threads, how it judges bodies (mode and limits, the size
 * limit bounding what it reads), where it saves them and where it forwards them, and after how many bodies it stops
 * by itself (0: never).
 */
public record ListenerOptions(
    InetSocketAddress address, int threads, ValidatorOptions validation, Optional<Path> save,
    Optional<URI> forwardTo, Duration forwardTimeout, int maxRequests) {

  public static final int DEFAULT_THREADS = 16;

  public ListenerOptions {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, not " + threads);
    }
  }

  /** Loopback, an ephemeral port, 16 threads, strict, nothing saved or forwarded, no limit on requests. */
  public static ListenerOptions loopback() {
    return new ListenerOptions(new InetSocketAddress("127.0.0.1", 0), DEFAULT_THREADS, ValidatorOptions.defaults(),
        Optional.empty(), Optional.empty(), Duration.ofSeconds(10), 0);
  }

  public ListenerOptions withSave(Path folder) {
    return new ListenerOptions(address, threads, validation, Optional.of(folder), forwardTo, forwardTimeout,
        maxRequests);
  }

  public ListenerOptions withForwardTo(URI app) {
    return new ListenerOptions(address, threads, validation, save, Optional.of(app), forwardTimeout, maxRequests);
  }

  public ListenerOptions withValidation(ValidatorOptions options) {
    return new ListenerOptions(address, threads, options, save, forwardTo, forwardTimeout, maxRequests);
  }

  public ListenerOptions withThreads(int count) {
    return new ListenerOptions(address, count, validation, save, forwardTo, forwardTimeout, maxRequests);
  }
}
