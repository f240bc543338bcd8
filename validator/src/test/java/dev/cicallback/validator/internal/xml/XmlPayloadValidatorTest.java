package dev.cicallback.validator.internal.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cicallback.validator.ValidatorOptions;
import dev.cicallback.validator.internal.contract.ContractTree;
import dev.cicallback.validator.internal.xml.quick.XsdVerdict;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The choice between the quick passes: payloads the verdict read from the bytes doubts (an instruction whose target
 * is not ASCII) after it
 * has passed on some of their events, which the parser with the XSD inside then judges: its tree starts afresh, the
 * jobs of a Tag with its own entry are watched afresh, and a declared encoding other than UTF-8 leaves the payload to
 * the full pass.
 */
class XmlPayloadValidatorTest {

  private static final XmlPayloadValidator STRICT = new XmlPayloadValidator(ValidatorOptions.defaults(), true);
  private static final XmlPayloadValidator TOLERANT =
      new XmlPayloadValidator(ValidatorOptions.builder().mode(ValidatorOptions.Mode.TOLERANT).build(), true);

  /**
   * A valid TTS callback whose input, late in the payload, holds an instruction with a target that is not ASCII: the
   * verdict doubts there, after passing on the events before it.
   */
  private static final byte[] DOUBTED = XmlQuickPassTest.tts("<![CDATA[a <b>]]> &amp; c<?\u00E9t\u00E9 x?>");

  /**
   * The same without its TtsConfig, valid for the union entry but not for TTS's own, with the instruction in its
   * Output's Object: the verdict doubts inside the job, after its Tag.
   */
  private static final byte[] LACKING = new String(DOUBTED, StandardCharsets.UTF_8)
      .replaceAll("<TtsConfig>.*</TtsConfig>", "")
      .replace("<Object>o.mp3</Object>", "<Object>o.mp3<?\u00E9t\u00E9 x?></Object>")
      .getBytes(StandardCharsets.UTF_8);

  private static byte[] declared(String encoding, byte[] payload) {
    return ("<?xml version=\"1.0\" encoding=\"" + encoding + "\"?>\n" + new String(payload, StandardCharsets.UTF_8))
        .getBytes(StandardCharsets.UTF_8);
  }

  private static boolean quickly(XmlPayloadValidator validator, byte[] bytes) {
    return validator.passesQuickly(bytes, 0, bytes.length, null);
  }

  @Test
  void the_verdict_doubts_and_the_parser_passes_with_the_full_pass_tree() {
    XmlTreeBuilder tree = new XmlTreeBuilder(ContractTree.xml());

    assertFalse(XsdVerdict.shared()
        .passes(DOUBTED, 0, DOUBTED.length, ValidatorOptions.defaults()));
    assertTrue(STRICT.passesQuickly(DOUBTED, 0, DOUBTED.length, tree));
    assertEquals(STRICT.checkFully(DOUBTED, 0, DOUBTED.length).tree(), tree.tree());
    assertEquals("a <b> & c", tree.tree().at("/JobsDetail/0/Operation/TtsConfig/Input").asText());
    assertTrue(quickly(STRICT, DOUBTED));
  }

  @Test
  void a_tag_with_its_own_entry_is_held_to_it_after_the_verdict_doubts() {
    assertFalse(XsdVerdict.shared()
        .passes(LACKING, 0, LACKING.length, ValidatorOptions.defaults()));
    assertFalse(quickly(STRICT, LACKING));
    assertFalse(STRICT.checkFully(LACKING, 0, LACKING.length).problems().isEmpty());
    XmlTreeBuilder tree = new XmlTreeBuilder(ContractTree.xml());
    assertFalse(STRICT.passesQuickly(LACKING, 0, LACKING.length, tree));
    // Tolerant mode does not ask what a Tag requires.
    assertTrue(quickly(TOLERANT, LACKING));
    assertTrue(quickly(TOLERANT, DOUBTED));
  }

  @Test
  void the_verdict_alone_answers_what_it_reads_to_the_end() {
    byte[] valid = XmlQuickPassTest.tts("hi");
    byte[] lacking = new String(valid, StandardCharsets.UTF_8).replaceAll("<TtsConfig>.*</TtsConfig>", "")
        .getBytes(StandardCharsets.UTF_8);

    assertTrue(XsdVerdict.shared().passes(valid, 0, valid.length, ValidatorOptions.defaults()));
    assertTrue(XsdVerdict.shared().passes(lacking, 0, lacking.length, ValidatorOptions.defaults()));
    assertTrue(quickly(STRICT, valid));
    assertFalse(quickly(STRICT, lacking));
    assertTrue(quickly(TOLERANT, lacking));
  }

  @Test
  void a_declared_encoding_other_than_utf8_is_left_to_the_full_pass() {
    assertTrue(quickly(STRICT, declared("UTF-8", DOUBTED)));
    assertTrue(quickly(STRICT, declared("utf-8", DOUBTED)));
    assertFalse(quickly(STRICT, declared("ISO-8859-1", DOUBTED)));
    assertFalse(quickly(STRICT, declared("US-ASCII", DOUBTED)));
    byte[] latin = declared("ISO-8859-1", DOUBTED);
    assertEquals("ENCODING", STRICT.checkFully(latin, 0, latin.length).problems().get(0).code().name());
  }
}
