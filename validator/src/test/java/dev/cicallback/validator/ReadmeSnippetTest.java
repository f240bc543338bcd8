package dev.cicallback.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cicallback.model.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's validator snippet, compiled and run. */
class ReadmeSnippetTest {

  @Test
  void readme_snippet_reports_errors_with_place() {
    byte[] body = Fixtures.read(Fixtures.ROOT.resolve("xml/invalid-joblevel-3.xml"));
    List<String> log = new ArrayList<>();

    CallbackValidator validator = CallbackValidator.tolerant();        // or strict(), or create(options)
    ValidationResult result = validator.validate(body);                 // byte[], InputStream or Path
    if (!result.isValid()) {
      for (Problem p : result.errors()) log.add(p.line() + ":" + p.column() + " " + p.message() + " (" + p.location() + ")");
    }

    assertEquals(
        List.of("45:13 JobLevel: \"3\" is not allowed; expected an integer from 0 to 2. "
            + "(/Response/JobsDetail[1]/Operation/JobLevel)"),
        log);
  }
}
