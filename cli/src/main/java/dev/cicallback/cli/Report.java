package dev.cicallback.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** A report format of {@code validate}. */
interface Report {

  void write(List<PayloadResult> results, Writer out) throws IOException;

  /** "N valid, M invalid". */
  static String summary(List<PayloadResult> results) {
    long valid = results.stream().filter(r -> r.result().isValid()).count();
    return summary(valid, results.size() - valid);
  }

  static String summary(long valid, long invalid) {
    return valid + " valid, " + invalid + " invalid";
  }
}
