package dev.cicallback.cli;

import dev.cicallback.validator.CallbackValidator;
import dev.cicallback.validator.ValidationResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The verdicts of one {@code validate} run: each payload is judged on the pool as the walk finds it, at most a window
 * ahead of the verdicts taken in, and of each verdict only what the report needs is kept (with the text report, the
 * payloads that have problems; with the others, every payload). Memory therefore stays flat with the batch's size
 * unless the report itself lists every payload. Used from one thread, the walk's.
 */
final class Batch {

  /** Payloads judged ahead of the verdicts taken in: enough to keep every core busy, few enough to hold. */
  static final int WINDOW = 256;

  /** Reading a payload failed; carries the cause past the walk, which reports its own failures otherwise. */
  static final class ReadFailure extends RuntimeException {
    final IOException reading;

    ReadFailure(IOException reading) {
      super(reading.getMessage(), reading, false, false);
      this.reading = reading;
    }
  }

  private record Pending(int argument, String source, Future<Timed> verdict) {}

  /** A verdict and the time it took. */
  private record Timed(ValidationResult result, long nanos) {}

  /** A kept verdict with the argument that named its payload, for report order. */
  private record Kept(int argument, PayloadResult result) {}

  private interface IoCall {
    ValidationResult call() throws IOException;
  }

  private final ExecutorService pool;
  private final CallbackValidator validator;
  private final InputStream stdin;
  private final Progress progress;
  private final boolean keepAll;
  private final Deque<Pending> window = new ArrayDeque<>();
  private final List<Kept> kept = new ArrayList<>();
  private long count;
  private long valid;

  /** {@code keepAll}: whether the report lists every payload, not only those with problems. */
  Batch(ExecutorService pool, CallbackValidator validator, InputStream stdin, Progress progress, boolean keepAll) {
    this.pool = pool;
    this.validator = validator;
    this.stdin = stdin;
    this.progress = progress;
    this.keepAll = keepAll;
  }

  /** Starts judging {@code source}, named by argument {@code argument}; takes in the oldest verdict past the window. */
  void add(int argument, String source) {
    progress.found();
    count++;
    Future<Timed> verdict = source.equals(PayloadSources.STDIN)
        ? CompletableFuture.completedFuture(timed(() -> validator.validate(stdin)))
        : pool.submit(() -> timed(() -> validator.validate(Path.of(source))));
    window.add(new Pending(argument, source, verdict));
    if (window.size() > WINDOW) {
      takeIn(window.poll());
    }
  }

  /** Takes in every verdict still pending; then the counts and {@link #kept()} are final. */
  void finish() {
    while (!window.isEmpty()) {
      takeIn(window.poll());
    }
  }

  long count() {
    return count;
  }

  long valid() {
    return valid;
  }

  /**
   * The verdicts kept, in report order ({@link PayloadSources#expand}): the arguments in turn, each one's sources
   * sorted.
   */
  List<PayloadResult> kept() {
    return kept.stream()
        .sorted(Comparator.comparingInt(Kept::argument).thenComparing(k -> k.result().path()))
        .map(Kept::result)
        .toList();
  }

  private void takeIn(Pending pending) {
    Timed timed;
    try {
      timed = pending.verdict().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ReadFailure failure) {
        throw failure;
      }
      throw new IllegalStateException(e.getCause());
    }
    valid += timed.result().isValid() ? 1 : 0;
    if (keepAll || !timed.result().problems().isEmpty()) {
      kept.add(new Kept(pending.argument(), new PayloadResult(pending.source(), timed.result(), timed.nanos())));
    }
  }

  private Timed timed(IoCall call) {
    long start = System.nanoTime();
    try {
      ValidationResult result = call.call();
      progress.checked();
      return new Timed(result, System.nanoTime() - start);
    } catch (IOException e) {
      throw new ReadFailure(e);
    }
  }
}
