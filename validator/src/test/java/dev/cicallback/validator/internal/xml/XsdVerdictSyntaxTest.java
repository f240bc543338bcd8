package dev.cicallback.validator.internal.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cicallback.model.Fixtures;
import dev.cicallback.validator.ValidatorOptions;
import dev.cicallback.validator.internal.xml.quick.XsdVerdict;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The quick XML verdict on small edits of one valid payload, each compared with the full pass: the same verdict,
 * except that a form the verdict leaves to the parser (a processing instruction, an XML 1.1 declaration, a comment or
 * CDATA section inside the root) may be valid where the verdict doubts. Quick enough to run under every mutant
 * (bin/mutation).
 */
class XsdVerdictSyntaxTest {

  private static final ValidatorOptions OPTIONS = ValidatorOptions.defaults();
  private static final XmlPayloadValidator FULL = new XmlPayloadValidator(OPTIONS, false);
  private static final String MINIMAL = new String(
      Fixtures.read(Fixtures.valid("xml").stream().filter(p -> p.endsWith("valid-minimal.xml")).findFirst()
          .orElseThrow()), StandardCharsets.UTF_8);

  /** Where an edit goes: after each of these, in the prolog, the text of simple elements, tags and the epilog. */
  private static final List<String> AFTER = List.of(
      "", "<Response", "<EventName>", "<EventName>TaskFinish", "<JobId>", "</JobId", "</State>", "<Input>",
      "</Response>");

  static Stream<String> edits() {
    List<String> edits = new ArrayList<>();
    for (String after : AFTER) {
      for (String special : XsdVerdictTest.SPECIAL) {
        int at = after.isEmpty() ? 0 : MINIMAL.indexOf(after) + after.length();
        edits.add(MINIMAL.substring(0, at) + special + MINIMAL.substring(at));
      }
    }
    return edits.stream();
  }

  @ParameterizedTest
  @MethodSource("edits")
  void judges_an_edited_payload_as_the_full_pass_does(String payload) {
    assertAgrees(payload);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "<?xml version=\"1.0\"?>", "<?xml version='1.0'?>", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
      "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>", "<?xml version=\"1.0\" standalone='no' ?>",
      "<?xml  version = \"1.0\"\tencoding = 'UTF-8' ?>\n", "<?xml version=\"1.1\"?>", "<?xml version=\"1.0\"",
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>", "<?xml version=\"1.0\"encoding=\"UTF-8\"?>",
      "<?xml version=\"1.0\" standalone=\"yes\" encoding=\"UTF-8\"?>", "<?xml version=\"1.0\" standalone=\"maybe\"?>",
      "<?xml version=\"1.0\" encoding=\"UTF-8'?>", "<?xml?>", "<?xml-stylesheet href=\"a\"?>", " <?xml version=\"1.0\"?>",
      "<?xml version=\"1.0\"?><!-- a comment -->", "<!-- a - comment -->", "<!-- a -- comment -->", "<!--->",
      "\uFEFF", "\uFEFF<?xml version=\"1.0\"?>", "<!DOCTYPE Response>", "\u0001"})
  void reads_a_prolog_as_the_full_pass_does(String prolog) {
    assertAgrees(prolog + MINIMAL);
  }

  /**
   * Whether the payload holds a form the verdict leaves to the parser: a processing instruction anywhere, an XML 1.1
   * declaration, or a comment or CDATA section inside the root.
   */
  private static boolean leftToTheParser(String payload) {
    int root = payload.indexOf("<Response");
    int end = payload.lastIndexOf("</Response>");
    String declaration = payload.startsWith("<?xml version=\"1.0\"") ? "<?xml version=\"1.0\"" : "";
    return payload.indexOf("<?", declaration.length()) >= 0 || payload.contains("version=\"1.1\"")
        || Stream.of("<!--", "<![CDATA[").anyMatch(form -> {
          int at = payload.indexOf(form, root);
          return at > root && at < end;
        });
  }

  private static void assertAgrees(String payload) {
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    boolean quick = XsdVerdict.shared().passes(bytes, 0, bytes.length, OPTIONS);
    boolean full = FULL.checkFully(bytes, 0, bytes.length).problems().isEmpty();
    if (full && !quick) {
      assertTrue(leftToTheParser(payload), "the verdict doubts a valid payload it reads:\n" + payload);
    } else {
      assertEquals(full, quick, "the verdict differs from the full pass on:\n" + payload);
    }
  }
}
