package dev.cicallback.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cicallback.contract.SchemaFiles;
import dev.cicallback.validator.internal.json.quick.SchemaPattern;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The quick JSON pass's compiled patterns (deterministic automata) against {@link java.util.regex} doing what the
 * full evaluator does (a {@code find}), on the contract's own patterns and a value of the form CI sends. This is the
 * figure that decides whether the automata stay (BENCHMARKS.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PatternBenchmark {

  /** file, $defs name and a value, separated by '|'. */
  @Param({
    "common.schema.json|Timestamp|2022-06-30T19:33:18+0800",
    "workflow-execution.schema.json|WorkflowTimestamp|2022-08-09 14:54:17+0800",
    "common.schema.json|Md5|5b2ca33cd7357abb1e0ea29f57544dfa",
    "common.schema.json|IntegerText|44100",
    "common.schema.json|NumberText|13.654000",
    "tts-operation.schema.json|TtsVolume|-10"
  })
  public String pattern;

  private SchemaPattern automaton;
  private Pattern regex;
  private String value;

  @Setup
  public void setUp() throws Exception {
    String[] parts = pattern.split("\\|");
    JsonNode schema;
    try (InputStream in = SchemaFiles.open(SchemaFiles.JSON_DIR + parts[0])) {
      schema = new ObjectMapper().readTree(in);
    }
    String text = schema.path("$defs").path(parts[1]).path("pattern").asText();
    if (text.isEmpty()) {
      throw new IllegalStateException("no pattern for " + parts[1] + " in " + parts[0]);
    }
    automaton = SchemaPattern.compile(text);
    if (!automaton.isAutomaton()) {
      throw new IllegalStateException(parts[1] + " is not compiled to an automaton");
    }
    regex = Pattern.compile(text);
    value = parts[2];
    if (!automaton.matches(value) || !regex.matcher(value).find()) {
      throw new IllegalStateException(value + " does not match " + parts[1]);
    }
  }

  @Benchmark
  public boolean automaton() {
    return automaton.matches(value);
  }

  @Benchmark
  public boolean regex() {
    return regex.matcher(value).find();
  }
}
