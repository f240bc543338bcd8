package dev.cicallback.validator.internal.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.cicallback.validator.Problem;
import dev.cicallback.validator.ProblemCode;
import dev.cicallback.validator.Severity;
import dev.cicallback.validator.ValidatorOptions;
import dev.cicallback.validator.internal.contract.ContractTree;
import dev.cicallback.validator.internal.core.TextPosition;
import org.junit.jupiter.api.Test;

/**
 * The schema validator's errors as problems, asked directly for the cases no payload reaches through the full pass:
 * an error with no key or no message, an error before the root, a key lacking on an element the contract does not
 * know, a duplicate field no identity constraint names.
 */
class XsdMessagesTest {

  private static final ValidatorOptions OPTIONS = ValidatorOptions.defaults();
  private static final TextPosition AT = new TextPosition(3, 7);
  private static final ContractTree.Node ROOT = ContractTree.xml().root();

  private static Problem problem(ProblemCode code, String location, String message) {
    return new Problem(Severity.ERROR, code, message, 3, 7, location);
  }

  @Test
  void the_key_is_the_cvc_identifier_before_the_colon() {
    assertEquals("cvc-pattern-valid", XsdMessages.key("cvc-pattern-valid: Value 'x' is not facet-valid."));
    assertEquals("cvc-complex-type.2.4.a", XsdMessages.key("cvc-complex-type.2.4.a: Invalid content."));
    assertEquals("cvc-identity-constraint.4.2.1.a", XsdMessages.key("cvc-identity-constraint.4.2.1.a: Element"));
    assertNull(XsdMessages.key(null));
    assertNull(XsdMessages.key("Content is not allowed in prolog."));
    assertNull(XsdMessages.key("cvc-pattern-valid without a colon"));
    assertNull(XsdMessages.key(" cvc-pattern-valid: not at the start"));
  }

  @Test
  void an_error_without_a_key_is_a_syntax_error_shown_as_it_is() {
    assertEquals(problem(ProblemCode.SYNTAX, "/Response", "not well-formed XML: unreadable input"),
        XsdMessages.problem(null, null, AT, "/Response", OPTIONS));
    assertEquals(problem(ProblemCode.SYNTAX, "", "not well-formed XML: The parser's own words."),
        XsdMessages.problem("The parser's own words.", null, AT, "", OPTIONS));
  }

  @Test
  void an_error_that_repeats_another_for_another_element_is_unsaid() {
    assertEquals(problem(ProblemCode.VALUE, "", "the document: value not allowed"),
        XsdMessages.unsaid(null, AT, ""));
    XmlPathTracker.Step root = new XmlPathTracker.Step("/Response", "Response", ROOT, AT, null);
    assertEquals(problem(ProblemCode.VALUE, "/Response", "Response: value not allowed"),
        XsdMessages.unsaid(root, AT, "/Response"));
  }

  @Test
  void an_incomplete_content_before_the_root_or_where_the_contract_says_nothing() {
    String raw = "cvc-complex-type.2.4.b: The content of element is not complete.";

    assertEquals(problem(ProblemCode.MISSING, "", "the document is incomplete"),
        XsdMessages.problem(raw, null, AT, "", OPTIONS));
    XmlPathTracker.Step unknown = new XmlPathTracker.Step("/Response/Bar", "Bar", null, AT, null);
    assertEquals(problem(ProblemCode.MISSING, "/Response/Bar", "Bar is incomplete"),
        XsdMessages.problem(raw, unknown, AT, "/Response/Bar", OPTIONS));
  }

  @Test
  void a_duplicate_field_before_the_root_or_named_by_no_constraint() {
    assertEquals(problem(ProblemCode.DUPLICATE, "", "the document occurs more than once in the document; it may occur"
            + " only once"),
        XsdMessages.problem("cvc-identity-constraint.3: Field", null, AT, "", OPTIONS));
    XmlPathTracker.Step unknown = new XmlPathTracker.Step("/Response/Bar", "Bar", null, AT, null);
    XmlPathTracker.Step foo = new XmlPathTracker.Step("/Response/Bar/Foo", "Foo", null, AT, unknown);
    assertEquals(problem(ProblemCode.DUPLICATE, "/Response/Bar/Foo", "Foo occurs more than once in Bar; it may occur"
            + " only once"),
        XsdMessages.problem("cvc-identity-constraint.3: Field", foo, AT, "/Response/Bar/Foo", OPTIONS));
  }

  @Test
  void a_key_lacking_is_said_once_per_element_with_the_fields_it_lacks() {
    ContractTree.Node output = ROOT.child("JobsDetail").child("Operation").child("Output");
    XmlPathTracker.Step step = new XmlPathTracker.Step("/Response/JobsDetail[1]/Operation/Output", "Output", output,
        AT, null);
    step.childCounts.put("Object", 1);
    String raw = "cvc-identity-constraint.4.2.1.a: Element \"Output\" has no value for the key";

    assertEquals(problem(ProblemCode.MISSING, step.path, "Output lacks the required node Region and Bucket"),
        XsdMessages.problem(raw, step, AT, step.path, OPTIONS));
    assertNull(XsdMessages.problem(raw, step, AT, step.path, OPTIONS));

    XmlPathTracker.Step withRegion = new XmlPathTracker.Step(step.path, "Output", output, AT, null);
    withRegion.childCounts.put("Region", 1);
    assertEquals(problem(ProblemCode.MISSING, step.path, "Output lacks the required node Bucket"),
        XsdMessages.problem(raw, withRegion, AT, step.path, OPTIONS));
  }

  @Test
  void a_key_lacking_where_the_contract_says_nothing() {
    String raw = "cvc-identity-constraint.4.2.1.a: Element has no value for the key";
    String said = ": not what the contract allows here (the schema says cvc-identity-constraint.4.2.1.a)";

    assertEquals(problem(ProblemCode.VALUE, "", "the document" + said),
        XsdMessages.problem(raw, null, AT, "", OPTIONS));
    XmlPathTracker.Step unknown = new XmlPathTracker.Step("/Response/Bar", "Bar", null, AT, null);
    assertEquals(problem(ProblemCode.VALUE, "/Response/Bar", "Bar" + said),
        XsdMessages.problem(raw, unknown, AT, "/Response/Bar", OPTIONS));
    // A node of the contract whose keys are all there: the schema's key is named.
    XmlPathTracker.Step complete = new XmlPathTracker.Step("/Response", "Response", ROOT, AT, null);
    assertEquals(problem(ProblemCode.VALUE, "/Response", "Response" + said),
        XsdMessages.problem(raw, complete, AT, "/Response", OPTIONS));
  }
}
