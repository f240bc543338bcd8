package dev.cicallback.cli.simulate;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sends bodies, {@code concurrency} at a time, printing one line per delivery as it completes (status, time, what
 * was sent, its JobId or RunId, and what was wrong when the answer is not the expected one) and then a summary.
 */
public final class Trigger {

  /** Makes the {@code index}th body to send (0-based). */
  @FunctionalInterface
  public interface Bodies {
    Body make(int index) throws Exception;
  }

  private final Sender sender;
  private final int concurrency;
  private final PrintWriter out;
  private final CiApiStandIn ciApi;

  public Trigger(Sender sender, int concurrency, PrintWriter out) {
    this(sender, concurrency, out, null);
  }

  /** Records each body in {@code ciApi} (null: none) before sending it, so that a service can confirm it there. */
  public Trigger(Sender sender, int concurrency, PrintWriter out, CiApiStandIn ciApi) {
    this.sender = sender;
    this.concurrency = concurrency;
    this.out = out;
    this.ciApi = ciApi;
  }

  /** Sends {@code count} bodies; returns whether every answer was the expected one. */
  public boolean run(int count, Bodies bodies) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, count), runnable -> {
      Thread thread = new Thread(runnable, "ci-callback-trigger");
      thread.setDaemon(true);
      return thread;
    });
    List<Delivery> deliveries = new ArrayList<>(count);
    try {
      ExecutorCompletionService<Delivery> done = new ExecutorCompletionService<>(pool);
      for (int i = 0; i < count; i++) {
        int index = i;
        done.submit(() -> {
          Body body = bodies.make(index);
          if (ciApi != null) {
            ciApi.record(body); // before it is sent: the service asks while it handles it
          }
          return sender.send(body);
        });
      }
      for (int i = 0; i < count; i++) {
        Future<Delivery> next = done.take();
        Delivery delivery;
        try {
          delivery = next.get();
        } catch (ExecutionException e) {
          throw new IllegalStateException("making or sending a body failed", e.getCause());
        }
        deliveries.add(delivery);
        out.println(line(delivery));
        out.flush();
      }
    } finally {
      pool.shutdownNow();
    }
    out.println(summary(deliveries));
    out.flush();
    return deliveries.stream().allMatch(Delivery::asExpected);
  }

  /** {@code 200    12 ms  tts-success.xml  j...}, then why it is not as expected, when it is not. */
  static String line(Delivery d) {
    StringBuilder line = new StringBuilder(String.format("%-3s %6d ms  %s  %s",
        d.status().map(String::valueOf).orElse("---"), d.millis(), d.body().label(), d.body().id()));
    if (d.attempts() > 1) {
      line.append("  (attempt ").append(d.attempts()).append(')');
    }
    if (d.failure() != null) {
      line.append("  ").append(d.failure());
    }
    if (!d.asExpected()) {
      line.append("  UNEXPECTED: expected ").append(d.body().expect().describe());
      if (!d.answer().isEmpty()) {
        line.append("; the answer: ").append(d.answer());
      }
    }
    return line.toString();
  }

  /** {@code 26 sent: 26 answered as expected, 0 not (26 2xx, 0 4xx, 0 other, 0 no answer); 3 to 40 ms, median 8}. */
  static String summary(List<Delivery> deliveries) {
    long expected = deliveries.stream().filter(Delivery::asExpected).count();
    long ok = count(deliveries, 200, 300);
    long refused = count(deliveries, 400, 500);
    long none = deliveries.stream().filter(d -> d.status().isEmpty()).count();
    long other = deliveries.size() - ok - refused - none;
    StringBuilder line = new StringBuilder().append(deliveries.size()).append(" sent: ").append(expected)
        .append(" answered as expected, ").append(deliveries.size() - expected).append(" not (")
        .append(ok).append(" 2xx, ").append(refused).append(" 4xx, ").append(other).append(" other, ")
        .append(none).append(" without an answer)");
    if (!deliveries.isEmpty()) {
      long[] millis = deliveries.stream().mapToLong(Delivery::millis).sorted().toArray();
      line.append("; ").append(millis[0]).append(" to ").append(millis[millis.length - 1]).append(" ms, median ")
          .append(millis[millis.length / 2]).append(" ms");
    }
    return line.toString();
  }

  private static long count(List<Delivery> deliveries, int from, int to) {
    return deliveries.stream().filter(d -> d.status().map(s -> s >= from && s < to).orElse(false)).count();
  }
}
