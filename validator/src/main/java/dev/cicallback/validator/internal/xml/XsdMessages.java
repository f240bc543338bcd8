package dev.cicallback.validator.internal.xml;

import dev.cicallback.validator.ProblemCode;
import dev.cicallback.validator.internal.contract.ContractTree;
import dev.cicallback.validator.internal.core.Sentences;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The XML Schema validator's messages (cvc-* codes) in plain words, naming the node, the value and what is allowed. */
public final class XsdMessages {

  private static final Pattern CODE = Pattern.compile("^(cvc-[a-z-]+(?:\\.[0-9a-z]+)*): (.*)$", Pattern.DOTALL);
  private static final Pattern QUOTED = Pattern.compile("'([^']*)'");
  private static final Pattern EXPECTED = Pattern.compile("One of '\\{(.*)\\}' is expected");
  private static final Pattern FIELD = Pattern.compile("Field \"([^\"]+)\"");

  private XsdMessages() {}

  /**
   * The message for a validator error while reading {@code element}, or {@code null} when the error only repeats one
   * already given for the same element (the generic cvc-type after a facet error).
   */
  public static String describe(String raw, XmlPathTracker.Step element) {
    String elementName = element == null ? "the document" : element.name;
    String parentName = element == null || element.parent == null ? "the document" : element.parent.name;
    ContractTree.Node node = element == null ? null : element.node;
    Matcher code = CODE.matcher(raw);
    if (!code.matches()) {
      return "not well-formed XML: " + Sentences.abbreviate(raw, 200);
    }
    String text = code.group(2);
    Matcher quoted = QUOTED.matcher(text);
    String first = quoted.find() ? Sentences.abbreviate(quoted.group(1), 60) : "";
    boolean repeated = isRepeatedSingle(element);
    if (repeated && code.group(1).startsWith("cvc-complex-type.2.4.")) {
      return elementName + " occurs more than once in " + parentName + "; it may occur only once";
    }
    return switch (code.group(1)) {
      case "cvc-complex-type.2.4.a" -> "unexpected element "
          + first
          + " in "
          + parentName
          + expected(text, "; expected one of ");
      case "cvc-complex-type.2.4.d" -> "unexpected element "
          + first
          + " in "
          + parentName
          + ": nothing more is allowed here";
      case "cvc-complex-type.2.4.b" -> element != null && !element.missingRequired().isEmpty()
          ? elementName + " lacks the required node " + String.join(" and ", element.missingRequired())
          : elementName + " is incomplete: it lacks" + expected(text, " one of ");
      case "cvc-pattern-valid", "cvc-enumeration-valid", "cvc-minInclusive-valid", "cvc-maxInclusive-valid" ->
          elementName + ": \"" + first + "\" is not allowed; expected " + ContractTree.expectedValue(node);
      case "cvc-type.3.1.3", "cvc-datatype-valid.1.2.1" -> null;
      case "cvc-elt.1.a" -> "the root element must be Response (no namespace), found " + elementName;
      case "cvc-complex-type.2.3", "cvc-complex-type.2.1" -> elementName
          + " holds text, but it is a container of other nodes";
      case "cvc-type.3.1.2" -> elementName + " holds elements, but it is a value";
      case "cvc-identity-constraint.3" -> {
        Matcher field = FIELD.matcher(text);
        String child = field.find() ? field.group(1).replaceFirst("^\\./", "") : elementName;
        yield child + " occurs more than once in " + parentName + "; it may occur only once";
      }
      case "cvc-complex-type.3.2.2" -> "attribute " + first + " is not allowed on " + elementName;
      default -> elementName + ": " + Sentences.abbreviate(text, 200) + " (" + code.group(1) + ")";
    };
  }

  /**
   * What kind of problem the validator's error is, read from its cvc code (the message text is not read): the same
   * cases as {@link #describe}.
   */
  public static ProblemCode code(String raw, XmlPathTracker.Step element) {
    Matcher code = CODE.matcher(raw);
    if (!code.matches()) {
      return ProblemCode.SYNTAX;
    }
    String cvc = code.group(1);
    boolean repeated = isRepeatedSingle(element);
    if (repeated && cvc.startsWith("cvc-complex-type.2.4.")) {
      return ProblemCode.DUPLICATE;
    }
    return switch (cvc) {
      case "cvc-complex-type.2.4.a", "cvc-complex-type.2.4.d", "cvc-elt.1.a" -> ProblemCode.NOT_ALLOWED;
      case "cvc-complex-type.2.4.b" -> lacksOnlyEventName(code.group(2), element)
          ? ProblemCode.MISSING_EVENT_NAME
          : ProblemCode.MISSING;
      case "cvc-enumeration-valid" -> isJobTag(element) ? ProblemCode.UNKNOWN_TAG : ProblemCode.VALUE;
      case "cvc-complex-type.2.3", "cvc-complex-type.2.1", "cvc-type.3.1.2" -> ProblemCode.SHAPE;
      case "cvc-identity-constraint.3" -> ProblemCode.DUPLICATE;
      case "cvc-complex-type.3.2.2" -> ProblemCode.UNKNOWN_NODE;
      default -> ProblemCode.VALUE;
    };
  }

  /** Whether {@code element} may occur once in its parent and is its second (or later) occurrence. */
  private static boolean isRepeatedSingle(XmlPathTracker.Step element) {
    return element != null
        && element.parent != null
        && (element.node == null || !element.node.repeatable())
        && element.parent.childCounts.getOrDefault(element.name, 0) > 1;
  }

  /** Whether {@code element} is a job's Tag ({@code JobsDetail/Tag}), whose unknown values are unknown Tags. */
  private static boolean isJobTag(XmlPathTracker.Step element) {
    return element != null && element.name.equals("Tag") && element.parent != null
        && element.parent.name.equals("JobsDetail");
  }

  /** Whether the root, which holds the jobs or the workflow run already, lacks EventName and nothing else. */
  private static boolean lacksOnlyEventName(String text, XmlPathTracker.Step element) {
    Matcher m = EXPECTED.matcher(text);
    if (element == null || element.parent != null || !m.find()) {
      return false;
    }
    List<String> expected = List.of(m.group(1).replaceAll("\"[^\"]*\":", "").split(",\\s*"));
    return expected.contains("EventName")
        && (element.childCounts.containsKey("JobsDetail") || element.childCounts.containsKey("WorkflowExecution"));
  }

  /** The first quoted value of a validator message ('DocProcess' in "Value 'DocProcess' is not facet-valid..."). */
  public static String firstQuoted(String raw) {
    Matcher quoted = QUOTED.matcher(raw);
    return quoted.find() ? quoted.group(1) : "";
  }

  private static String expected(String text, String prefix) {
    Matcher m = EXPECTED.matcher(text);
    return m.find() ? prefix + m.group(1).replaceAll("\"[^\"]*\":", "") : "";
  }
}
