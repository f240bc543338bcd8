package dev.cicallback.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cicallback.model.testing.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One validator and one reader, many threads: the same payload gets the same result as from one thread. */
class ConcurrencyTest {

  /** What one payload gives: the verdict, and the read (verdict and model). */
  private record Outcome(ValidationResult validation, ReadResult read) {}

  @Test
  void eight_threads_get_the_single_threaded_results() throws Exception {
    CallbackValidator validator = CallbackValidator.strict();
    CallbackReader reader = CallbackReader.strict();
    List<Path> fixtures = Fixtures.all();
    List<Outcome> expected = new ArrayList<>();
    for (Path fixture : fixtures) {
      expected.add(new Outcome(validator.validate(fixture), reader.read(fixture)));
    }

    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<Outcome>>> runs = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        Callable<List<Outcome>> run =
            () -> {
              start.await();
              List<Outcome> results = new ArrayList<>();
              for (int round = 0; round < 3; round++) {
                results.clear();
                for (Path fixture : fixtures) {
                  byte[] payload = Fixtures.read(fixture);
                  results.add(new Outcome(validator.validate(payload), reader.read(payload)));
                }
              }
              return results;
            };
        runs.add(pool.submit(run));
      }
      start.countDown();
      for (Future<List<Outcome>> run : runs) {
        assertEquals(expected, run.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
