package dev.cicallback.validator;

import dev.cicallback.model.Fixtures;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One validator, many threads: the same payload gets the same result as from one thread. */
class ConcurrencyTest {

  @Test
  void eight_threads_get_the_single_threaded_results() throws Exception {
    CallbackValidator validator = CallbackValidator.strict();
    List<Path> fixtures = Fixtures.all();
    List<ValidationResult> expected = new ArrayList<>();
    for (Path fixture : fixtures) {
      expected.add(validator.validate(fixture));
    }

    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<ValidationResult>>> runs = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        Callable<List<ValidationResult>> run =
            () -> {
              start.await();
              List<ValidationResult> results = new ArrayList<>();
              for (int round = 0; round < 3; round++) {
                results.clear();
                for (Path fixture : fixtures) {
                  results.add(validator.validate(Fixtures.read(fixture)));
                }
              }
              return results;
            };
        runs.add(pool.submit(run));
      }
      start.countDown();
      for (Future<List<ValidationResult>> run : runs) {
        assertEquals(expected, run.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
