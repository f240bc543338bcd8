package dev.cicallback.compat.internal.gate;

import dev.cicallback.compat.Finding;
import dev.cicallback.contract.ContractVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The contract changes a CHANGELOG.md lists under one version: a section headed {@code ## 1.1.0} (or
 * {@code ## [1.1.0] - 2026-12-01}) whose list items read {@code - RULE_ID PATH: reason}, PATH being the finding's XML
 * path or JSON Pointer, or {@code - JAVA_API dev.cicallback.model.xml.Type: reason} for a change of the model's API.
 */
public final class Changelog {

  /** The rule id of a model API change in a CHANGELOG entry. */
  public static final String JAVA_API = "JAVA_API";

  private static final Pattern HEADING = Pattern.compile("^##\\s+\\[?v?([0-9]+(?:\\.[0-9]+){0,2})\\]?(?:\\s.*)?$");
  private static final Pattern ITEM = Pattern.compile("^\\s*[-*]\\s+`?([A-Z][A-Z_]+)`?\\s+`?([^\\s`]+)`?:\\s*(\\S.*)$");

  /**
   * One listed change.
   *
   * @param rule the rule id, or {@link #JAVA_API}
   * @param path the XML path, JSON Pointer, or Java type (or type and member, {@code Type#member})
   * @param reason why the change is made
   */
  public record Entry(String rule, String path, String reason) {}

  private final List<Entry> entries;

  private Changelog(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** The entries under {@code version} in {@code file}; none when the file or the section is missing. */
  public static Changelog read(Path file, ContractVersion version) throws IOException {
    List<Entry> entries = new ArrayList<>();
    if (!Files.isRegularFile(file)) {
      return new Changelog(entries);
    }
    boolean inSection = false;
    for (String line : Files.readAllLines(file)) {
      Matcher heading = HEADING.matcher(line);
      if (heading.matches()) {
        inSection = version.sameAs(heading.group(1));
        continue;
      }
      if (line.startsWith("# ") || line.startsWith("## ")) {
        inSection = false;
        continue;
      }
      Matcher item = ITEM.matcher(line);
      if (inSection && item.matches()) {
        entries.add(new Entry(item.group(1), item.group(2), item.group(3).strip()));
      }
    }
    return new Changelog(entries);
  }

  /** The entries of the section read. */
  public List<Entry> entries() {
    return entries;
  }

  /** Whether {@code finding} is listed: its rule id and its XML path or JSON Pointer, with a reason. */
  public boolean lists(Finding finding) {
    return entries.stream().anyMatch(e -> e.rule().equals(finding.rule().name())
        && (e.path().equals(finding.xmlPath()) || e.path().equals(finding.jsonPointer())));
  }

  /** Whether the model API change of {@code type} is listed ({@code JAVA_API type} or {@code JAVA_API type#...}). */
  public boolean listsApiChange(String type) {
    return entries.stream().anyMatch(e -> e.rule().equals(JAVA_API)
        && (e.path().equals(type) || e.path().startsWith(type + "#")));
  }
}
