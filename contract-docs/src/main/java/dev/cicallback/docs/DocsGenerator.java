package dev.cicallback.docs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code generated-docs/README.md} and {@code generated-docs/index.html} from {@code schema/}. The build runs
 * it; the output is committed, and the test command fails when the committed copy is not what it writes.
 */
public final class DocsGenerator {

  private DocsGenerator() {}

  /**
   * Arguments: the schema folder, the output folder, the date the contract last changed (yyyy-mm-dd; the docs
   * module's {@code contract.date}, set by hand, so that every build writes the same pages) and the project's version
   * (shown as the contract's when the contract module finds none: neither form states one, or the two disagree).
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
    Files.writeString(outputDir.resolve("README.md"), MarkdownPage.render(contract), StandardCharsets.UTF_8);
    Files.writeString(outputDir.resolve("index.html"), HtmlPage.render(contract), StandardCharsets.UTF_8);
  }
}
