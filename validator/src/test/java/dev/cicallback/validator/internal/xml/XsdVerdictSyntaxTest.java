package dev.cicallback.validator.internal.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cicallback.model.testing.Fixtures;
import dev.cicallback.validator.ValidatorOptions;
import dev.cicallback.validator.internal.contract.ContractTree;
import dev.cicallback.validator.internal.core.PayloadCheck;
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
 * CDATA section inside the root, a character reference between elements or of more than seven digits) may be valid
 * where the verdict doubts; where both say yes, the trees are the same. Quick enough to run under every mutant
 * (bin/mutation).
 */
class XsdVerdictSyntaxTest {

  private static final ValidatorOptions OPTIONS = ValidatorOptions.defaults();
  private static final XmlPayloadValidator FULL = new XmlPayloadValidator(OPTIONS, true);
  private static final String MINIMAL = new String(
      Fixtures.read(Fixtures.valid("xml").stream().filter(p -> p.endsWith("valid-minimal.xml")).findFirst()
          .orElseThrow()), StandardCharsets.UTF_8);

  /** Where an edit goes: after each of these, in the prolog, the text of simple elements, tags and the epilog. */
  private static final List<String> AFTER = List.of(
      "", "<Response", "<EventName>", "<EventName>TaskFinish", "<JobId>", "</JobId", "</State>", "<Input>",
      "</Response>");

  /** Characters at the edges of what XML allows, written as references and as themselves. */
  private static final List<String> EDGES = List.of(
      "&#32;", "&#x9;", "&#xA;", "&#xD;", "&#x1F;", "&#xD7FF;", "&#xE000;", "&#xFFFD;", "&#x10000;", "&#x10FFFF;",
      "&#1114111;", "&#1114112;", "&#x0000041;", "&#00000065;", "&#;", "&#x;", "&#65", "&#6a;", "&#xg;", "&lt",
      "\u0080", "\u07FF", "\u0800", "\uD7FF", "\uE000", "\uD800\uDC00", "\uDBFF\uDFFF", "]]", "]>", "]]]>");

  static Stream<String> edits() {
    List<String> edits = new ArrayList<>();
    List<String> specials = new ArrayList<>(XsdVerdictTest.SPECIAL);
    specials.addAll(EDGES);
    for (String after : AFTER) {
      int at = after.isEmpty() ? 0 : MINIMAL.indexOf(after) + after.length();
      for (String special : specials) {
        edits.add(MINIMAL.substring(0, at) + special + MINIMAL.substring(at));
        edits.add(MINIMAL.substring(0, at) + special + MINIMAL.substring(at + 1)); // in place of one character
      }
    }
    return edits.stream();
  }

  /** Each element of the payload removed, emptied, repeated, or given other text. */
  static Stream<String> elementEdits() {
    List<String> edits = new ArrayList<>();
    java.util.regex.Matcher element = java.util.regex.Pattern.compile("<(\\w+)>").matcher(MINIMAL);
    while (element.find()) {
      String name = element.group(1);
      int start = element.start();
      int end = MINIMAL.indexOf("</" + name + ">", start) + name.length() + 3;
      String before = MINIMAL.substring(0, start);
      String whole = MINIMAL.substring(start, end);
      String after = MINIMAL.substring(end);
      edits.add(before + after);
      edits.add(before + "<" + name + "/>" + after);
      edits.add(before + "<" + name + "></" + name + ">" + after);
      edits.add(before + whole + whole + after);
      edits.add(before + "<" + name + "></" + name.substring(0, name.length() - 1) + "x>" + after);
      for (String text : List.of("x", "-1", " Tts", "Tts ", "Success\r\n", "a&amp;b", "\u4E2D&#x4E2D;\r")) {
        edits.add(before + "<" + name + ">" + text + "</" + name + ">" + after);
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
  @MethodSource("elementEdits")
  void judges_a_payload_with_an_edited_element_as_the_full_pass_does(String payload) {
    assertAgrees(payload);
  }

  /** Byte sequences no UTF-8 string can hold, put in the text of an element. */
  @ParameterizedTest
  @ValueSource(strings = {"C0 80", "C1 BF", "E0 80 80", "E0 9F BF", "ED A0 80", "F0 8F BF BF", "F4 90 80 80",
      "F5 80 80 80", "80", "BF", "C2", "E4 B8", "F0 9F 98", "FF", "EF BF BE", "EF BF BF", "C2 80", "DF BF",
      "E0 A0 80", "F0 90 80 80", "F4 8F BF BF"})
  void reads_utf8_sequences_as_the_full_pass_does(String hex) {
    String[] parts = hex.split(" ");
    byte[] sequence = new byte[parts.length];
    for (int i = 0; i < parts.length; i++) {
      sequence[i] = (byte) Integer.parseInt(parts[i], 16);
    }
    byte[] minimal = MINIMAL.getBytes(StandardCharsets.UTF_8);
    int at = MINIMAL.indexOf("<JobId>") + "<JobId>".length(); // ASCII before it: the same index in bytes
    byte[] payload = new byte[minimal.length + sequence.length];
    System.arraycopy(minimal, 0, payload, 0, at);
    System.arraycopy(sequence, 0, payload, at, sequence.length);
    System.arraycopy(minimal, at, payload, at + sequence.length, minimal.length - at);
    assertAgrees(payload, hex);
  }

  @org.junit.jupiter.api.Test
  void holds_each_limit_exactly_where_it_is() {
    byte[] bytes = MINIMAL.getBytes(StandardCharsets.UTF_8);
    int elements = (int) MINIMAL.chars().filter(c -> c == '<').count() / 2;
    int longestText = "j707f4864f86811ecb90d0b03267ce0e5".length();
    XsdVerdict verdict = XsdVerdict.shared();

    assertTrue(verdict.passes(bytes, 0, bytes.length, ValidatorOptions.builder().maxNodes(elements).build()));
    assertEquals(false, verdict.passes(bytes, 0, bytes.length, ValidatorOptions.builder().maxNodes(elements - 1).build()));
    assertTrue(verdict.passes(bytes, 0, bytes.length, ValidatorOptions.builder().maxStringLength(longestText).build()));
    assertEquals(false,
        verdict.passes(bytes, 0, bytes.length, ValidatorOptions.builder().maxStringLength(longestText - 1).build()));
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
      "\uFEFF", "\uFEFF<?xml version=\"1.0\"?>", "<!DOCTYPE Response>", "\u0001", "<!--a-- <!--b-->", "<!---->",
      "<!-- \u4E2D -->", "<!-- \u0001 -->", "\uFEFF\uFEFF", "\r\n\t "})
  void reads_a_prolog_as_the_full_pass_does(String prolog) {
    assertAgrees(prolog + MINIMAL);
  }

  /** A character reference between elements, or one written with more than seven digits. */
  private static final java.util.regex.Pattern LEFT_REFERENCE =
      java.util.regex.Pattern.compile("</\\w+>\\s*&#|&#x?[0-9a-fA-F]{8,};");

  /**
   * Whether the payload holds a form the verdict leaves to the parser: a processing instruction anywhere, an XML 1.1
   * declaration, a comment or CDATA section inside the root, or a character reference of {@link #LEFT_REFERENCE}.
   */
  private static boolean leftToTheParser(String payload) {
    int root = payload.indexOf("<Response");
    int end = payload.lastIndexOf("</Response>");
    String declaration = payload.startsWith("<?xml version=\"1.0\"") ? "<?xml version=\"1.0\"" : "";
    return payload.indexOf("<?", declaration.length()) >= 0 || payload.contains("version=\"1.1\"")
        || LEFT_REFERENCE.matcher(payload).find()
        || Stream.of("<!--", "<![CDATA[").anyMatch(form -> {
          int at = payload.indexOf(form, root);
          return at > root && at < end;
        });
  }

  private static void assertAgrees(String payload) {
    assertAgrees(payload.getBytes(StandardCharsets.UTF_8), payload);
  }

  /** The verdict is the full pass's, or a doubt on a form left to the parser; on yes, the trees are the same. */
  private static void assertAgrees(byte[] bytes, String payload) {
    XmlTreeBuilder tree = new XmlTreeBuilder(ContractTree.xml());
    boolean quick = XsdVerdict.shared().passes(bytes, 0, bytes.length, OPTIONS, tree);
    PayloadCheck check = FULL.checkFully(bytes, 0, bytes.length);
    boolean full = check.problems().isEmpty();
    if (full && !quick) {
      assertTrue(leftToTheParser(payload), "the verdict doubts a valid payload it reads:\n" + payload);
    } else {
      assertEquals(full, quick, "the verdict differs from the full pass on:\n" + payload);
    }
    if (quick) {
      assertEquals(check.tree(), tree.tree(), "the verdict's tree differs from the full pass's on:\n" + payload);
    }
  }
}
