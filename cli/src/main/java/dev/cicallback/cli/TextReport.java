package dev.cicallback.cli;

import dev.cicallback.validator.Problem;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * One line per problem, {@code <path>:<line>:<column>: error|warning: <message> (<location>)}, as compilers write
 * them so editors and CI servers link to the place; then the summary.
 */
final class TextReport implements Report {

  @Override
  public void write(List<PayloadResult> results, Writer out) throws IOException {
    long valid = results.stream().filter(r -> r.result().isValid()).count();
    write(results, valid, results.size() - valid, out);
  }

  /**
   * The lines of {@code results} (those with problems are enough: the others write none), then the summary of the
   * whole batch's counts.
   */
  void write(List<PayloadResult> results, long valid, long invalid, Writer out) throws IOException {
    for (PayloadResult result : results) {
      for (Problem problem : result.result().problems()) {
        out.write(line(result.path(), problem));
        out.write('\n');
      }
    }
    out.write(Report.summary(valid, invalid));
    out.write('\n');
  }

  static String line(String path, Problem problem) {
    StringBuilder line = new StringBuilder(path);
    if (problem.line() > 0) {
      line.append(':').append(problem.line()).append(':').append(problem.column());
    }
    line.append(": ").append(problem.severity().label()).append(": ").append(oneLine(problem.message()));
    if (!problem.location().isEmpty()) {
      line.append(" (").append(oneLine(problem.location())).append(')');
    }
    return line.toString();
  }

  /** Control characters (a JSON member name may hold a newline) written as escapes, so a problem stays one line. */
  private static String oneLine(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      if (Character.isISOControl(c)) {
        out.append(String.format("\\u%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
