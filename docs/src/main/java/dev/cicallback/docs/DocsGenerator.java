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

  /** Arguments: the schema folder and the output folder. */
  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: DocsGenerator <schema dir> <output dir>");
    }
    Path schemaDir = Path.of(args[0]);
    Path outputDir = Path.of(args[1]);
    Contract contract = Contract.read(schemaDir);
    Files.createDirectories(outputDir);
    Files.writeString(outputDir.resolve("README.md"), MarkdownPage.render(contract), StandardCharsets.UTF_8);
    Files.writeString(outputDir.resolve("index.html"), HtmlPage.render(contract), StandardCharsets.UTF_8);
  }
}
