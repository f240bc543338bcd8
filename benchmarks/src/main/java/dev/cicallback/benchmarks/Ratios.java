package dev.cicallback.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints JMH JSON results (one file or several, in turn) as a table: operations per second and the ratio to the bare parse of the same bytes. */
public final class Ratios {

  private Ratios() {}

  public static void main(String[] args) throws Exception {
    Map<String, Map<String, Double>> scores = new LinkedHashMap<>();
    List<JsonNode> results = new ArrayList<>();
    for (String file : args.length > 0 ? List.of(args) : List.of("jmh-result.json")) {
      new ObjectMapper().readTree(new File(file)).forEach(results::add);
    }
    for (JsonNode result : results) {
      String benchmark = result.get("benchmark").asText();
      String name = benchmark.substring(benchmark.lastIndexOf('.') + 1);
      // CallbackBenchmark's payloads are a format and a size, TagBenchmark's a published sample of one Tag.
      String payload = result.at("/params").has("sample")
          ? result.at("/params/sample").asText()
          : result.at("/params/format").asText() + " " + result.at("/params/size").asText();
      scores.computeIfAbsent(payload, p -> new LinkedHashMap<>())
          .put(name, result.at("/primaryMetric/score").asDouble());
    }
    System.out.println("| payload | benchmark | ops/s | time vs bare parse |");
    System.out.println("|---|---|---:|---:|");
    for (Map.Entry<String, Map<String, Double>> payload : scores.entrySet()) {
      double bare = payload.getValue().getOrDefault("bareParse", Double.NaN);
      for (Map.Entry<String, Double> score : payload.getValue().entrySet()) {
        System.out.printf(Locale.ROOT, "| %s | %s | %,.0f | %.2fx |%n",
            payload.getKey(), score.getKey(), score.getValue(), bare / score.getValue());
      }
    }
  }
}
