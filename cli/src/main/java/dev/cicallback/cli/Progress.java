package dev.cicallback.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How far a long batch has got, on one line of standard error that each update overwrites, for someone watching a
 * terminal: nothing when standard error is piped (CI logs), nothing for a batch that ends within {@link Policy#after},
 * and the line erased when the batch ends, before the report.
 */
final class Progress implements AutoCloseable {

  /** Whether standard error is a terminal, and how long a batch runs before its progress shows. */
  record Policy(boolean stderrIsTerminal, Duration after) {

    /** No progress, whatever the batch: for embedding and tests. */
    static final Policy NEVER = new Policy(false, Duration.ZERO);

    /** Progress after a second when this process's standard error is a terminal. */
    static Policy detect() {
      return new Policy(stderrIsATerminal(), Duration.ofSeconds(1));
    }

    /**
     * On Linux, whether file descriptor 2 is a terminal device; elsewhere, whether the JVM has a console (standard
     * input and output both terminals), the nearest the JDK tells.
     */
    private static boolean stderrIsATerminal() {
      try {
        String device = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
        return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty");
      } catch (IOException | UnsupportedOperationException | SecurityException e) {
        return System.console() != null;
      }
    }
  }

  private static final long UPDATE_MILLIS = 200;

  private final PrintWriter err;
  private final String label;
  private final long start = System.nanoTime();
  private final long afterNanos;
  private final ScheduledExecutorService ticker;
  private final AtomicInteger found = new AtomicInteger();
  private final AtomicInteger checked = new AtomicInteger();
  private int shown; // the widest line written, so that a shorter one and the final erasure cover it
  private boolean closed;

  private Progress(Policy policy, String label, PrintWriter err) {
    this.err = err;
    this.label = label;
    this.afterNanos = policy.after().toNanos();
    if (policy.stderrIsTerminal()) {
      ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ci-callback-progress");
        thread.setDaemon(true);
        return thread;
      });
      ticker.scheduleWithFixedDelay(this::update, afterNanos, UPDATE_MILLIS * 1_000_000, TimeUnit.NANOSECONDS);
    } else {
      ticker = null;
    }
  }

  /** Starts counting; {@code label} begins the line, e.g. "ci-callback validate". */
  static Progress start(Policy policy, String label, PrintWriter err) {
    return new Progress(policy, label, err);
  }

  /** One more payload to check. */
  void found() {
    found.incrementAndGet();
  }

  /** One more payload checked. */
  void checked() {
    checked.incrementAndGet();
  }

  private synchronized void update() {
    if (closed || System.nanoTime() - start < afterNanos) {
      return;
    }
    String line = label + ": checked " + checked.get() + " of " + found.get() + " payloads";
    err.print("\r" + line + " ".repeat(Math.max(0, shown - line.length())));
    err.flush();
    shown = Math.max(shown, line.length());
  }

  /** Stops the updates; a batch that ran long enough shows its final count, and then the line is erased. */
  @Override
  public void close() {
    if (ticker == null) {
      return;
    }
    ticker.shutdownNow();
    try {
      ticker.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      if (closed) {
        return; // erased already: a second close must not write over what followed
      }
      update();
      closed = true;
      if (shown > 0) {
        err.print("\r" + " ".repeat(shown) + "\r");
        err.flush();
      }
    }
  }
}
