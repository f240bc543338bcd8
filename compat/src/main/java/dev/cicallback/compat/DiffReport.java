package dev.cicallback.compat;

import dev.cicallback.contract.Location;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

/** Writes a {@link DiffResult} for people ({@link #text}) or programs ({@link #json}), judged by one check. */
public final class DiffReport {

  private static final ObjectMapper JSON = new ObjectMapper();

  private DiffReport() {}

  /**
   * One block per finding (its verdict under {@code check}, rule, XML path and JSON Pointer, contract, places, both
   * verdicts, meaning), then a summary line.
   */
  public static void text(DiffResult result, Check check, PrintWriter out) {
    for (Finding finding : result.findings()) {
      out.println((finding.breaks(check) ? "breaking   " : "compatible ") + finding.rule() + " "
          + finding.xmlPath() + " (JSON " + (finding.jsonPointer().isEmpty() ? "root" : finding.jsonPointer())
          + ") in " + finding.contract() + " [" + form(finding.form()) + "]");
      if (!finding.oldLocations().isEmpty()) {
        out.println("  was at " + places(finding.oldLocations()));
      }
      if (!finding.newLocations().isEmpty()) {
        out.println("  now at " + places(finding.newLocations()));
      }
      out.println("  backward: " + verdict(finding, Check.BACKWARD) + ", forward: " + verdict(finding, Check.FORWARD));
      out.println("  " + finding.message());
    }
    out.println(summary(result, check));
  }

  /** The last line of the text report: how many findings, how many break {@code check}, and the verdict. */
  public static String summary(DiffResult result, Check check) {
    int breaking = result.breaking(check).size();
    int all = result.findings().size();
    if (all == 0) {
      return check.label() + " check: no differences; compatible";
    }
    return check.label() + " check: " + all + (all == 1 ? " finding, " : " findings, ") + breaking + " breaking; "
        + (breaking == 0 ? "compatible" : "not compatible");
  }

  /**
   * {@code {"check", "compatible", "findings": [{"rule", "contract", "xmlPath", "jsonPointer", "form", "oldLocations",
   * "newLocations", "backward", "forward", "breaking", "message"}]}}; locations are {@code {"file", "line"}}, verdicts
   * {@code "breaking"} or {@code "compatible"}.
   */
  public static void json(DiffResult result, Check check, PrintWriter out) {
    DefaultPrettyPrinter pretty = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
    try (JsonGenerator json = JSON.getFactory().createGenerator(out).setPrettyPrinter(pretty)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.writeStartObject();
      json.writeStringField("check", check.label());
      json.writeBooleanField("compatible", result.isCompatible(check));
      json.writeArrayFieldStart("findings");
      for (Finding finding : result.findings()) {
        json.writeStartObject();
        json.writeStringField("rule", finding.rule().name());
        json.writeStringField("contract", finding.contract());
        json.writeStringField("xmlPath", finding.xmlPath());
        json.writeStringField("jsonPointer", finding.jsonPointer());
        json.writeStringField("form", finding.form().name());
        locations(json, "oldLocations", finding.oldLocations());
        locations(json, "newLocations", finding.newLocations());
        json.writeStringField("backward", verdict(finding, Check.BACKWARD));
        json.writeStringField("forward", verdict(finding, Check.FORWARD));
        json.writeBooleanField("breaking", finding.breaks(check));
        json.writeStringField("message", finding.message());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println();
  }

  private static void locations(JsonGenerator json, String name, List<Location> locations) throws IOException {
    json.writeArrayFieldStart(name);
    for (Location location : locations) {
      json.writeStartObject();
      json.writeStringField("file", location.file());
      json.writeNumberField("line", location.line());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static String verdict(Finding finding, Check check) {
    return finding.breaks(check) ? "breaking" : "compatible";
  }

  private static String places(List<Location> locations) {
    return locations.stream().map(Location::toString).collect(Collectors.joining(", "));
  }

  private static String form(Form form) {
    return switch (form) {
      case XSD -> "XSD only";
      case JSON_SCHEMA -> "JSON Schema only";
      case BOTH -> "both forms";
    };
  }
}
