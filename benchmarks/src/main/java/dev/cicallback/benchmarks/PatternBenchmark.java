package dev.cicallback.benchmarks;

import dev.cicallback.contract.Contract;
import dev.cicallback.contract.ContractNode;
import dev.cicallback.contract.SchemaForm;
import dev.cicallback.validator.internal.json.quick.SchemaPattern;
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

  /** A type of the contract's JSON form and a value, separated by '|'. */
  @Param({
    "Timestamp|2022-06-30T19:33:18+0800",
    "WorkflowTimestamp|2022-08-09 14:54:17+0800",
    "Md5|5b2ca33cd7357abb1e0ea29f57544dfa",
    "IntegerText|44100",
    "NumberText|13.654000",
    "TtsVolume|-10"
  })
  public String pattern;

  private SchemaPattern automaton;
  private Pattern regex;
  private String value;

  @Setup
  public void setUp() throws Exception {
    String[] parts = pattern.split("\\|");
    ContractNode node = find(Contract.packaged().root(SchemaForm.JSON_SCHEMA, "callback"), parts[0]);
    if (node == null || node.value().patterns().isEmpty()) {
      throw new IllegalStateException("no pattern for " + parts[0] + " in the contract's JSON form");
    }
    // The tree holds the pattern without its anchors; the contract writes each as ^(...)$.
    String text = "^(" + node.value().patterns().iterator().next() + ")$";
    automaton = SchemaPattern.compile(text);
    if (!automaton.isAutomaton()) {
      throw new IllegalStateException(parts[0] + " is not compiled to an automaton");
    }
    regex = Pattern.compile(text);
    value = parts[1];
    if (!automaton.matches(value) || !regex.matcher(value).find()) {
      throw new IllegalStateException(value + " does not match " + parts[0]);
    }
  }

  /** The first node below {@code node} (depth first) whose type is {@code typeName}, or null. */
  private static ContractNode find(ContractNode node, String typeName) {
    if (node.typeName().equals(typeName)) {
      return node;
    }
    for (ContractNode child : node.children().values()) {
      ContractNode found = find(child, typeName);
      if (found != null) {
        return found;
      }
    }
    return null;
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
