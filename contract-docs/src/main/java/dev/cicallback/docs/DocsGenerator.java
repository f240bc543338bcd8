package dev.cicallback.docs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Writes the contract's pages from {@code schema/} into {@code generated-docs/}: the index ({@code README.md},
 * {@code index.html}) and one Markdown and one HTML file per page ({@link Site}). The build runs it; the output is
 * committed, and the test command fails when the committed copy is not what it writes.
 */
public final class DocsGenerator {

  private DocsGenerator() {}

  /**
   * Arguments: the schema folder, the output folder, the date the contract last changed (yyyy-mm-dd; the
   * contract-docs module's {@code contract.date}, set by hand, so that every build writes the same pages) and the
   * project's version (shown as the contract's when the contract module finds none: neither form states one, or the
   * two disagree).
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 4 || !args[2].matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
      throw new IllegalArgumentException(
          "usage: DocsGenerator <schema dir> <output dir> <contract date yyyy-mm-dd> <project version>");
    }
    Path schemaDir = Path.of(args[0]);
    Path outputDir = Path.of(args[1]);
    Contract contract = Contract.read(schemaDir);
    contract.date = args[2];
    if (contract.version.isEmpty()) {
      contract.version = args[3];
    }
    Files.createDirectories(outputDir);
    // Pages of an earlier contract (a Tag since removed) go; the screenshot stays.
    try (Stream<Path> old = Files.list(outputDir)) {
      for (Path file : old.filter(f -> f.toString().endsWith(".md") || f.toString().endsWith(".html")).toList()) {
        Files.delete(file);
      }
    }
    Site site = new Site(contract);
    for (Site.Page page : site.pages) {
      boolean index = page == site.index;
      Files.writeString(outputDir.resolve(page.markdown()),
          index ? MarkdownPage.index(site) : MarkdownPage.render(site, page), StandardCharsets.UTF_8);
      Files.writeString(outputDir.resolve(page.html()),
          index ? HtmlPage.index(site) : HtmlPage.render(site, page), StandardCharsets.UTF_8);
    }
  }
}
