package dev.cicallback.validator.internal.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cicallback.model.testing.Fixtures;
import dev.cicallback.validator.ValidatorOptions;
import dev.cicallback.validator.internal.core.PayloadCheck;
import dev.cicallback.validator.internal.xml.quick.XsdVerdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The verdict read from the bytes is never more lenient than the schema validator's full pass: on every fixture,
 * hostile input and fuzz case, on thousands of payloads damaged one element at a time, and on payloads damaged one
 * byte range at a time with the characters XML treats specially. It also judges by itself every valid payload that
 * is not one of the few forms it leaves to the parser.
 */
class XsdVerdictTest {

  private static final ValidatorOptions OPTIONS = ValidatorOptions.defaults();
  private static final XsdVerdict VERDICT = XsdVerdict.shared();
  /** The schema validator's pass over the union entry, which the verdict reads (per-Tag requirements are apart). */
  private static final XmlPayloadValidator FULL = new XmlPayloadValidator(OPTIONS, false, false);

  /** Damages whose valid results the verdict leaves to the parser: forms outside the subset it reads. */
  private static final Set<String> LEFT_TO_THE_PARSER = Set.of();

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.cicallback.validator.internal.xml.XmlQuickPassTest#inputs")
  void agrees_with_the_full_pass(Path input) throws IOException {
    byte[] bytes = Files.readAllBytes(input);

    boolean quick = VERDICT.passes(bytes, 0, bytes.length, OPTIONS);

    assertNeverMoreLenient(bytes, quick, input.toString());
    if (input.getFileName().toString().startsWith("valid-")) {
      assertTrue(quick, input + ": a valid fixture should pass the verdict itself");
    }
  }

  @Test
  @Tag("exhaustive") // thousands of payloads: left out of mutation runs (bin/mutation)
  void is_never_more_lenient_than_the_full_pass_on_damaged_payloads() throws Exception {
    Map<String, Integer> deferred = new TreeMap<>();
    int compared = 0;
    for (Path fixture : Fixtures.valid("xml")) {
      Document original = XmlQuickPassTest.parse(Files.readAllBytes(fixture));
      NodeList elements = original.getElementsByTagName("*");
      for (int i = 0; i < elements.getLength(); i++) {
        for (Map.Entry<String, Consumer<Element>> damage : XmlQuickPassTest.damages().entrySet()) {
          Document copy = (Document) original.cloneNode(true);
          damage.getValue().accept((Element) copy.getElementsByTagName("*").item(i));
          byte[] bytes = XmlQuickPassTest.serialize(copy);
          boolean quick = VERDICT.passes(bytes, 0, bytes.length, OPTIONS);
          boolean full = assertNeverMoreLenient(bytes, quick, fixture + ", " + damage.getKey() + " on element " + i);
          if (full && !quick) {
            deferred.merge(damage.getKey(), 1, Integer::sum);
          }
          compared++;
        }
      }
    }
    assertTrue(compared > 5_000, "only " + compared + " payloads compared");
    deferred.keySet().removeAll(LEFT_TO_THE_PARSER);
    // Every other valid damaged payload is judged by the verdict itself.
    assertEquals(Map.of(), deferred);
  }

  /** What the verdict must read exactly: each is put in place of, or before, a byte range of a valid payload. */
  static final List<String> SPECIAL = List.of(
      "", "&", "&amp;", "&lt;", "&#65;", "&#x41;", "&#0;", "&#xD800;", "&#xFFFE;", "&#x110000;", "&#X41;", "&amp",
      "&nbsp;", "]]>", "]]", "\r", "\r\n", "\n", "\t", "<", ">", "</", "/>", "<a>", "<!--c-->", "<!--c--->",
      "<?pi x?>", "<![CDATA[x]]>", "<!DOCTYPE r>", " x=\"1\"", "x:", ":", "\u0001", "\u007F", "\u0085", "\u00A0",
      "\u00E9", "\u4E2D", "\uD83D\uDE00", "\uFFFD", "\uFFFE", "\uFFFF", "\u0000", "\u00C0\u0080");

  @Test
  @Tag("exhaustive")
  void is_never_more_lenient_than_the_full_pass_on_payloads_damaged_byte_by_byte() throws IOException {
    int compared = 0;
    int accepted = 0;
    for (Path fixture : Fixtures.valid("xml")) {
      byte[] original = Files.readAllBytes(fixture);
      int step = Math.max(1, original.length / 60);
      for (int at = 0; at <= original.length; at += step) {
        for (String special : SPECIAL) {
          byte[] insert = special.getBytes(StandardCharsets.UTF_8);
          if (special.equals("\u00C0\u0080")) {
            insert = new byte[] {(byte) 0xC0, (byte) 0x80}; // an overlong NUL, not UTF-8
          }
          for (int removed : new int[] {0, 1, 3}) {
            int cut = Math.min(original.length, at + removed);
            ByteArrayOutputStream damaged = new ByteArrayOutputStream();
            damaged.write(original, 0, at);
            damaged.write(insert);
            damaged.write(original, cut, original.length - cut);
            byte[] bytes = damaged.toByteArray();
            if (VERDICT.passes(bytes, 0, bytes.length, OPTIONS)) { // only a yes needs the full pass's word
              assertNeverMoreLenient(bytes, true, fixture + ", \"" + special + "\" at byte " + at + " over " + removed);
              accepted++;
            }
            compared++;
          }
        }
      }
    }
    assertTrue(compared > 50_000, "only " + compared + " payloads compared");
    assertTrue(accepted > 1_000, "only " + accepted + " damaged payloads accepted: the comparison says little");
  }

  @Test
  void holds_to_the_limits_of_the_options() throws IOException {
    byte[] bytes = Fixtures.read(Fixtures.valid("xml").get(0));
    assertTrue(VERDICT.passes(bytes, 0, bytes.length, OPTIONS));

    ValidatorOptions fewNodes = ValidatorOptions.builder().maxNodes(3).build();
    ValidatorOptions shortText = ValidatorOptions.builder().maxStringLength(4).build();

    assertEquals(false, VERDICT.passes(bytes, 0, bytes.length, fewNodes));
    assertEquals(false, VERDICT.passes(bytes, 0, bytes.length, shortText));
  }

  /** Fails if the verdict accepts what the full pass refuses; returns the full pass's verdict (run only if needed). */
  private static boolean assertNeverMoreLenient(byte[] bytes, boolean quick, String what) {
    PayloadCheck full = FULL.checkFully(bytes, 0, bytes.length);
    boolean valid = full.problems().isEmpty();
    if (quick && !valid) {
      throw new AssertionError(what + ": the verdict accepts, the full pass finds " + full.problems()
          + "\n" + new String(bytes, StandardCharsets.UTF_8));
    }
    return valid;
  }
}
