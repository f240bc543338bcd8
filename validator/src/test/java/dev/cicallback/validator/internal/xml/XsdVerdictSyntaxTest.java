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
 * except that a form the verdict leaves to the parser (an XML 1.1 declaration, a character reference between elements
 * or of more than seven digits) may be valid where the verdict doubts; where both say yes, the trees are the same.
 * The edits include CDATA sections, comments and processing instructions in the prolog, between elements, inside
 * text and in place of it, which the verdict reads itself. Quick enough to run under every mutant
 * (bin/mutation).
 */
class XsdVerdictSyntaxTest {

  private static final ValidatorOptions OPTIONS = ValidatorOptions.defaults();
  /** The schema validator's pass over the union entry, which the verdict reads (per-Tag requirements are apart). */
  private static final XmlPayloadValidator FULL = new XmlPayloadValidator(OPTIONS, true, false);
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

  /** CDATA sections, comments and processing instructions, well-formed or nearly so. */
  private static final List<String> SECTIONS = List.of(
      "<![CDATA[]]>", "<![CDATA[ ]]>", "<![CDATA[\r\n\t]]>", "<![CDATA[a\rb]]>", "<![CDATA[&amp;<a>&#65;]]>",
      "<![CDATA[]]]]>", "<![CDATA[]]]>", "<![CDATA[]]]]><![CDATA[>]]>", "<![CDATA[\u4E2D\uD83D\uDE00]]>",
      "<![CDATA[\u0001]]>", "<![CDATA[\uFFFE]]>", "<![CDATA[x]>", "<![CDATA[x", "<![cdata[x]]>", "<![CDATA [x]]>",
      "<![CDATA[<!--c-->]]>", "<!-- <![CDATA[x]]> -->", "<!---->", "<!-- - -->", "<!--a--b-->", "<!--a--->",
      "<!--\u4E2D\r\n-->", "<!--\u0001-->", "<!--", "<!-- -- >", "<!--c-- >", "<!-", "<!x>", "<?pi?>", "<?pi ?>",
      "<?pi x??>", "<?pi?x?>", "<?pi\tx\r\n?>", "<?pi x", "<?pi x?", "<?xml x?>", "<?XmL x?>", "<?xml?>",
      "<?xml-stylesheet href=\"a\"?>", "<?xmlx?>", "<?xm?>", "<?p:i x?>", "<?pi\u00E9 x?>", "<?\u00E9?>",
      "<?1pi x?>", "<?-pi?>", "<?_p.-1 x?>", "<??>", "<? pi?>", "<?pi \u0001?>", "<?pi \uFFFF?>",
      "<?pi <a> ?>", "<![CDATA[x]]><!--c--><?pi?><![CDATA[y]]>");

  static Stream<String> edits() {
    List<String> edits = new ArrayList<>();
    List<String> specials = new ArrayList<>(XsdVerdictTest.SPECIAL);
    specials.addAll(EDGES);
    specials.addAll(SECTIONS);
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
      for (String text : List.of("x", "-1", " Tts", "Tts ", "Success\r\n", "a&amp;b", "\u4E2D&#x4E2D;\r",
          "<![CDATA[" + MINIMAL.substring(element.end(), MINIMAL.indexOf('<', element.end())) + "]]>",
          "<![CDATA[]]><!--c-->" + MINIMAL.substring(element.end(), MINIMAL.indexOf('<', element.end())) + "<?pi?>",
          "Succ<![CDATA[ess]]>", "Task<!--c-->Finish", "T<?pi x?>ts", "<![CDATA[Tts]]>\r\n", "<![CDATA[a&amp;b]]>",
          "<![CDATA[\r\n]]>\n<!--c-->\t", "<![CDATA[x]]>")) {
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

    // The limit holds for the text of one element together, its CDATA sections included and its comments left out.
    byte[] split = MINIMAL.replace("j707f4864f86811ecb90d0b03267ce0e5",
        "j707f4864f<![CDATA[86811ecb9]]><!--a comment of more characters than the limit-->0d0b0<?pi data?>3267ce0e5<![CDATA[]]>")
        .getBytes(StandardCharsets.UTF_8);
    assertTrue(verdict.passes(split, 0, split.length, ValidatorOptions.builder().maxStringLength(longestText).build()));
    assertEquals(false,
        verdict.passes(split, 0, split.length, ValidatorOptions.builder().maxStringLength(longestText - 1).build()));
    String spaced = MINIMAL.replace("<JobsDetail>", "<JobsDetail>" + " ".repeat(20) + "<!--c--><![CDATA[" + " ".repeat(20)
        + "]]><?pi?>" + " ".repeat(20));
    byte[] spacedBytes = spaced.getBytes(StandardCharsets.UTF_8);
    int spaces = 60 + MINIMAL.indexOf("<JobId>") - MINIMAL.indexOf("<JobsDetail>") - "<JobsDetail>".length();
    assertTrue(
        verdict.passes(spacedBytes, 0, spacedBytes.length, ValidatorOptions.builder().maxStringLength(spaces).build()));
    assertEquals(false, verdict.passes(spacedBytes, 0, spacedBytes.length,
        ValidatorOptions.builder().maxStringLength(spaces - 1).build()));
  }

  /** The fuzz seed with CDATA sections, comments and instructions everywhere XML allows them: read by the verdict. */
  @org.junit.jupiter.api.Test
  void reads_the_seed_of_sections_itself() throws java.io.IOException {
    byte[] seed = java.nio.file.Files.readAllBytes(java.nio.file.Path.of(
        "src/test/resources/dev/cicallback/validator/ReaderFuzzTestInputs/fuzz_xml_verdict/"
            + "seed-valid-cdata-comments-instructions"));
    XmlTreeBuilder tree = new XmlTreeBuilder(ContractTree.xml());

    assertTrue(XsdVerdict.shared().passes(seed, 0, seed.length, OPTIONS, tree));
    assertAgrees(seed, "the seed of sections");
    assertEquals("你好 <b>&amp;</b> ]]>&好",
        tree.tree().get("JobsDetail").get(0).get("Operation").get("TtsConfig").get("Input").asText());
  }

  /** A processing instruction target at the parser's name limit (1,000 characters) and past it, in and out of the root. */
  @ParameterizedTest
  @ValueSource(ints = {999, 1000, 1001, 1002})
  void holds_an_instruction_target_to_the_name_limit(int length) {
    String instruction = "<?" + "p".repeat(length) + " data?>";
    assertAgrees(instruction + MINIMAL);
    assertAgrees(MINIMAL.replace("<JobId>", instruction + "<JobId>"));
    assertAgrees(MINIMAL.replace("<State>Success", "<State>Succ" + instruction + "ess"));
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
      "<!-- \u4E2D -->", "<!-- \u0001 -->", "\uFEFF\uFEFF", "\r\n\t ", "<?pi x?>", "<?xml-stylesheet?>",
      "<?xml version=\"1.0\"?><?pi?>\n<!--c-->", "\n<?xml version=\"1.0\"?>", "<?pi?><?xml version=\"1.0\"?>",
      "<?XML x?>", "<?xml:x y?>", "<?pi?x?>", "<![CDATA[x]]>", "\uFEFF<?pi\r\n?>"})
  void reads_a_prolog_as_the_full_pass_does(String prolog) {
    assertAgrees(prolog + MINIMAL);
  }

  /** A character reference between elements, or one written with more than seven digits. */
  private static final java.util.regex.Pattern LEFT_REFERENCE =
      java.util.regex.Pattern.compile("</\\w+>\\s*&#|&#x?[0-9a-fA-F]{8,};");

  /** A processing instruction whose target has a character other than ASCII letters, digits, "_", "-" and ".". */
  private static final java.util.regex.Pattern LEFT_INSTRUCTION =
      java.util.regex.Pattern.compile("<\\?[\\w.-]*[^\\w.\\-?\\s]");

  /**
   * Whether the payload holds a form the verdict leaves to the parser: an XML 1.1 declaration, a character reference
   * of {@link #LEFT_REFERENCE} or an instruction of {@link #LEFT_INSTRUCTION}. CDATA sections, comments and other
   * processing instructions are read like the rest.
   */
  private static boolean leftToTheParser(String payload) {
    return payload.contains("version=\"1.1\"") || LEFT_REFERENCE.matcher(payload).find()
        || LEFT_INSTRUCTION.matcher(payload).find();
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
