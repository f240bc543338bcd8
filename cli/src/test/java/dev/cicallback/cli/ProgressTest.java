package dev.cicallback.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The progress line itself: its last state when the batch ends, then erased; nothing at all when standard error is
 * not a terminal or the batch ends before the delay; and nothing more once closed.
 */
class ProgressTest {

  private final StringWriter written = new StringWriter();
  private final PrintWriter err = new PrintWriter(written);

  private Progress counted(Progress.Policy policy, int found, int checked) {
    Progress progress = Progress.start(policy, "label", err);
    for (int i = 0; i < found; i++) {
      progress.found();
    }
    for (int i = 0; i < checked; i++) {
      progress.checked();
    }
    return progress;
  }

  @Test
  void the_last_count_is_shown_then_erased_when_the_batch_ends() {
    counted(new Progress.Policy(true, Duration.ZERO), 12, 10).close();

    String line = "label: checked 10 of 12 payloads";
    // The ticker may have shown earlier counts first, each shorter or as long: nothing pads the last one.
    assertTrue(written.toString().endsWith("\r" + line + "\r" + " ".repeat(line.length()) + "\r"), written::toString);
    assertTrue(written.toString().startsWith("\rlabel: checked "), written::toString);
  }

  @Test
  void closing_twice_writes_nothing_more() {
    Progress progress = counted(new Progress.Policy(true, Duration.ZERO), 1, 1);
    progress.close();
    String once = written.toString();

    progress.close();

    assertEquals(once, written.toString());
  }

  @Test
  void a_batch_that_ends_before_the_delay_shows_nothing() {
    counted(new Progress.Policy(true, Duration.ofHours(1)), 3, 3).close();

    assertEquals("", written.toString());
  }

  @Test
  void nothing_is_shown_when_standard_error_is_not_a_terminal() {
    counted(new Progress.Policy(false, Duration.ZERO), 3, 3).close();
    counted(Progress.Policy.NEVER, 3, 3).close();

    assertEquals("", written.toString());
  }

  @Test
  void the_ticker_updates_the_line_while_the_batch_runs() throws InterruptedException {
    Progress progress = counted(new Progress.Policy(true, Duration.ZERO), 2, 1);
    try {
      // The first update is due at once; wait for this count to show (bounded), without asserting any timing.
      String line = "\rlabel: checked 1 of 2 payloads";
      for (int i = 0; i < 500 && !written.toString().contains(line); i++) {
        Thread.sleep(10);
      }
      assertTrue(written.toString().contains(line), written::toString);
      assertTrue(written.toString().matches("(\rlabel: checked [0-2] of [0-2] payloads)+"), written::toString);
    } finally {
      progress.close();
    }
  }
}
