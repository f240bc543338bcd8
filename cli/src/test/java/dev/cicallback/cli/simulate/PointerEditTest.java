package dev.cicallback.cli.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cicallback.validator.CallbackValidator;
import dev.cicallback.validator.PayloadFormat;
import dev.cicallback.validator.Problem;
import dev.cicallback.validator.ProblemCode;
import dev.cicallback.validator.ValidationResult;
import dev.cicallback.validator.ValidatorOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code --set}: edits by JSON Pointer in either format, and clear refusals. */
class PointerEditTest {

  private static final BodyMaker MAKER = BodyMaker.create(ValidatorOptions.defaults());
  private static final Event TTS = EventCatalogue.find("tts-success").orElseThrow();

  private static Body make(PayloadFormat format, boolean allowInvalid, String... sets) throws Exception {
    List<PointerEdit> edits = new java.util.ArrayList<>();
    for (String set : sets) {
      edits.add(PointerEdit.parse(set));
    }
    return MAKER.make(TTS, format, edits, allowInvalid);
  }

  private static String text(Body body) {
    return new String(body.bytes(), StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @EnumSource(PayloadFormat.class)
  void a_node_is_edited_in_either_format_and_the_body_stays_valid(PayloadFormat format) throws Exception {
    Body body = make(format, false, "/JobsDetail/0/State=Failed", "/JobsDetail/0/Code=InternalError",
        "/JobsDetail/0/Operation/UserData=order 7 & <more>");

    ValidationResult verdict = CallbackValidator.strict().validate(body.bytes());
    assertTrue(verdict.isValid(), verdict + text(body));
    if (format == PayloadFormat.XML) {
      assertTrue(text(body).contains("<State>Failed</State>"), text(body));
      assertTrue(text(body).contains("<Code>InternalError</Code>"), text(body));
      assertTrue(text(body).contains("<UserData>order 7 &amp; &lt;more&gt;</UserData>"), text(body));
    } else {
      var tree = new ObjectMapper().readTree(body.bytes());
      assertEquals("Failed", tree.at("/JobsDetail/0/State").asText());
      assertEquals("order 7 & <more>", tree.at("/JobsDetail/0/Operation/UserData").asText());
    }
  }

  @ParameterizedTest
  @EnumSource(PayloadFormat.class)
  void a_json_value_and_an_empty_text_are_sent_as_given(PayloadFormat format) throws Exception {
    Body body = make(format, false, "/JobsDetail/0/Operation/JobLevel:=2", "/JobsDetail/0/Code=");

    assertTrue(CallbackValidator.strict().validate(body.bytes()).isValid(), text(body));
    assertTrue(format == PayloadFormat.XML
        ? text(body).contains("<JobLevel>2</JobLevel>") && text(body).contains("<Code></Code>")
        : text(body).contains("\"JobLevel\": 2,") && text(body).contains("\"Code\": \"\""), text(body));
  }

  @ParameterizedTest
  @EnumSource(PayloadFormat.class)
  void a_value_the_contract_refuses_is_refused_with_its_problem(PayloadFormat format) {
    BodyMaker.Refused refused = assertThrows(BodyMaker.Refused.class,
        () -> make(format, false, "/JobsDetail/0/State=Bogus"));

    Problem problem = refused.verdict().errors().get(0);
    assertEquals(ProblemCode.VALUE, problem.code(), problem.toString());
    assertTrue(problem.message().contains("Bogus"), problem.message());
    assertEquals(format == PayloadFormat.XML ? "/Response/JobsDetail[1]/State" : "/JobsDetail/0/State",
        problem.location());
    assertEquals("tts-success." + (format == PayloadFormat.XML ? "xml" : "json"), refused.body().label());
  }

  @ParameterizedTest
  @EnumSource(PayloadFormat.class)
  void allow_invalid_sends_it_all_the_same_expecting_a_refusal(PayloadFormat format) throws Exception {
    Body body = make(format, true, "/JobsDetail/0/State=Bogus", "/JobsDetail/0/Priority=high");

    assertEquals(Body.Expect.REFUSED, body.expect());
    assertTrue(text(body).contains(format == PayloadFormat.XML ? "<State>Bogus</State>" : "\"State\": \"Bogus\""));
    assertTrue(text(body).contains(format == PayloadFormat.XML ? "<Priority>high</Priority>" : "\"Priority\""),
        "--allow-invalid adds a missing last step: " + text(body));
    assertTrue(!CallbackValidator.strict().validate(body.bytes()).isValid());
  }

  @Test
  void a_pointer_that_leads_nowhere_is_refused_naming_what_is_there() {
    PointerEdit.Refused member = assertThrows(PointerEdit.Refused.class,
        () -> make(PayloadFormat.XML, false, "/JobsDetail/0/Stat=Failed"));
    assertTrue(member.getMessage().startsWith(
        "--set /JobsDetail/0/Stat: no such node: /JobsDetail/0 has no member Stat; it has Code, "),
        member.getMessage());
    assertTrue(member.getMessage().contains(", State, ") && member.getMessage().endsWith("; --allow-invalid adds it"),
        member.getMessage());

    PointerEdit.Refused index = assertThrows(PointerEdit.Refused.class,
        () -> make(PayloadFormat.JSON, true, "/JobsDetail/3/State=Failed"));
    assertEquals("--set /JobsDetail/3/State: no such node: /JobsDetail has 1 item (0 to 0), no 3", index.getMessage());

    PointerEdit.Refused noIndex = assertThrows(PointerEdit.Refused.class,
        () -> make(PayloadFormat.JSON, false, "/JobsDetail/State=Failed"));
    assertTrue(noIndex.getMessage().endsWith(
        "/JobsDetail is an array: give an item's index before State, such as /JobsDetail/0/State"),
        noIndex.getMessage());

    PointerEdit.Refused deeper = assertThrows(PointerEdit.Refused.class,
        () -> make(PayloadFormat.JSON, true, "/JobsDetail/0/NoSuch/Child=x"));
    assertTrue(deeper.getMessage().contains("/JobsDetail/0 has no member NoSuch"), deeper.getMessage());

    PointerEdit.Refused leaf = assertThrows(PointerEdit.Refused.class,
        () -> make(PayloadFormat.JSON, true, "/JobsDetail/0/State/Child=x"));
    assertTrue(leaf.getMessage().contains("/JobsDetail/0/State is a text (\"Success\"), which has no Child"),
        leaf.getMessage());
  }

  @Test
  void malformed_edits_are_refused_with_the_form_they_take() {
    assertTrue(assertThrows(PointerEdit.Refused.class, () -> PointerEdit.parse("JobsDetail/0/State=Failed"))
        .getMessage().startsWith("--set takes POINTER=VALUE with a JSON Pointer such as /JobsDetail/0/State=Failed"));
    assertTrue(assertThrows(PointerEdit.Refused.class, () -> PointerEdit.parse("/JobsDetail/0/State"))
        .getMessage().startsWith("--set takes POINTER=VALUE"));
    assertTrue(assertThrows(PointerEdit.Refused.class, () -> PointerEdit.parse("/JobsDetail/0/State:={oops"))
        .getMessage().contains("the value after := must be JSON"));
    assertEquals("a=b", new PointerEdit("/x", new com.fasterxml.jackson.databind.node.TextNode("a=b")).value()
        .asText());
    assertEquals("a=b", assertDoesNotThrow("/JobsDetail/0/UserData=a=b").value().asText());
  }

  private static PointerEdit assertDoesNotThrow(String argument) {
    try {
      return PointerEdit.parse(argument);
    } catch (PointerEdit.Refused e) {
      throw new AssertionError(e.getMessage());
    }
  }

  @Test
  void what_xml_cannot_carry_is_refused_naming_the_node() {
    assertTrue(assertThrows(PointerEdit.Refused.class,
        () -> make(PayloadFormat.XML, true, "/JobsDetail/0/Operation/UserData=a\u0001b")).getMessage()
        .equals("UserData holds U+0001, a character XML 1.0 cannot carry; only JSON can"));
    assertTrue(assertThrows(PointerEdit.Refused.class,
        () -> make(PayloadFormat.XML, true, "/JobsDetail/0/a b=x")).getMessage()
        .startsWith("the member \"a b\" is not an XML element name"));
  }
}
