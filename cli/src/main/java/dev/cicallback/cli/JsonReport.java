package dev.cicallback.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.cicallback.validator.PayloadFormat;
import dev.cicallback.validator.Problem;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * {@code {"validCount": N, "invalidCount": M, "payloads": [{"path", "format", "valid", "problems": [...]}]}}: one
 * object per payload with its verdict (a boolean) and its problems, for tools; the counts say they are counts. Each
 * problem has its {@code severity}, its {@code code} ({@code ProblemCode}, stable across releases, for a pipeline
 * that acts on a kind of problem without matching message text), {@code message}, {@code line}, {@code column} and
 * {@code location}.
 */
final class JsonReport implements Report {

  @Override
  public void write(List<PayloadResult> results, Writer out) throws IOException {
    try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
      json.useDefaultPrettyPrinter();
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      long valid = results.stream().filter(r -> r.result().isValid()).count();
      json.writeStartObject();
      json.writeNumberField("validCount", valid);
      json.writeNumberField("invalidCount", results.size() - valid);
      json.writeArrayFieldStart("payloads");
      for (PayloadResult result : results) {
        json.writeStartObject();
        json.writeStringField("path", result.path());
        json.writeStringField("format", result.result().format().map(PayloadFormat::label).orElse(null));
        json.writeBooleanField("valid", result.result().isValid());
        json.writeArrayFieldStart("problems");
        for (Problem problem : result.result().problems()) {
          json.writeStartObject();
          json.writeStringField("severity", problem.severity().label());
          json.writeStringField("code", problem.code().name());
          json.writeStringField("message", problem.message());
          json.writeNumberField("line", problem.line());
          json.writeNumberField("column", problem.column());
          json.writeStringField("location", problem.location());
          json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    out.write('\n');
  }

}
