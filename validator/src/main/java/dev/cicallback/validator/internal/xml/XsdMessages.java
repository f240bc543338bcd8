package dev.cicallback.validator.internal.xml;

import dev.cicallback.contract.Identity;
import dev.cicallback.validator.Problem;
import dev.cicallback.validator.ProblemCode;
import dev.cicallback.validator.ValidatorOptions;
import dev.cicallback.validator.internal.contract.ContractTree;
import dev.cicallback.validator.internal.core.Messages;
import dev.cicallback.validator.internal.core.Sentences;
import dev.cicallback.validator.internal.core.Text;
import dev.cicallback.validator.internal.core.TextPosition;
import dev.cicallback.validator.internal.message.UnknownNodes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The XML Schema validator's errors as problems. Each error is judged by its key alone, the {@code cvc-...}
 * identifier its message starts with (the key of the validator's own message bundle, the same in every locale), and
 * by what the path tracker knows at that point: the element being read ({@link XmlPathTracker.Step}: its name,
 * parent, children in order and text) and that element's node in the contract tree. The rest of the validator's
 * sentence is never read: where the key alone cannot tell, the comments below say what is used instead.
 */
public final class XsdMessages {

  /** The key an error's message starts with: {@code cvc-complex-type.2.4.a: Invalid content...}. */
  private static final Pattern KEY = Pattern.compile("cvc-[A-Za-z-]+(?:\\.[0-9a-z]+)*(?=:)");

  private XsdMessages() {}

  /** The key of a schema validator's message ({@code cvc-pattern-valid}), or null when it starts with none. */
  public static String key(String raw) {
    if (raw == null) {
      return null;
    }
    Matcher key = KEY.matcher(raw);
    return key.lookingAt() ? key.group() : null;
  }

  /**
   * The problem a schema validator's error is, for the element being read ({@code element}, null before the root),
   * placed at {@code at} and {@code path}; or {@code null} when the error only repeats the one just given for the
   * same element (the generic cvc-type after a facet error).
   */
  public static Problem problem(
      String raw, XmlPathTracker.Step element, TextPosition at, String path, ValidatorOptions options) {
    String key = key(raw);
    if (key == null) {
      // Not the schema's: a recoverable error of the parser, which has no key to judge by. It is shown as it is.
      return Messages.error(
          ProblemCode.SYNTAX, at.line(), at.column(), path, Text.SYNTAX_XML,
          Sentences.abbreviate(raw == null ? Messages.render(Text.PART_UNREADABLE) : raw, 200));
    }
    String name = element == null ? Messages.render(Text.PART_THE_DOCUMENT) : element.name;
    String parentName =
        element == null || element.parent == null ? Messages.render(Text.PART_THE_DOCUMENT) : element.parent.name;
    ContractTree.Node node = element == null ? null : element.node;
    // Any complaint about a parent's content (cvc-complex-type.2.4.*) at a second occurrence of a child that may
    // occur once is that: told by the tracker's count of the parent's children and the contract's node.
    if (isRepeatedSingle(element) && key.startsWith("cvc-complex-type.2.4.")) {
      return error(ProblemCode.DUPLICATE, at, path, Text.DUPLICATE_ONCE, name, parentName);
    }
    return switch (key) {
      // Reported at the start of the child out of place, which the tracker has just opened: the child is the
      // element, and what may come instead is worked out from the parent's content model and the children before it.
      case "cvc-complex-type.2.4.a" -> {
        List<String> expected = element.parent == null
            ? List.of()
            : ContentOrder.next(contentOf(element.parent), before(element.parent.children));
        yield expected.isEmpty()
            ? error(ProblemCode.NOT_ALLOWED, at, path, Text.NOT_ALLOWED_UNEXPECTED_UNSAID,
                Sentences.abbreviate(name, 60), parentName)
            : error(ProblemCode.NOT_ALLOWED, at, path, Text.NOT_ALLOWED_UNEXPECTED,
                Sentences.abbreviate(name, 60), parentName, String.join(", ", expected));
      }
      case "cvc-complex-type.2.4.d" -> error(ProblemCode.NOT_ALLOWED, at, path, Text.NOT_ALLOWED_NOTHING_MORE,
          Sentences.abbreviate(name, 60), parentName);
      // Reported at the end of the incomplete element: what it lacks is its required children not seen, or else
      // what its content model allows after the children it has.
      case "cvc-complex-type.2.4.b" -> {
        List<String> expected = element == null ? List.of() : ContentOrder.next(contentOf(element), element.children);
        if (lacksOnlyEventName(element, expected)) {
          yield UnknownNodes.missingEventName(options, at, path);
        }
        List<String> missing = element == null ? List.of() : element.missingRequired();
        if (!missing.isEmpty()) {
          yield error(ProblemCode.MISSING, at, path, Text.MISSING_REQUIRED, name, String.join(" and ", missing));
        }
        yield expected.isEmpty()
            ? error(ProblemCode.MISSING, at, path, Text.MISSING_INCOMPLETE_UNSAID, name)
            : error(ProblemCode.MISSING, at, path, Text.MISSING_INCOMPLETE, name, String.join(", ", expected));
      }
      // Reported at the end of the leaf: the value refused is the leaf's text as the tracker passed it on (every
      // value type of the contract is a restriction of xs:string, so the schema judges the text as it is).
      case "cvc-pattern-valid", "cvc-enumeration-valid", "cvc-minInclusive-valid", "cvc-maxInclusive-valid" -> {
        String value = element == null ? "" : element.text.toString();
        if (key.equals("cvc-enumeration-valid") && isJobTag(element)) {
          yield UnknownNodes.tag(value, node, options, at, path);
        }
        yield error(ProblemCode.VALUE, at, path, Text.VALUE_NOT_ALLOWED,
            name, "\"" + Sentences.abbreviate(value, 60) + "\"", ContractTree.expectedValue(node));
      }
      case "cvc-type.3.1.3", "cvc-datatype-valid.1.2.1" -> null;
      case "cvc-elt.1.a" -> error(ProblemCode.NOT_ALLOWED, at, path, Text.NOT_ALLOWED_ROOT,
          ContractTree.xml().root().name(), name);
      case "cvc-complex-type.2.3", "cvc-complex-type.2.1" ->
          error(ProblemCode.SHAPE, at, path, Text.SHAPE_TEXT_IN_CONTAINER, name);
      case "cvc-type.3.1.2" -> error(ProblemCode.SHAPE, at, path, Text.SHAPE_ELEMENTS_IN_VALUE, name);
      // Reported at the end of the field's second match: which field it is comes from the identity constraints
      // the contract gives the element's ancestors, the one whose field is the path down to this element.
      case "cvc-identity-constraint.3" ->
          error(ProblemCode.DUPLICATE, at, path, Text.DUPLICATE_ONCE, duplicateField(element), parentName);
      // Reported at the end of the element that scopes an xs:key, once for each key it lacks: the key fields the
      // contract gives the element that it has no child for, said at the first of these errors, which the others
      // repeat.
      case "cvc-identity-constraint.4.2.1.a" -> {
        if (element == null) {
          yield error(ProblemCode.VALUE, at, path, Text.VALUE_SCHEMA, name, key);
        }
        if (element.keysReported) {
          yield null;
        }
        element.keysReported = true;
        List<String> missing = missingKeyFields(element);
        yield missing.isEmpty()
            ? error(ProblemCode.VALUE, at, path, Text.VALUE_SCHEMA, name, key)
            : error(ProblemCode.MISSING, at, path, Text.MISSING_REQUIRED, name, String.join(" and ", missing));
      }
      // The tracker passes no attribute on (the contract has none), so this is not expected to happen.
      case "cvc-complex-type.3.2.2" -> error(ProblemCode.UNKNOWN_NODE, at, path, Text.UNKNOWN_NODE_ATTRIBUTE_ON, name);
      default -> error(ProblemCode.VALUE, at, path, Text.VALUE_SCHEMA, name, key);
    };
  }

  /** The problem for an error that only repeats one already given, when that one was for another element. */
  public static Problem unsaid(XmlPathTracker.Step element, TextPosition at, String path) {
    String name = element == null ? Messages.render(Text.PART_THE_DOCUMENT) : element.name;
    return error(ProblemCode.VALUE, at, path, Text.VALUE_UNSAID, name);
  }

  private static Problem error(ProblemCode code, TextPosition at, String path, Text text, Object... arguments) {
    return Messages.error(code, at.line(), at.column(), path, text, arguments);
  }

  private static dev.cicallback.contract.ContentModel contentOf(XmlPathTracker.Step element) {
    return element.node == null ? null : element.node.content();
  }

  /** The children before the last one (the one being read). */
  private static List<String> before(List<String> children) {
    return children.isEmpty() ? children : children.subList(0, children.size() - 1);
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

  /**
   * Whether the root, which holds the jobs or the workflow run already, lacks EventName: EventName is among what its
   * content model allows next ({@code expected}).
   */
  private static boolean lacksOnlyEventName(XmlPathTracker.Step element, List<String> expected) {
    return element != null
        && element.parent == null
        && expected.contains("EventName")
        && (element.childCounts.containsKey("JobsDetail") || element.childCounts.containsKey("WorkflowExecution"));
  }

  /** The fields of the keys {@code element} scopes (selector {@code .}) whose first step it has no child for. */
  private static List<String> missingKeyFields(XmlPathTracker.Step element) {
    List<String> missing = new ArrayList<>();
    for (Identity identity : element.node == null ? List.<Identity>of() : element.node.identities()) {
      if (!identity.key() || !identity.selector().replaceFirst("^\\./?", "").isEmpty()) {
        continue;
      }
      for (String field : identity.fields()) {
        String written = field.replaceFirst("^\\./", "");
        String first = written.contains("/") ? written.substring(0, written.indexOf('/')) : written;
        if (!element.childCounts.containsKey(first) && !missing.contains(written)) {
          missing.add(written);
        }
      }
    }
    return missing;
  }

  /**
   * The field of an identity constraint that matched {@code element} a second time, as the schema writes it
   * ({@code TtsConfig/InputType}): the first field, among the constraints of the element's ancestors, whose path
   * from its scope (through the selector) is the path down to the element; the element's name if none is.
   */
  private static String duplicateField(XmlPathTracker.Step element) {
    if (element == null) {
      return Messages.render(Text.PART_THE_DOCUMENT);
    }
    List<String> down = new ArrayList<>();
    for (XmlPathTracker.Step step = element; step.parent != null; step = step.parent) {
      down.add(0, step.name);
      ContractTree.Node scope = step.parent.node;
      if (scope == null) {
        continue;
      }
      String relative = String.join("/", down);
      for (Identity identity : scope.identities()) {
        String selector = identity.selector().replaceFirst("^\\./?", "");
        for (String field : identity.fields()) {
          String written = field.replaceFirst("^\\./", "");
          String full = selector.isEmpty() ? written : selector + "/" + written;
          if (full.equals(relative)) {
            return written;
          }
        }
      }
    }
    return element.name;
  }
}
