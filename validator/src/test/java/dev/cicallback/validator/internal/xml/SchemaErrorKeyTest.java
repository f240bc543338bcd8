package dev.cicallback.validator.internal.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cicallback.model.testing.Fixtures;
import dev.cicallback.validator.Problem;
import dev.cicallback.validator.ProblemCode;
import dev.cicallback.validator.ValidatorOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xml.sax.SAXParseException;

/**
 * A schema error is judged by its key ({@code cvc-...}) and what the path tracker knows, never by the rest of the
 * validator's sentence: each payload goes through the full pass twice, with the errors as reported and with all
 * but their key replaced by other text, and must come out with the same problems.
 */
class SchemaErrorKeyTest {

  private static final List<ValidatorOptions> MODES =
      List.of(
          ValidatorOptions.builder().mode(ValidatorOptions.Mode.STRICT).build(),
          ValidatorOptions.builder().mode(ValidatorOptions.Mode.TOLERANT).build());

  private static final String JOB = "<JobsDetail><JobId>j1</JobId><State>Success</State><Tag>Tts</Tag><Operation>"
      + "<TtsConfig><InputType>Text</InputType><Input>hi</Input></TtsConfig><Output><Region>ap-chongqing</Region>"
      + "<Bucket>test-123456789</Bucket><Object>o.mp3</Object></Output></Operation></JobsDetail>";
  private static final String WORKFLOW = "<WorkflowExecution><RunId>r</RunId></WorkflowExecution>";

  /** Payloads made for the cases no fixture has, with the problem each must give in strict mode. */
  static Stream<Arguments> made() {
    return Stream.of(
        // cvc-complex-type.2.4.a: what may come instead, from the content model and the children before
        Arguments.of("<Response>" + JOB + WORKFLOW + "</Response>", ProblemCode.NOT_ALLOWED,
            "unexpected element WorkflowExecution in Response; expected one of JobsDetail, EventName"),
        Arguments.of("<Response><EventName>TaskFinish</EventName><Bogus/></Response>", ProblemCode.UNKNOWN_NODE,
            null),
        // cvc-complex-type.2.4.d: complete, and one more
        Arguments.of("<Response>" + JOB + "<EventName>TaskFinish</EventName>" + JOB + "</Response>",
            ProblemCode.NOT_ALLOWED, "unexpected element JobsDetail in Response: nothing more is allowed here"),
        Arguments.of("<Response>" + WORKFLOW + "<EventName>WorkflowFinish</EventName>" + WORKFLOW + "</Response>",
            ProblemCode.DUPLICATE, "WorkflowExecution occurs more than once in Response; it may occur only once"),
        // cvc-complex-type.2.4.b: incomplete, with or without required children missing
        Arguments.of("<Response><EventName>TaskFinish</EventName></Response>", ProblemCode.MISSING,
            "Response is incomplete: it lacks one of JobsDetail, WorkflowExecution"),
        Arguments.of("<Response>" + JOB + "</Response>", ProblemCode.MISSING_EVENT_NAME, null),
        Arguments.of("<Response>" + WORKFLOW + "</Response>", ProblemCode.MISSING_EVENT_NAME, null),
        // cvc-pattern-valid, cvc-enumeration-valid: the value is the element's text, quotes and all
        Arguments.of("<Response><EventName>Task'Finish'</EventName>" + JOB + "</Response>", ProblemCode.VALUE,
            "EventName: \"Task'Finish'\" is not allowed; expected one of TaskFinish, WorkflowFinish."),
        Arguments.of("<Response><EventName>TaskFinish</EventName>" + JOB.replace("<State>Success", "<State>It's")
            + "</Response>", ProblemCode.VALUE,
            "State: \"It's\" is not allowed; expected one of Submitted, Running, Success, Failed, Pause, Cancel."),
        Arguments.of("<Response><EventName>TaskFinish</EventName>"
            + JOB.replace("<Tag>Tts", "<Tag>'Doc'\n<![CDATA[x]]>") + "</Response>", ProblemCode.UNKNOWN_TAG, null),
        // cvc-complex-type.2.3, cvc-type.3.1.2: the shape, by the element alone
        Arguments.of("<Response><EventName>TaskFinish</EventName>" + JOB.replace("<Operation>", "<Operation>text")
            + "</Response>", ProblemCode.SHAPE, "Operation holds text, but it is a container of other nodes"),
        Arguments.of("<Response><EventName>Task<b/>Finish</EventName>" + JOB + "</Response>", ProblemCode.SHAPE,
            "EventName holds elements, but it is a value"),
        // cvc-identity-constraint.4.2.1.a: the keys an element scopes, by the contract's fields and its children
        Arguments.of("<Response><EventName>TaskFinish</EventName>" + JOB.replace("<Region>ap-chongqing</Region>", "")
            .replace("<Bucket>test-123456789</Bucket>", "") + "</Response>", ProblemCode.MISSING,
            "Output lacks the required node Region and Bucket"),
        // cvc-identity-constraint.3: the field matched twice, by the contract's identity constraints
        Arguments.of("<Response><EventName>TaskFinish</EventName>" + JOB.replace("</TtsConfig>",
            "</TtsConfig><TtsConfig><InputType>Url</InputType></TtsConfig>") + "</Response>", ProblemCode.DUPLICATE,
            "TtsConfig/InputType occurs more than once in TtsConfig; it may occur only once"),
        // cvc-elt.1.a: the wrong root
        Arguments.of("<Result/>", ProblemCode.NOT_ALLOWED,
            "the root element must be Response (no namespace), found Result"));
  }

  static List<Path> fixtures() {
    return Fixtures.all("xml");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void fixtures_give_the_same_problems_whatever_the_words(Path fixture) {
    byte[] bytes = Fixtures.read(fixture);
    for (ValidatorOptions options : MODES) {
      assertSameProblems(bytes, options);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("made")
  void made_payloads_give_the_same_problems_whatever_the_words(String payload, ProblemCode code, String message) {
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    List<Problem> problems = new ArrayList<>();
    for (ValidatorOptions options : MODES) {
      problems = assertSameProblems(bytes, options).get(0);
    }
    List<Problem> strict = check(bytes, MODES.get(0), new ArrayList<>(), false);
    assertTrue(strict.stream().anyMatch(p -> p.code() == code && (message == null || p.message().equals(message))),
        () -> "no " + code + " " + message + " in " + strict);
    assertTrue(!problems.isEmpty(), "tolerant mode reports it too");
  }

  /**
   * Where the validator's sentence lists what it expected, that list is the one worked out from the contract (the
   * test reads the sentence; the validator does not).
   */
  @Test
  void what_is_expected_is_what_the_schema_validator_says() {
    Pattern expectedList = Pattern.compile("One of '\\{(.*)\\}' is expected");
    int compared = 0;
    for (Object[] arguments : made().map(Arguments::get).toList()) {
      byte[] bytes = ((String) arguments[0]).getBytes(StandardCharsets.UTF_8);
      List<SAXParseException> errors = new ArrayList<>();
      List<Problem> problems = check(bytes, MODES.get(0), errors, false);
      for (SAXParseException error : errors) {
        Matcher m = expectedList.matcher(error.getMessage());
        if (!m.find()) {
          continue;
        }
        String said = m.group(1).replaceAll("\"[^\"]*\":", "");
        if (problems.stream().anyMatch(p -> p.message().contains(" lacks the required node ")
            || p.code() == ProblemCode.MISSING_EVENT_NAME || p.code() == ProblemCode.DUPLICATE)) {
          continue; // said otherwise: the required children not seen, a body without EventName, a second one
        }
        assertTrue(problems.stream().anyMatch(p -> p.message().endsWith("one of " + said)),
            () -> "the validator expected " + said + "; the problems say " + problems);
        compared++;
      }
    }
    assertTrue(compared >= 2, "compared " + compared);
  }

  /** The problems as reported and as reworded, which must be the same; returns both. */
  private static List<List<Problem>> assertSameProblems(byte[] bytes, ValidatorOptions options) {
    List<SAXParseException> errors = new ArrayList<>();
    List<Problem> asReported = check(bytes, options, errors, false);
    List<SAXParseException> reworded = new ArrayList<>();
    List<Problem> asReworded = check(bytes, options, reworded, true);
    assertEquals(asReported, asReworded, () -> "errors: " + errors + "\nreworded: " + reworded);
    assertEquals(errors.size(), reworded.size());
    for (SAXParseException error : reworded) {
      assertTrue(XsdMessages.key(error.getMessage()) == null
          || error.getMessage().endsWith(": Zeichen 'X' {\"\":Y} ist nicht gültig."), error::getMessage);
    }
    return List.of(asReported, asReworded);
  }

  private static List<Problem> check(
      byte[] bytes, ValidatorOptions options, List<SAXParseException> seen, boolean reword) {
    XmlPayloadValidator validator = new XmlPayloadValidator(options, false);
    return validator.checkFully(bytes, 0, bytes.length, e -> {
      String key = XsdMessages.key(e.getMessage());
      SAXParseException passed = !reword || key == null
          ? e
          : new SAXParseException(key + ": Zeichen 'X' {\"\":Y} ist nicht gültig.", e.getPublicId(), e.getSystemId(),
              e.getLineNumber(), e.getColumnNumber());
      seen.add(passed);
      return passed;
    }).problems();
  }
}
